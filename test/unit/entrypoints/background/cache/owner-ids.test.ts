import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createOwnerIds, MAX_OWNER_IDS, rememberOwnerId } from '@/entrypoints/background/cache/owner-ids';
import { ownerIdsItem } from '@/entrypoints/background/storage-items';
import { h } from '@/test/unit/helpers/handles';
import { PATIENT } from '@/test/unit/helpers/patience';

describe('rememberOwnerId', () => {
  it('keeps the newest mappings within the bound', () => {
    const full = new Map(Array.from({ length: MAX_OWNER_IDS }, (_, i) => [h(`user${i}`), String(i)] as const));
    const next = rememberOwnerId(full, h('nasa'), '528817151');
    expect(next.size).toBe(MAX_OWNER_IDS);
    expect(next.get(h('nasa'))).toBe('528817151');
    expect(next.has(h('user0'))).toBe(false);
    // Re-learning a handle moves it to the newest end instead of duplicating it.
    expect([...rememberOwnerId(next, h('user1'), '1').keys()].at(-1)).toBe('user1');
  });
});

describe('the owner ids a worker keeps', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('reads storage once, and writes a burst of new ids in one write, a moment later', async () => {
    await ownerIdsItem.setValue([['nasa', '528817151']]);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const ids = createOwnerIds({ writeDelayMs: 20 });
    expect(await ids.get(h('nasa'))).toBe('528817151');
    // Learned at once, as a run's lookups do: every one counts.
    await Promise.all(Array.from({ length: 100 }, (_, i) => ids.remember(h(`user${i}`), String(i))));
    for (let i = 0; i < 100; i++) expect(await ids.get(h(`user${i}`))).toBe(String(i));
    expect(get).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(set).toHaveBeenCalledTimes(1), PATIENT);
    expect((await ownerIdsItem.getValue()) as unknown[]).toHaveLength(101);
  });

  it('clearing forgets at once, in memory and in storage', async () => {
    const ids = createOwnerIds({ writeDelayMs: 5 });
    await ids.remember(h('nasa'), '528817151');
    await ids.clear();
    expect(await ids.get(h('nasa'))).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await ownerIdsItem.getValue()).toEqual([]);
  });
});
