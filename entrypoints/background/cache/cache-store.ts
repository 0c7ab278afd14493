import { storage } from 'wxt/utils/storage';
import { isFresh, readCachedList } from '@/utils/highlights/cached-list';
import type { HighlightList } from '@/utils/highlights/highlight';
import { toHandle, type Handle } from '@/utils/profile-url';
import type { KeptIn } from '@/utils/protocol';
import { normaliseSettings } from '@/utils/settings';
import { CACHE_ENTRY_PREFIX, cacheEntryKey, LOCAL_KEYS } from '@/utils/storage-keys';
import { entryBytes, planEviction, type Budget, type IndexEntry } from './cache-policy';
import { readHandlePairs } from '../stored-handle-map';
import { createSerialQueue } from '../serial-queue';
import { cacheEntryKeys, cacheIndexItem, legacyHighlightCacheItem } from '../storage-items';

/**
 * A cached answer and where it is kept: the cache proper (storage.local), or,
 * when the local quota refused it, storage.session (until the browser closes)
 * or the worker's memory (until it stops). A paid answer is never simply lost.
 */
export interface CachedAnswer {
  list: HighlightList;
  keptIn: KeptIn;
}

type IndexValue = [usedAt: number, bytes: number];

function isIndexValue(value: unknown): value is IndexValue {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'number' &&
    Number.isFinite(value[0]) &&
    typeof value[1] === 'number' &&
    value[1] >= 0
  );
}

/** The index as stored, `[handle, usedAt, bytes][]`, read as a Map (see ../stored-handle-map.ts). */
function readIndex(stored: unknown): Map<Handle, IndexEntry> {
  const pairs = Array.isArray(stored)
    ? stored.map((row) => (Array.isArray(row) ? [row[0], [row[1], row[2]]] : row))
    : stored;
  const map = new Map<Handle, IndexEntry>();
  for (const [handle, [usedAt, bytes]] of readHandlePairs(pairs, isIndexValue)) map.set(handle, { handle, usedAt, bytes });
  return map;
}

function writeIndex(index: Map<Handle, IndexEntry>) {
  return [...index.values()].map(({ handle, usedAt, bytes }) => [handle, usedAt, bytes]);
}

