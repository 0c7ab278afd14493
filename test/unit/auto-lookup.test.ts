import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAutoLookup } from '@/utils/auto-lookup';
import { createHighlightLookup } from '@/utils/highlight-lookup';
import { AUTO_LOOKUPS_PER_MINUTE } from '@/utils/rate-limit';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { apiKeyItem, settingsItem } from '@/utils/storage-items';

const ok = () =>
  new Response(JSON.stringify({ success: true, data: { success: true, highlights: { '0': { id: '1', title: 'a' } } } }));

let clock = 0;
function setup() {
  const fetch = vi.fn<typeof globalThis.fetch>(async () => ok());
  const lookup = createHighlightLookup({ fetch, isOnline: () => true, now: () => clock });
  return { fetch, visit: createAutoLookup(lookup, () => clock) };
}

beforeEach(async () => {
  fakeBrowser.reset();
  clock = Date.parse('2026-11-28T12:00:00Z');
  await apiKeyItem.setValue('sk_test');
});

describe('auto-lookup', () => {
  it('is off by default and then sends nothing', async () => {
    const { fetch, visit } = setup();
    expect(await visit('nasa')).toBe('off');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('when on, looks up a new profile once and skips cached ones', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, autoLookup: true });
    const { fetch, visit } = setup();
    expect(await visit('nasa')).toBe('looked-up');
    expect(await visit('nasa')).toBe('cached');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it(`a page changing its URL in a loop gets at most ${AUTO_LOOKUPS_PER_MINUTE} lookups a minute`, async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, autoLookup: true });
    const { fetch, visit } = setup();
    const outcomes = [];
    for (let i = 0; i < 200; i++) outcomes.push(await visit(`loop${i}`));
    expect(fetch).toHaveBeenCalledTimes(AUTO_LOOKUPS_PER_MINUTE);
    expect(outcomes.filter((o) => o === 'capped')).toHaveLength(200 - AUTO_LOOKUPS_PER_MINUTE);
    clock += 60_000;
    expect(await visit('later')).toBe('looked-up');
    expect(fetch).toHaveBeenCalledTimes(AUTO_LOOKUPS_PER_MINUTE + 1);
  });

  it('the cap survives the worker restarting (a new auto-lookup on the same storage)', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, autoLookup: true });
    const { fetch, visit } = setup();
    for (let i = 0; i < AUTO_LOOKUPS_PER_MINUTE; i++) await visit(`a${i}`);
    const restarted = createAutoLookup(createHighlightLookup({ fetch, isOnline: () => true, now: () => clock }), () => clock);
    clock += 30_000;
    expect(await restarted('b0')).toBe('capped');
    expect(fetch).toHaveBeenCalledTimes(AUTO_LOOKUPS_PER_MINUTE);
  });
});
