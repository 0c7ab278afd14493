import type { HighlightList } from './highlight';

export interface CacheEntry {
  list: HighlightList;
  /** Epoch ms of the last time the popup was shown this entry; drives eviction. */
  usedAt: number;
}

export type HighlightCache = Record<string, CacheEntry>;

/** Enough for a long research session, small enough for storage.local's quota. */
export const MAX_CACHED_PROFILES = 300;

export function isFresh(entry: CacheEntry, now: number, ttlHours: number): boolean {
  const age = now - entry.list.fetchedAt;
  // A clock set backwards makes the age negative: treat that as stale, not eternal.
  return age >= 0 && age < ttlHours * 3_600_000;
}

/** Keeps the `max` most recently used entries. */
export function evictLeastRecentlyUsed(cache: HighlightCache, max = MAX_CACHED_PROFILES): HighlightCache {
  const entries = Object.entries(cache);
  if (entries.length <= max) return cache;
  entries.sort(([, a], [, b]) => b.usedAt - a.usedAt);
  return Object.fromEntries(entries.slice(0, max));
}
