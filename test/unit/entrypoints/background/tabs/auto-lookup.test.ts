import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { h } from '@/test/unit/helpers/handles';
import { createAutoLookup } from '@/entrypoints/background/tabs/auto-lookup';
import { createLookupService } from '@/entrypoints/background/lookup/lookup-service';
import { AUTO_LOOKUPS_PER_MINUTE } from '@/utils/limits';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { apiKeyItem, settingsItem } from '@/entrypoints/background/storage-items';

const ok = () =>
  new Response(JSON.stringify({ success: true, data: { success: true, highlights: { '0': { id: '1', title: 'a' } } } }));

let clock = 0;
function setup() {
  const fetch = vi.fn<typeof globalThis.fetch>(async () => ok());
  const lookup = createLookupService({ fetch, isOnline: () => true, now: () => clock });
  const auto = createAutoLookup(lookup, () => clock);
  return { fetch, auto, visit: auto.onProfileVisited };
}

beforeEach(async () => {
  fakeBrowser.reset();
  clock = Date.parse('2026-11-28T12:00:00Z');
  await apiKeyItem.setValue('sk_test');
});

describe('auto-lookup', () => {
  it('is off by default and then sends nothing', async () => {
    const { fetch, visit } = setup();
    expect(await visit(h('nasa'))).toBe('off');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('when on, looks up a new profile once and skips cached ones', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, autoLookup: true });
    const { fetch, visit } = setup();
    expect(await visit(h('nasa'))).toBe('looked-up');
    expect(await visit(h('nasa'))).toBe('cached');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it(`a page changing its URL in a loop gets at most ${AUTO_LOOKUPS_PER_MINUTE} lookups a minute`, async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, autoLookup: true });
    const { fetch, visit } = setup();
    const outcomes = [];
    for (let i = 0; i < 200; i++) outcomes.push(await visit(h(`loop${i}`)));
    expect(fetch).toHaveBeenCalledTimes(AUTO_LOOKUPS_PER_MINUTE);
    expect(outcomes.filter((o) => o === 'capped')).toHaveLength(200 - AUTO_LOOKUPS_PER_MINUTE);
    clock += 60_000;
    expect(await visit(h('later'))).toBe('looked-up');
    expect(fetch).toHaveBeenCalledTimes(AUTO_LOOKUPS_PER_MINUTE + 1);
  });

  it('the cap survives the worker restarting (a new auto-lookup on the same storage)', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, autoLookup: true });
    const { fetch, visit } = setup();
    for (let i = 0; i < AUTO_LOOKUPS_PER_MINUTE; i++) await visit(h(`a${i}`));
    const restarted = createAutoLookup(createLookupService({ fetch, isOnline: () => true, now: () => clock }), () => clock).onProfileVisited;
    clock += 30_000;
    expect(await restarted(h('b0'))).toBe('capped');
    expect(fetch).toHaveBeenCalledTimes(AUTO_LOOKUPS_PER_MINUTE);
  });

  it('stops at the daily cap, counted across worker restarts, and starts over the next day', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, autoLookup: true, autoLookupDailyCap: 7 });
    const { fetch, auto, visit } = setup();
    const outcomes = [];
    // A page rewriting its URL all day: five a minute, for many minutes.
    for (let i = 0; i < 40; i++) {
      outcomes.push(await visit(h(`day${i}`)));
      clock += 15_000;
    }
    expect(fetch).toHaveBeenCalledTimes(7);
    expect(outcomes.filter((o) => o === 'looked-up')).toHaveLength(7);
    expect(outcomes.at(-1)).toBe('capped-today');
    expect(await auto.today()).toBe(7);
    // A new worker, the same day: still capped.
    const restarted = createAutoLookup(createLookupService({ fetch, isOnline: () => true, now: () => clock }), () => clock);
    expect(await restarted.onProfileVisited(h('another'))).toBe('capped-today');
    expect(await restarted.today()).toBe(7);
    // The next day the count starts over.
    clock += 24 * 3_600_000;
    expect(await restarted.onProfileVisited(h('tomorrow'))).toBe('looked-up');
    expect(await restarted.today()).toBe(1);
    expect(fetch).toHaveBeenCalledTimes(8);
  });

  it('a daily count that storage will not keep means no automatic lookup', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, autoLookup: true });
    const { fetch, visit } = setup();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES'));
    try {
      expect(await visit(h('nasa'))).toBe('capped-today');
      expect(fetch).not.toHaveBeenCalled();
    } finally {
      set.mockRestore();
    }
  });
});
