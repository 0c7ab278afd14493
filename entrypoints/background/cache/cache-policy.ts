import type { Handle } from '@/utils/profile-url';
import type { StoriesCacheName } from '@/utils/stories/cached-stories';

/**
 * What a cache entry is named by: a profile's handle (its highlights), or
 * `stories:<digits>` (a highlight's stories). Both kinds share one index,
 * one budget and one eviction order, so stories can never crowd out more
 * than the cache's own bytes.
 */
export type CacheName = Handle | StoriesCacheName;

/** One cached answer's place in the index. */
export interface IndexEntry {
  name: CacheName;
  /** Epoch ms of the last time it was served or stored; drives eviction. */
  usedAt: number;
  /** What it takes in storage, as the quota counts it. */
  bytes: number;
}

/** Enough for a long research session; profiles and highlights' stories count alike. */
export const MAX_CACHED_PROFILES = 300;
/**
 * Chrome gives storage.local 10 MB; a profile with 150 highlights takes about
 * 75 kB, so the entry count alone could overflow it. Stay well inside.
 */
export const MAX_CACHE_BYTES = 4_000_000;

const encoder = new TextEncoder();

/** Bytes an answer takes in storage under its key (its JSON, as the quota counts it). */
export function entryBytes(key: string, value: unknown): number {
  return encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length;
}

export interface Budget {
  maxEntries?: number;
  maxBytes?: number;
}

/**
 * Which entries to keep: the most recently used that fit both the count and
 * the byte budget. Returns the kept ones (newest first) and the dropped ones.
 */
export function planEviction(
  index: readonly IndexEntry[],
  { maxEntries = MAX_CACHED_PROFILES, maxBytes = MAX_CACHE_BYTES }: Budget = {},
): { keep: IndexEntry[]; drop: IndexEntry[] } {
  const keep: IndexEntry[] = [];
  const drop: IndexEntry[] = [];
  let bytes = 0;
  for (const entry of [...index].sort((a, b) => b.usedAt - a.usedAt)) {
    if (keep.length < maxEntries && bytes + entry.bytes <= maxBytes) {
      keep.push(entry);
      bytes += entry.bytes;
    } else {
      drop.push(entry);
    }
  }
  return { keep, drop };
}
