import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { createCacheStore } from '@/entrypoints/background/cache/cache-store';
import { cacheIndexItem, legacyHighlightCacheItem, settingsItem } from '@/entrypoints/background/storage-items';
import type { HighlightList } from '@/utils/highlights/highlight';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { h } from '@/test/unit/helpers/handles';

const HOUR = 3_600_000;
let clock = 0;

const listOf = (handle: string, title = `${handle} one`, fetchedAt = clock): HighlightList => ({
  handle: h(handle),
  ownerId: '528817151',
  fetchedAt,
  highlights: [{ id: '17900000000000001', title, coverUrl: null }],
});

/** Handles with an answer kept in `area`, sorted. */
async function kept(area: 'local' | 'session'): Promise<string[]> {
  return Object.keys(await storage.snapshot(area))
    .filter((key) => key.startsWith('cache:'))
    .map((key) => key.slice('cache:'.length))
    .sort();
}

const quota = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));

beforeEach(() => {
  fakeBrowser.reset();
  clock = Date.parse('2026-11-28T12:00:00Z');
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the cache store', () => {
  it('keeps an answer in the cache proper and serves it while it is fresh (the TTL of the settings)', async () => {
    const cache = createCacheStore({ now: () => clock });
    expect(await cache.fresh(h('nasa'), { touch: false })).toBeNull();
    expect(await cache.store(listOf('nasa'))).toBe('cache');
    expect(await cache.fresh(h('nasa'), { touch: false })).toEqual({ list: listOf('nasa'), keptIn: 'cache' });
    clock += DEFAULT_SETTINGS.cacheTtlHours * HOUR - 1;
    expect(await cache.fresh(h('nasa'), { touch: false })).not.toBeNull();
    clock += 1;
    expect(await cache.fresh(h('nasa'), { touch: false })).toBeNull();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, cacheTtlHours: 48 });
    expect(await cache.fresh(h('nasa'), { touch: false })).not.toBeNull();
  });

  it('serves nothing it cannot read as that profile’s answer', async () => {
    const cache = createCacheStore({ now: () => clock });
    await fakeBrowser.storage.local.set({ 'cache:nasa': { ...listOf('natgeo') }, 'cache:bbc': 'junk' });
    expect(await cache.fresh(h('nasa'), { touch: false })).toBeNull();
    expect(await cache.fresh(h('bbc'), { touch: false })).toBeNull();
  });

  it('stays within its count, forgetting the least recently used first; a touch counts as a use', async () => {
    const cache = createCacheStore({ now: () => clock, budget: { maxEntries: 2 } });
    await cache.store(listOf('a1'));
    clock += 1;
    await cache.store(listOf('a2'));
    clock += 1;
    await cache.fresh(h('a1'), { touch: true });
    clock += 1;
    await cache.store(listOf('a3'));
    expect(await kept('local')).toEqual(['a1', 'a3']);
    expect((await cacheIndexItem.getValue()) as unknown[]).toHaveLength(2);
    // Without a touch, a look changes nothing.
    clock += 1;
    await cache.fresh(h('a1'), { touch: false });
    clock += 1;
    await cache.store(listOf('a4'));
    expect(await kept('local')).toEqual(['a3', 'a4']);
  });

  it('keeps an answer larger than the whole cache for the session', async () => {
    const cache = createCacheStore({ now: () => clock, budget: { maxBytes: 100 } });
    expect(await cache.store(listOf('nasa', 'x'.repeat(200)))).toBe('session');
    expect(await kept('local')).toEqual([]);
    expect(await cache.fresh(h('nasa'), { touch: true })).toMatchObject({ keptIn: 'session' });
  });

  it('keeps a paid answer that storage.local refuses for the session, else in memory: never lost', async () => {
    const cache = createCacheStore({ now: () => clock });
    const local = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(quota);
    expect(await cache.store(listOf('nasa'))).toBe('session');
    const session = vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation(quota);
    expect(await cache.store(listOf('natgeo'))).toBe('memory');
    expect(await cache.fresh(h('natgeo'), { touch: false })).toEqual({ list: listOf('natgeo'), keptIn: 'memory' });
    // Once storage takes answers again, a new one goes to the cache proper, and no older copy is left elsewhere.
    local.mockRestore();
    session.mockRestore();
    expect(await cache.store(listOf('nasa', 'newer'))).toBe('cache');
    expect(await cache.store(listOf('natgeo', 'newer'))).toBe('cache');
    expect(await kept('session')).toEqual([]);
    expect(await cache.fresh(h('natgeo'), { touch: false })).toEqual({ list: listOf('natgeo', 'newer'), keptIn: 'cache' });
  });

  it('leaves no older copy in memory once an answer reaches the cache proper: an evicted answer is gone', async () => {
    const cache = createCacheStore({ now: () => clock, budget: { maxEntries: 1 } });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(quota);
    vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation(quota);
    expect(await cache.store(listOf('nasa', 'old'))).toBe('memory');
    vi.restoreAllMocks();
    expect(await cache.store(listOf('nasa', 'new'))).toBe('cache');
    clock += 1;
    expect(await cache.store(listOf('natgeo'))).toBe('cache');
    expect(await cache.fresh(h('nasa'), { touch: false })).toBeNull();
  });

  it('answers “nothing cached” when storage cannot be read, rather than failing', async () => {
    const cache = createCacheStore({ now: () => clock });
    await cache.store(listOf('nasa'));
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(() => Promise.reject(new Error('storage gone')));
    expect(await cache.fresh(h('nasa'), { touch: true })).toBeNull();
    expect(await cache.freshAmong([h('nasa')])).toEqual(new Set());
  });

  it('tells which profiles have a fresh answer in the cache proper, reading only the answers its index lists', async () => {
    const cache = createCacheStore({ now: () => clock });
    await cache.store(listOf('a1'));
    await cache.store(listOf('a2', 'old', clock - 25 * HOUR));
    await fakeBrowser.storage.session.set({ 'cache:a3': listOf('a3') });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const many = Array.from({ length: 10_000 }, (_, i) => h(`p${i}`));
    expect(await cache.freshAmong([...many, h('a1'), h('a2'), h('a3'), h('a4')])).toEqual(new Set(['a1']));
    const asked = get.mock.calls.flatMap(([keys]) => (Array.isArray(keys) ? keys : [keys]));
    expect(asked.filter((key) => String(key).startsWith('cache:')).sort()).toEqual(['cache:a1', 'cache:a2']);
  });

  it('drops every kept answer that contains a text, wherever it is kept, and says how many', async () => {
    const cache = createCacheStore({ now: () => clock });
    await cache.store(listOf('a1', 'echo sk_live_secret'));
    await cache.store(listOf('a2', 'plain'));
    await fakeBrowser.storage.session.set({ 'cache:a3': listOf('a3', 'sk_live_secret again') });
    expect(await cache.dropContaining('')).toBe(0);
    expect(await cache.dropContaining('sk_live_secret')).toBe(2);
    expect(await kept('local')).toEqual(['a2']);
    expect(await kept('session')).toEqual([]);
  });

  it('carries over the answers an older version kept in one object, then removes that object', async () => {
    const cache = createCacheStore({ now: () => clock });
    await legacyHighlightCacheItem.setValue({
      nasa: { list: listOf('nasa') },
      NatGeo: { list: listOf('natgeo') },
      bbc: { list: listOf('cnn') },
      'not a handle': { list: listOf('nasa') },
      cnn: null,
    });
    expect(await cache.carryOverLegacy()).toBe(2);
    expect(await kept('local')).toEqual(['nasa', 'natgeo']);
    expect(await legacyHighlightCacheItem.getValue()).toBeNull();
    expect(await cache.carryOverLegacy()).toBe(0);
  });

  it('clears everything it keeps, and what an older version left, counting each profile once', async () => {
    const cache = createCacheStore({ now: () => clock });
    await cache.store(listOf('a1'));
    await fakeBrowser.storage.session.set({ 'cache:a1': listOf('a1'), 'cache:a2': listOf('a2') });
    await legacyHighlightCacheItem.setValue({ a3: { list: listOf('a3') } });
    await fakeBrowser.storage.local.set({ apiKey: 'sk_live_keep_me' });
    expect(await cache.clear()).toBe(3);
    expect(await kept('local')).toEqual([]);
    expect(await kept('session')).toEqual([]);
    expect(await legacyHighlightCacheItem.getValue()).toBeNull();
    expect(await cacheIndexItem.getValue()).toEqual([]);
    expect(await fakeBrowser.storage.local.get('apiKey')).toEqual({ apiKey: 'sk_live_keep_me' });
  });
});
