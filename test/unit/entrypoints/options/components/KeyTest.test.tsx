// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isTesting, KeyTestStatus, useKeyTest } from '@/entrypoints/options/components/KeyTest';
import type { OptionsMessage, ResponseOf, Send } from '@/utils/protocol';
import { translatorFor } from '@/test/support/locales';
import { button, cleanup, click, find, mount } from '@/test/unit/helpers/dom';
import { deferred, fakeSend } from '@/test/unit/helpers/fake-send';
import { PATIENT } from '@/test/unit/helpers/patience';

const en = translatorFor('en');

afterEach(cleanup);

const works = (credits: number): ResponseOf<'test-key'> => ({ ok: true, balance: { credits, status: 'active', subscriptionId: null }, at: 0 });

/** "Test key" as the options page uses it: a field, the button, the live region. */
function KeyField({ send, field }: { send: Send<OptionsMessage>; field: string }) {
  const keyTest = useKeyTest(send, en);
  return (
    <>
      <button type="button" onClick={() => void keyTest.test(field)}>
        {en('testKey')}
      </button>
      <KeyTestStatus pending={keyTest.pending} result={keyTest.result} field={field} t={en} />
    </>
  );
}

const status = (root: HTMLElement) => find(root, '[data-testid="key-test"]');

describe('Test key', () => {
  it('sends nothing for what cannot be a key, and says why', () => {
    const send = fakeSend<OptionsMessage>({});
    const { root } = mount(<KeyField send={send} field="sk live" />);
    click(button(root, 'Test key'));
    expect(send).not.toHaveBeenCalled();
    expect(status(root).dataset.tone).toBe('error');
    expect(status(root).textContent).toBe('An API key has no spaces or line breaks. Check that you pasted only the key.');
  });

  it('says it is testing while the answer is out, then what the answer says, for the key trimmed', async () => {
    const answer = deferred<ResponseOf<'test-key'>>();
    const send = fakeSend<OptionsMessage>({ 'test-key': () => answer.promise });
    const { root } = mount(<KeyField send={send} field=" sk_live_abc " />);
    click(button(root, 'Test key'));
    expect(send).toHaveBeenCalledWith('test-key', { apiKey: 'sk_live_abc' });
    expect(status(root).textContent).toBe('Testing the key…');
    expect(status(root).getAttribute('aria-busy')).toBe('true');
    answer.resolve(works(950));
    await vi.waitFor(() => expect(status(root).dataset.tone).toBe('success'), PATIENT);
    expect(status(root).textContent).toBe('Key works: 950 credits · active.');
    expect(status(root).getAttribute('aria-busy')).toBe('false');
  });

  it('shows only the latest test: an earlier answer arriving late is dropped', async () => {
    const first = deferred<ResponseOf<'test-key'>>();
    const second = deferred<ResponseOf<'test-key'>>();
    const answers = [first, second];
    const send = fakeSend<OptionsMessage>({ 'test-key': () => answers.shift()!.promise });
    const { root } = mount(<KeyField send={send} field="sk_live_abc" />);
    click(button(root, 'Test key'));
    click(button(root, 'Test key'));
    second.resolve({ ok: false, error: { kind: 'key-rejected', message: null } });
    await vi.waitFor(() => expect(status(root).dataset.tone).toBe('error'), PATIENT);
    first.resolve(works(5));
    // A macrotask later every microtask of the late answer has run: it had its chance to land.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(status(root).textContent).toBe('SociaVault rejected this key. Copy it again from your SociaVault dashboard.');
  });

  it('says the test failed, and why, when the background does not answer', async () => {
    const send = fakeSend<OptionsMessage>({});
    const { root } = mount(<KeyField send={send} field="sk_live_abc" />);
    click(button(root, 'Test key'));
    await vi.waitFor(() => expect(status(root).dataset.tone).toBe('error'), PATIENT);
    expect(status(root).textContent).toBe('Could not test the key. The extension background did not answer. Try reopening this page.');
  });

  it('shows a result only while the field holds the key it was for', async () => {
    const send = fakeSend<OptionsMessage>({ 'test-key': works(7) });
    const { root, rerender } = mount(<KeyField send={send} field="sk_live_abc" />);
    click(button(root, 'Test key'));
    await vi.waitFor(() => expect(status(root).dataset.tone).toBe('success'), PATIENT);
    rerender(<KeyField send={send} field="sk_live_abcd" />);
    expect(status(root).textContent).toBe('');
    expect(status(root).dataset.tone).toBeUndefined();
    rerender(<KeyField send={send} field="sk_live_abc  " />);
    expect(status(root).textContent).toBe('Key works: 7 credits · active.');
  });
});

describe('isTesting', () => {
  it('is the key being tested, as the field shows it (trimmed), and nothing else', () => {
    expect(isTesting('sk_live_a', ' sk_live_a\n')).toBe(true);
    expect(isTesting('sk_live_a', 'sk_live_b')).toBe(false);
    expect(isTesting(null, '')).toBe(false);
  });
});
