// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunOptions } from '@/entrypoints/collection/components/RunOptions';
import { translatorFor } from '@/test/support/locales';
import { cleanup, click, find, mount } from '@/test/unit/helpers/dom';

const en = translatorFor('en');

afterEach(cleanup);

describe('how runs go', () => {
  it('offers 1 to 6 lookups at once, showing the setting, and says when it changes', () => {
    const onConcurrency = vi.fn();
    const { root } = mount(<RunOptions settings={{ concurrency: 3, notify: false }} busy={false} onConcurrency={onConcurrency} onNotify={vi.fn()} t={en} />);
    const select = find<HTMLSelectElement>(root, '#run-concurrency');
    expect([...select.options].map((option) => option.value)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(select.value).toBe('3');
    act(() => {
      select.value = '5';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onConcurrency).toHaveBeenCalledWith(5);
  });

  it('ticking "tell me" asks at once, from the click itself (the browser allows a permission only then)', () => {
    const onNotify = vi.fn();
    const { root } = mount(<RunOptions settings={{ concurrency: 3, notify: false }} busy={false} onConcurrency={vi.fn()} onNotify={onNotify} t={en} />);
    const box = find<HTMLInputElement>(root, '#run-notify');
    expect(box.checked).toBe(false);
    expect(find(root, 'label[for="run-notify"]').textContent).toBe('Tell me when a run finishes or stops');
    click(box);
    expect(onNotify).toHaveBeenCalledTimes(1);
    expect(onNotify).toHaveBeenCalledWith(true);
  });

  it('waits for the settings before it lets them change', () => {
    const { root } = mount(<RunOptions settings={null} busy={false} onConcurrency={vi.fn()} onNotify={vi.fn()} t={en} />);
    expect(find<HTMLSelectElement>(root, '#run-concurrency').disabled).toBe(true);
    expect(find<HTMLInputElement>(root, '#run-notify').disabled).toBe(true);
  });
});
