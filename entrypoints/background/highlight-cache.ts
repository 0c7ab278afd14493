import type { HighlightList } from '@/utils/highlight';
import { toHandle, type Handle } from '@/utils/profile-url';
import { evictLeastRecentlyUsed, isFresh, type CacheEntry, type HighlightCache } from './cache-policy';
import { createSerialQueue } from './serial-queue';
import { highlightCacheItem } from './storage-items';

export interface HighlightCacheOptions {
  now: () => number;
  /** The cache lifetime the user chose, read when an entry is looked at. */
  ttlHours: () => Promise<number>;
}

/** Answers per handle in storage.local, within the cache's count and byte budget. */
export function createHighlightCache({ now, ttlHours }: HighlightCacheOptions) {
  // Storage has no transactions: every read-modify-write goes through one queue.
  const write = createSerialQueue();

  /** The well-formed entries; what an older version or a corrupt store left is dropped at the next write. */
  async function read(): Promise<HighlightCache> {
    const stored = await highlightCacheItem.getValue();
    const cache: HighlightCache = {};
    if (typeof stored !== 'object' || stored === null) return cache;
    for (const [handle, entry] of Object.entries(stored)) {
      if (isCacheEntry(entry) && entry.list.handle === handle && toHandle(handle) === handle) cache[handle] = entry;
    }
    return cache;
  }

  /**
   * A failed write (quota, storage gone) must not lose an answer the user has
   * paid for: the caller has its list either way.
   */
  function update(change: (cache: HighlightCache) => HighlightCache): Promise<void> {
    return write(async () => {
      try {
        await highlightCacheItem.setValue(change(await read()));
      } catch {
        // Served uncached this time.
      }
    });
  }

  return {
    /** A fresh answer, or null. `touch`: it is being used, so it is evicted last. */
    async fresh(handle: Handle, { touch }: { touch: boolean }): Promise<HighlightList | null> {
      const entry = entryOf(await read(), handle);
      if (!entry || !isFresh(entry, now(), await ttlHours())) return null;
      if (touch) {
        await update((cache) => {
          const current = entryOf(cache, handle);
          return current ? { ...cache, [handle]: { ...current, usedAt: now() } } : cache;
        });
      }
      return entry.list;
    },

    store(list: HighlightList): Promise<void> {
      return update((cache) => evictLeastRecentlyUsed({ ...cache, [list.handle]: { list, usedAt: now() } }));
    },

    /** Forgets every answer; says how many there were. */
    clear(): Promise<number> {
      return write(async () => {
        const count = Object.keys(await read()).length;
        await highlightCacheItem.removeValue();
        return count;
      });
    },
  };
}

export type HighlightCacheStore = ReturnType<typeof createHighlightCache>;

/** An own entry only: a handle such as "constructor" must not find Object's. */
function entryOf(cache: HighlightCache, handle: Handle): CacheEntry | null {
  return Object.hasOwn(cache, handle) ? (cache[handle] ?? null) : null;
}

function isCacheEntry(entry: unknown): entry is CacheEntry {
  if (typeof entry !== 'object' || entry === null) return false;
  const { list, usedAt } = entry as Record<string, unknown>;
  if (typeof usedAt !== 'number' || typeof list !== 'object' || list === null) return false;
  const { handle, highlights, fetchedAt } = list as Record<string, unknown>;
  return (
    typeof handle === 'string' &&
    typeof fetchedAt === 'number' &&
    Array.isArray(highlights) &&
    highlights.every((h) => typeof h?.id === 'string' && typeof h?.title === 'string')
  );
}