/** Answers per handle, one storage key each, within the cache's count and byte budget. */
export function createCacheStore({ now, budget = {} }: { now: () => number; budget?: Budget }) {
  // Storage has no transactions: every change to the index goes through one queue.
  const write = createSerialQueue();
  const inMemory = new Map<Handle, HighlightList>();

  /** Runs a change that storage may refuse (quota, storage gone): resolves false then, and never throws. */
  async function attempt(change: () => Promise<unknown>): Promise<boolean> {
    try {
      await change();
      return true;
    } catch {
      return false;
    }
  }

  async function touch(handle: Handle): Promise<void> {
    await write(() =>
      attempt(async () => {
        const index = readIndex(await cacheIndexItem.getValue());
        const entry = index.get(handle);
        if (!entry) return;
        index.set(handle, { ...entry, usedAt: now() });
        await cacheIndexItem.setValue(writeIndex(index));
      }),
    );
  }

  /** Keeps `list` in storage.local within budget; false when storage refused it. */
  function storeLocally(list: HighlightList): Promise<boolean> {
    const keys = cacheEntryKeys(list.handle);
    const entry: IndexEntry = { handle: list.handle, usedAt: now(), bytes: entryBytes(cacheEntryKey(list.handle), list) };
    return write(async () => {
      const index = readIndex(await attemptRead(() => cacheIndexItem.getValue()));
      index.delete(list.handle);
      const { keep, drop } = planEviction([entry, ...index.values()], budget);
      if (!keep.includes(entry)) return false; // Larger than the whole cache.
      // Make room first, then write the answer and the index in one call.
      if (drop.length > 0) await attempt(() => storage.removeItems(drop.map((d) => cacheEntryKeys(d.handle).local)));
      const kept = new Map(keep.map((e) => [e.handle, e] as const));
      return attempt(() =>
        storage.setItems([
          { key: keys.local, value: list },
          { key: `local:${LOCAL_KEYS.cacheIndex}`, value: writeIndex(kept) },
        ]),
      );
    });
  }

  return {
    /** A fresh answer, or null. `touch`: mark it as just used, so that it is evicted last. */
    async fresh(handle: Handle, { touch: used }: { touch: boolean }): Promise<CachedAnswer | null> {
      const keys = cacheEntryKeys(handle);
      const [local, session, settings] = await attemptRead(() =>
        storage.getItems([keys.local, keys.session, `local:${LOCAL_KEYS.settings}`]),
      ).then((items) => items?.map((item) => item.value) ?? []);
      const ttlHours = normaliseSettings(settings).cacheTtlHours;
      const candidates: Array<[unknown, KeptIn]> = [
        [local, 'cache'],
        [session, 'session'],
        [inMemory.get(handle), 'memory'],
      ];
      for (const [raw, keptIn] of candidates) {
        const list = readCachedList(raw, handle);
        if (!list || !isFresh(list.fetchedAt, now(), ttlHours)) continue;
        if (used && keptIn === 'cache') await touch(handle);
        return { list, keptIn };
      }
      return null;
    },

    /**
     * Which of `handles` have a fresh answer in the cache proper (a
     * collection's estimate). The index says which answers the cache holds
     * (a few hundred at most), so only those are read, however many
     * thousand profiles a collection asks about.
     */
    async freshAmong(handles: readonly Handle[]): Promise<Set<Handle>> {
      const index = readIndex(await attemptRead(() => cacheIndexItem.getValue()));
      const listed = handles.filter((handle) => index.has(handle));
      if (listed.length === 0) return new Set();
      const items = await attemptRead(() =>
        storage.getItems([`local:${LOCAL_KEYS.settings}`, ...listed.map((handle) => cacheEntryKeys(handle).local)]),
      );
      if (!items) return new Set();
      const [settings, ...entries] = items.map((item) => item.value);
      const ttlHours = normaliseSettings(settings).cacheTtlHours;
      return new Set(
        listed.filter((handle, i) => {
          const list = readCachedList(entries[i], handle);
          return list !== null && isFresh(list.fetchedAt, now(), ttlHours);
        }),
      );
    },

    /** Keeps a paid answer: in the cache if storage.local takes it, else for the session, else in memory. */
    async store(list: HighlightList): Promise<KeptIn> {
      const sessionKey = cacheEntryKeys(list.handle).session;
      // An older copy kept for the session (when the cache was full) is removed
      // whatever happens next; do it in parallel with the cache write, not after.
      const droppedSessionCopy = attempt(() => storage.removeItem(sessionKey));
      const kept = await storeLocally(list);
      await droppedSessionCopy;
      if (kept) {
        inMemory.delete(list.handle);
        return 'cache';
      }
      if (await attempt(() => storage.setItem(sessionKey, list))) {
        inMemory.delete(list.handle);
        return 'session';
      }
      inMemory.set(list.handle, list);
      return 'memory';
    },

    /**
     * Drops every kept answer whose stored text contains `text` (a newly
     * saved key must not be shown from answers cached before): returns how many.
     */
    dropContaining(text: string): Promise<number> {
      return write(async () => {
        if (!text) return 0;
        const [local, session] = await Promise.all([
          attemptRead(() => storage.snapshot('local')),
          attemptRead(() => storage.snapshot('session')),
        ]);
        const doomed: Array<`local:${string}` | `session:${string}`> = [];
        for (const [area, items] of [['local', local], ['session', session]] as const) {
          for (const [key, value] of Object.entries(items ?? {})) {
            if (key.startsWith(CACHE_ENTRY_PREFIX) && JSON.stringify(value).includes(text)) doomed.push(`${area}:${key}`);
          }
        }
        for (const [handle, list] of inMemory) if (JSON.stringify(list).includes(text)) inMemory.delete(handle);
        await attempt(() => storage.removeItems(doomed));
        return doomed.length;
      });
    },

    /**
     * Carries answers over from the single object older versions kept (paid
     * for, so worth keeping), then removes it.
     */
    async carryOverLegacy(): Promise<number> {
      const legacy = await attemptRead(() => legacyHighlightCacheItem.getValue());
      if (typeof legacy !== 'object' || legacy === null) return 0;
      let carried = 0;
      for (const [key, entry] of Object.entries(legacy)) {
        const handle = toHandle(key);
        const list = handle && readCachedList((entry as { list?: unknown } | null)?.list, handle);
        if (list && (await storeLocally(list))) carried++;
      }
      await attempt(() => legacyHighlightCacheItem.removeValue());
      return carried;
    },

    /**
     * Forgets every answer, wherever it is kept (and what an older version
     * left); says how many profiles there were.
     */
    clear(): Promise<number> {
      return write(async () => {
        const [local, session] = await Promise.all([
          attemptRead(() => storage.snapshot('local')),
          attemptRead(() => storage.snapshot('session')),
        ]);
        const handles = new Set<string>(inMemory.keys());
        const localKeys: Array<`local:${string}`> = [`local:${LOCAL_KEYS.cacheIndex}`, `local:${LOCAL_KEYS.legacyHighlightCache}`];
        const sessionKeys: Array<`session:${string}`> = [];
        for (const key of Object.keys(local ?? {})) {
          if (!key.startsWith(CACHE_ENTRY_PREFIX)) continue;
          handles.add(key.slice(CACHE_ENTRY_PREFIX.length));
          localKeys.push(`local:${key}`);
        }
        for (const key of Object.keys(session ?? {})) {
          if (!key.startsWith(CACHE_ENTRY_PREFIX)) continue;
          handles.add(key.slice(CACHE_ENTRY_PREFIX.length));
          sessionKeys.push(`session:${key}`);
        }
        const legacy = local?.[LOCAL_KEYS.legacyHighlightCache];
        if (typeof legacy === 'object' && legacy !== null) for (const handle of Object.keys(legacy)) handles.add(handle);
        await storage.removeItems([...localKeys, ...sessionKeys]);
        inMemory.clear();
        return handles.size;
      });
    },
  };
}

/** Runs a read that storage may fail: resolves null then, as if nothing were there. */
async function attemptRead<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch {
    return null;
  }
}

export type CacheStore = ReturnType<typeof createCacheStore>;
