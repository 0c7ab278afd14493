// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiKeySection } from '@/entrypoints/options/components/ApiKeySection';
import { text } from '@/utils/i18n';
import type { OptionsMessage, ResponseOf } from '@/utils/protocol';
import { translatorFor } from '@/test/support/locales';
import { button, cleanup, click, find, mount, submit, type } from '@/test/unit/helpers/dom';
import { deferred, fakeSend } from '@/test/unit/helpers/fake-send';
import { PATIENT } from '@/test/unit/helpers/patience';

const en = translatorFor('en');

afterEach(cleanup);

const works: ResponseOf<'test-key'> = { ok: true, balance: { credits: 950, status: 'active', subscriptionId: null }, at: 0 };

/** The section over a background holding `stored`, saving and removing as asked. */
function section(stored: string | null, answers: Parameters<typeof fakeSend<OptionsMessage>>[0] = {}) {
  const send = fakeSend<OptionsMessage>({
    'get-api-key': { apiKey: stored },
    'save-api-key': { ok: true, warning: null },
    'remove-api-key': { ok: true },
    'test-key': works,
    ...answers,
  });
  const { root } = mount(<ApiKeySection send={send} t={en} />);
  const field = () => find<HTMLInputElement>(root, '#api-key');
  const message = () => root.querySelector<HTMLElement>('[data-testid="key-message"]');
  const keyState = () => find(root, '[data-testid="key-state"]').textContent;
  return { send, root, field, message, keyState, form: () => find<HTMLFormElement>(root, 'form') };
}

const sent = (send: { mock: { calls: unknown[][] } }, type: string) => send.mock.calls.filter(([t]) => t === type);

describe('the key section', () => {
  it('shows the saved key once the background has told it, and whether there is one', async () => {
    const { field, keyState } = section('sk_live_saved');
    expect(keyState()).toBe('Checking for a saved key…');
    await vi.waitFor(() => expect(field().value).toBe('sk_live_saved'), PATIENT);
    expect(keyState()).toBe('A key is saved in this browser.');
  });

  it('keeps what was typed while the saved key was loading', async () => {
    const loading = deferred<ResponseOf<'get-api-key'>>();
    const { field, keyState } = section(null, { 'get-api-key': () => loading.promise });
    type(field(), 'sk_live_typed');
    loading.resolve({ apiKey: 'sk_live_saved' });
    await vi.waitFor(() => expect(keyState()).toBe('A key is saved in this browser.'), PATIENT);
    expect(field().value).toBe('sk_live_typed');
  });

  it('refuses to save what cannot be a key, sends nothing, and leaves it in the field', async () => {
    const { send, field, message, form } = section(null);
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith('get-api-key', {}), PATIENT);
    type(field(), 'sk live');
    submit(form());
    expect(message()?.dataset.tone).toBe('error');
    expect(message()?.textContent).toBe('An API key has no spaces or line breaks. Check that you pasted only the key.');
    expect(field().value).toBe('sk live');
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(sent(send, 'save-api-key')).toEqual([]);
  });

  it('saves the key trimmed, says so, and tests it at once (no credit spent)', async () => {
    const { send, field, message, form, keyState } = section(null);
    type(field(), '  sk_live_new\n');
    submit(form());
    await vi.waitFor(() => expect(message()?.textContent).toBe('Key saved.'), PATIENT);
    expect(sent(send, 'save-api-key')).toEqual([['save-api-key', { apiKey: 'sk_live_new' }]]);
    expect(field().value).toBe('sk_live_new');
    expect(keyState()).toBe('A key is saved in this browser.');
    await vi.waitFor(() => expect(sent(send, 'test-key')).toEqual([['test-key', { apiKey: 'sk_live_new' }]]), PATIENT);
    await vi.waitFor(() => expect(find(document, '[data-testid="key-test"]').textContent).toBe('Key works: 950 credits · active.'), PATIENT);
  });

  it('saves a key without the usual prefix, with the warning', async () => {
    const { field, message, form } = section(null, { 'save-api-key': { ok: true, warning: text('keyNoPrefix') } });
    type(field(), 'abc123');
    submit(form());
    await vi.waitFor(() => expect(message()?.dataset.tone).toBe('warning'), PATIENT);
    expect(message()?.textContent).toBe('Key saved. SociaVault keys start with sk_ — check you pasted the whole key.');
  });

  it('says what went wrong when the background refuses or does not answer, and tests nothing', async () => {
    const { send, field, message, form } = section(null, { 'save-api-key': { ok: false, message: text('keyEmpty') } });
    type(field(), 'sk_live_new');
    submit(form());
    await vi.waitFor(() => expect(message()?.textContent).toBe('Enter your SociaVault API key.'), PATIENT);
    const silent = section(null, { 'save-api-key': undefined });
    type(silent.field(), 'sk_live_new');
    submit(silent.form());
    await vi.waitFor(() => expect(silent.message()?.textContent).toBe('Could not save the key. The extension background did not answer. Try reopening this page.'), PATIENT);
    expect(sent(send, 'test-key')).toEqual([]);
    expect(sent(silent.send, 'test-key')).toEqual([]);
  });

  it('removes the key only when asked twice, and typing in between calls it off', async () => {
    const { send, root, field, message, keyState } = section('sk_live_saved');
    await vi.waitFor(() => expect(keyState()).toBe('A key is saved in this browser.'), PATIENT);
    click(button(root, 'Remove key'));
    expect(sent(send, 'remove-api-key')).toEqual([]);
    expect(button(root, 'Confirm remove')).toBeTruthy();
    type(field(), 'sk_live_saved2');
    expect(() => button(root, 'Confirm remove')).toThrow();
    click(button(root, 'Remove key'));
    click(button(root, 'Confirm remove'));
    await vi.waitFor(() => expect(message()?.textContent).toBe('Key removed. Lookups stop until you add a key again.'), PATIENT);
    expect(sent(send, 'remove-api-key')).toHaveLength(1);
    expect(field().value).toBe('');
    expect(keyState()).toBe('No key saved yet.');
    expect(button(root, 'Remove key').disabled).toBe(true);
  });

  it('cannot remove a key that is not there', async () => {
    const { root, keyState } = section(null);
    expect(button(root, 'Remove key').disabled).toBe(true);
    await vi.waitFor(() => expect(keyState()).toBe('No key saved yet.'), PATIENT);
    expect(button(root, 'Remove key').disabled).toBe(true);
  });
});
