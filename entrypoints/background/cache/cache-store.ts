import { storage } from 'wxt/utils/storage';
import { isFresh, readCachedList } from '@/utils/highlights/cached-list';
import type { HighlightList } from '@/utils/highlights/highlight';
import { toHandle, type Handle } from '@/utils/profile-url';
import type { KeptIn } from '@/utils/protocol';
import { normaliseSettings } from '@/utils/settings';
import { CACHE_ENTRY_PREFIX, cacheEntryKey, LOCAL_KEYS } from '@/utils/storage-keys';
import { readCachedStories, STORIES_CACHE_NAME, storiesCacheName, type CachedStories } from '@/utils/stories/cached-stories';
import { entryBytes, planEviction, type Budget, type CacheName, type IndexEntry } from './cache-policy';
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

/** A highlight's cached stories, and where they are kept (as for `CachedAnswer`). */
export interface CachedStoriesAnswer {
  answer: CachedStories;
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

/** A handle, or a highlight's `stories:<digits>`, exactly as written; null for anything else. */
function toCacheName(value: unknown): CacheName | null {
  if (typeof value !== 'string') return null;
  if (STORIES_CACHE_NAME.test(value)) return value as CacheName;
  return toHandle(value) === value ? (value as Handle) : null;
}

/**
 * The index as stored, `[name, usedAt, bytes][]`, read as a Map (never a
 * plain object: see ../stored-handle-map.ts). Rows that do not check out are dropped.
 */
function readIndex(stored: unknown): Map<CacheName, IndexEntry> {
  const map = new Map<CacheName, IndexEntry>();
  if (!Array.isArray(stored)) return map;
  for (const row of stored) {
    if (!Array.isArray(row)) continue;
    const name = toCacheName(row[0]);
    const value = [row[1], row[2]];
    if (name !== null && isIndexValue(value)) map.set(name, { name, usedAt: value[0], bytes: value[1] });
  }
  return map;
}

function writeIndex(index: Map<CacheName, IndexEntry>) {
  return [...index.values()].map(({ name, usedAt, bytes }) => [name, usedAt, bytes]);
}

/**
 * Answers per handle, and stories per highlight, one storage key each, within
 * one count and byte budget. The background makes one store and gives it to
 * both services: two stores would each queue their own index writes, and
 * lose each other's.
 */
export function createCacheStore({ now, budget = {} }: { now: () => number; budget?: Budget }) {
  // Storage has no transactions: every change to the index goes through one queue.
  const write = createSerialQueue();
  const inMemory = new Map<CacheName, unknown>();

  /** Runs a change that storage may refuse (quota, storage gone): resolves false then, and never throws. */
  async function attempt(change: () => Promise<unknown>): Promise<boolean> {
    try {
      await change();
      return true;
    } catch {
      return false;
    }
  }

  async function touch(name: CacheName): Promise<void> {
    await write(() =>
      attempt(async () => {
        const index = readIndex(await cacheIndexItem.getValue());
        const entry = index.get(name);
        if (!entry) return;
        index.set(name, { ...entry, usedAt: now() });
        await cacheIndexItem.setValue(writeIndex(index));
      }),
    );
  }

  /** Keeps `value` in storage.local within budget; false when storage refused it. */
  function storeLocally(name: CacheName, value: unknown): Promise<boolean> {
    const keys = cacheEntryKeys(name);
    const entry: IndexEntry = { name, usedAt: now(), bytes: entryBytes(cacheEntryKey(name), value) };
    return write(async () => {
      const index = readIndex(await attemptRead(() => cacheIndexItem.getValue()));
      index.delete(name);
      const { keep, drop } = planEviction([entry, ...index.values()], budget);
      if (!keep.includes(entry)) return false; // Larger than the whole cache.
      // Make room first, then write the answer and the index in one call.
      if (drop.length > 0) await attempt(() => storage.removeItems(drop.map((d) => cacheEntryKeys(d.name).local)));
      const kept = new Map(keep.map((e) => [e.name, e] as const));
      return attempt(() =>
        storage.setItems([
          { key: keys.local, value },
          { key: `local:${LOCAL_KEYS.cacheIndex}`, value: writeIndex(kept) },
        ]),
      );
    });
  }

  /**
   * The fresh entry `name`, read back by `read`, from the cache proper, the
   * session or memory, in that order; null when none is fresh.
   */
  async function freshEntry<V>(
    name: CacheName,
    read: (raw: unknown) => (V & { fetchedAt: number }) | null,
    used: boolean,
  ): Promise<{ value: V; keptIn: KeptIn } | null> {
    const keys = cacheEntryKeys(name);
    const [local, session, settings] = await attemptRead(() =>
      storage.getItems([keys.local, keys.session, `local:${LOCAL_KEYS.settings}`]),
    ).then((items) => items?.map((item) => item.value) ?? []);
    const ttlHours = normaliseSettings(settings).cacheTtlHours;
    const candidates: Array<[unknown, KeptIn]> = [
      [local, 'cache'],
      [session, 'session'],
      [inMemory.get(name), 'memory'],
    ];
    for (const [raw, keptIn] of candidates) {
      const value = read(raw);
      if (!value || !isFresh(value.fetchedAt, now(), ttlHours)) continue;
      if (used && keptIn === 'cache') await touch(name);
      return { value, keptIn };
    }
    return null;
  }

  /** Keeps a paid answer: in the cache if storage.local takes it, else for the session, else in memory. */
  async function storeEntry(name: CacheName, value: unknown): Promise<KeptIn> {
    const sessionKey = cacheEntryKeys(name).session;
    // An older copy kept for the session (when the cache was full) is removed
    // whatever happens next; do it in parallel with the cache write, not after.
    const droppedSessionCopy = attempt(() => storage.removeItem(sessionKey));
    const kept = await storeLocally(name, value);
    await droppedSessionCopy;
    if (kept) {
      inMemory.delete(name);
      return 'cache';
    }
    if (await attempt(() => storage.setItem(sessionKey, value))) {
      inMemory.delete(name);
      return 'session';
    }
    inMemory.set(name, value);
    return 'memory';
  }

  return {
    /** A fresh answer, or null. `touch`: mark it as just used, so that it is evicted last. */
    async fresh(handle: Handle, { touch: used }: { touch: boolean }): Promise<CachedAnswer | null> {
      const found = await freshEntry(handle, (raw) => readCachedList(raw, handle), used);
      return found && { list: found.value, keptIn: found.keptIn };
    },

    /** A highlight's fresh stories (`highlightId`: digits), or null; served ones are marked as just used unless `touch` is false. */
    async freshStories(highlightId: string, { touch: used = true }: { touch?: boolean } = {}): Promise<CachedStoriesAnswer | null> {
      const found = await freshEntry(storiesCacheName(highlightId), (raw) => readCachedStories(raw, highlightId), used);
      return found && { answer: found.value, keptIn: found.keptIn };
    },

    /** Keeps a highlight's paid stories, as `store` keeps a list. */
    storeStories: (answer: CachedStories): Promise<KeptIn> => storeEntry(storiesCacheName(answer.highlightId), answer),

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
    store: (list: HighlightList): Promise<KeptIn> => storeEntry(list.handle, list),

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
        for (const [name, value] of inMemory) if (JSON.stringify(value).includes(text)) inMemory.delete(name);
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
        if (list && (await storeLocally(list.handle, list))) carried++;
      }
      await attempt(() => legacyHighlightCacheItem.removeValue());
      return carried;
    },

    /**
     * Forgets every answer, stories too, wherever it is kept (and what an
     * older version left); says how many profiles there were.
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
        // The count is of profiles, as the page says it; stories went too.
        return [...handles].filter((name) => !STORIES_CACHE_NAME.test(name)).length;
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
