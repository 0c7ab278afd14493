import type { HighlightList } from '@/utils/highlight';

export interface CacheEntry {
  list: HighlightList;
  /** Epoch ms of the last time this entry was served or stored; drives eviction. */
  usedAt: number;
}

export type HighlightCache = Record<string, CacheEntry>;

/** Enough for a long research session. */
export const MAX_CACHED_PROFILES = 300;
/**
 * Chrome gives storage.local 10 MB; a profile with 150 highlights takes about
 * 75 kB, so the entry count alone could overflow it. Stay well inside.
 */
export const MAX_CACHE_BYTES = 4_000_000;

export function isFresh(entry: CacheEntry, now: number, ttlHours: number): boolean {
  const age = now - entry.list.fetchedAt;
  // A clock set backwards makes the age negative: treat that as stale, not eternal.
  return age >= 0 && age < ttlHours * 3_600_000;
}

const encoder = new TextEncoder();

/** Bytes an entry takes in storage (its JSON, as the quota counts it). */
export function entryBytes(handle: string, entry: CacheEntry): number {
  return encoder.encode(handle).length + encoder.encode(JSON.stringify(entry)).length;
}

/** Keeps the most recently used entries that fit both the count and the byte budget. */
export function evictLeastRecentlyUsed(
  cache: HighlightCache,
  { maxEntries = MAX_CACHED_PROFILES, maxBytes = MAX_CACHE_BYTES } = {},
): HighlightCache {
  const newestFirst = Object.entries(cache).sort(([, a], [, b]) => b.usedAt - a.usedAt);
  const kept: HighlightCache = {};
  let bytes = 0;
  let count = 0;
  for (const [handle, entry] of newestFirst) {
    if (count === maxEntries) break;
    const size = entryBytes(handle, entry);
    if (bytes + size > maxBytes) continue;
    kept[handle] = entry;
    bytes += size;
    count++;
  }
  return kept;
}
