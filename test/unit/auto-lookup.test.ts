import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { h } from './handles';
import { createAutoLookup } from '@/entrypoints/background/auto-lookup';
import { createLookupService } from '@/entrypoints/background/lookup-service';
import { AUTO_LOOKUPS_PER_MINUTE } from '@/utils/limits';
import { apiKeyItem, settingsItem } from '@/entrypoints/background/storage-items';

const ok = () =>
  new Response(JSON.stringify({ success: true, data: { success: true, highlights: { '0': { id: '1', title: 'a' } } } }));

let clock = 0;
function setup() {
  const fetch = vi.fn<typeof globalThis.fetch>(async () => ok());
  const lookup = createLookupService({ fetch, isOnline: () => true, now: () => clock });
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
    expect(await visit(h('nasa'))).toBe('off');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('when on, looks up a new profile once and skips cached ones', async () => {
    await settingsItem.setValue({ cacheTtlHours: 24, autoLookup: true, copyFormat: 'lines' });
    const { fetch, visit } = setup();
    expect(await visit(h('nasa'))).toBe('looked-up');
    expect(await visit(h('nasa'))).toBe('cached');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it(`a page changing its URL in a loop gets at most ${AUTO_LOOKUPS_PER_MINUTE} lookups a minute`, async () => {
    await settingsItem.setValue({ cacheTtlHours: 24, autoLookup: true, copyFormat: 'lines' });
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
    await settingsItem.setValue({ cacheTtlHours: 24, autoLookup: true, copyFormat: 'lines' });
    const { fetch, visit } = setup();
    for (let i = 0; i < AUTO_LOOKUPS_PER_MINUTE; i++) await visit(h(`a${i}`));
    const restarted = createAutoLookup(createLookupService({ fetch, isOnline: () => true, now: () => clock }), () => clock);
    clock += 30_000;
    expect(await restarted(h('b0'))).toBe('capped');
    expect(fetch).toHaveBeenCalledTimes(AUTO_LOOKUPS_PER_MINUTE);
  });
});
