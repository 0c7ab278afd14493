import { describe, expect, it } from 'vitest';
import { entryBytes, MAX_CACHE_BYTES, planEviction, type IndexEntry } from '@/entrypoints/background/cache/cache-policy';
import type { HighlightList } from '@/utils/highlights/highlight';
import { h } from '@/test/unit/helpers/handles';

const indexEntry = (handle: string, usedAt: number, bytes = 100): IndexEntry => ({ name: h(handle), usedAt, bytes });

describe('planEviction', () => {
  it('keeps the most recently used within the count', () => {
    const index = [indexEntry('a', 1), indexEntry('b', 3), indexEntry('c', 2)];
    const { keep, drop } = planEviction(index, { maxEntries: 2 });
    expect(keep.map((e) => e.name)).toEqual(['b', 'c']);
    expect(drop.map((e) => e.name)).toEqual(['a']);
    expect(planEviction(index, { maxEntries: 3 }).drop).toEqual([]);
  });

  it('stays within the byte budget, dropping the least recently used first', () => {
    const list = (handle: string): HighlightList => ({
      handle: h(handle),
      ownerId: null,
      fetchedAt: 0,
      highlights: Array.from({ length: 150 }, (_, i) => ({
        id: `1790000000000${i}`,
        title: 'A title of some length 🚀',
        coverUrl: `https://scontent-sea1-1.cdninstagram.com/v/t51.2885-15/${'x'.repeat(300)}.jpg`,
      })),
    });
    const index = Array.from({ length: 300 }, (_, i) => indexEntry(`user${i}`, i, entryBytes(`cache:user${i}`, list(`user${i}`))));
    expect(index.reduce((sum, e) => sum + e.bytes, 0)).toBeGreaterThan(MAX_CACHE_BYTES);
    const { keep, drop } = planEviction(index);
    expect(keep.reduce((sum, e) => sum + e.bytes, 0)).toBeLessThanOrEqual(MAX_CACHE_BYTES);
    expect(keep[0]!.name).toBe('user299');
    expect(drop.map((e) => e.name)).toContain('user0');
    expect(Math.min(...keep.map((e) => e.usedAt))).toBeGreaterThan(Math.max(...drop.map((e) => e.usedAt)));
    // JSON in UTF-8, as storage counts it: the emoji is 4 bytes, not 2 UTF-16 units.
    expect(entryBytes('cache:a', list('a'))).toBe(new TextEncoder().encode('cache:a' + JSON.stringify(list('a'))).length);
  });

  it('keeps entries that fill the byte budget exactly', () => {
    const index = [indexEntry('a', 3, 400), indexEntry('b', 2, 600), indexEntry('c', 1, 1)];
    expect(planEviction(index, { maxBytes: 1_000 })).toEqual({ keep: index.slice(0, 2), drop: index.slice(2) });
  });

  it('drops an entry larger than the whole budget', () => {
    const { keep, drop } = planEviction([indexEntry('huge', 9, 5_000), indexEntry('small', 1, 10)], { maxBytes: 1_000 });
    expect(keep.map((e) => e.name)).toEqual(['small']);
    expect(drop.map((e) => e.name)).toEqual(['huge']);
  });
});

