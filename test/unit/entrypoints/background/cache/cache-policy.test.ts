import { describe, expect, it } from 'vitest';
import { entryBytes, MAX_CACHE_BYTES, planEviction, type IndexEntry } from '@/entrypoints/background/cache/cache-policy';
import { isFresh } from '@/utils/highlights/cached-list';
import type { HighlightList } from '@/utils/highlights/highlight';
import { createRateLimiter, memoryTimestamps } from '@/entrypoints/background/tabs/rate-limit';
import { DEFAULT_SETTINGS, normaliseSettings } from '@/utils/settings';
import { actionTitleFor, badgeTextFor } from '@/entrypoints/background/tabs/tab-state';
import { handleFromWhichProfile } from '@/utils/protocol';
import { h } from '@/test/unit/helpers/handles';

describe('isFresh', () => {
  it.each([
    [0, true],
    [24 * 3_600_000 - 1, true],
    [24 * 3_600_000, false],
    [-1, false],
  ])('age %d ms at 24 h → %s', (age, expected) => {
    expect(isFresh(1_000_000_000, 1_000_000_000 + age, 24)).toBe(expected);
  });
});

const indexEntry = (handle: string, usedAt: number, bytes = 100): IndexEntry => ({ handle: h(handle), usedAt, bytes });

describe('planEviction', () => {
  it('keeps the most recently used within the count', () => {
    const index = [indexEntry('a', 1), indexEntry('b', 3), indexEntry('c', 2)];
    const { keep, drop } = planEviction(index, { maxEntries: 2 });
    expect(keep.map((e) => e.handle)).toEqual(['b', 'c']);
    expect(drop.map((e) => e.handle)).toEqual(['a']);
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
    expect(keep[0]!.handle).toBe('user299');
    expect(drop.map((e) => e.handle)).toContain('user0');
    expect(Math.min(...keep.map((e) => e.usedAt))).toBeGreaterThan(Math.max(...drop.map((e) => e.usedAt)));
    // JSON in UTF-8, as storage counts it: the emoji is 4 bytes, not 2 UTF-16 units.
    expect(entryBytes('cache:a', list('a'))).toBe(new TextEncoder().encode('cache:a' + JSON.stringify(list('a'))).length);
  });

  it('drops an entry larger than the whole budget', () => {
    const { keep, drop } = planEviction([indexEntry('huge', 9, 5_000), indexEntry('small', 1, 10)], { maxBytes: 1_000 });
    expect(keep.map((e) => e.handle)).toEqual(['small']);
    expect(drop.map((e) => e.handle)).toEqual(['huge']);
  });
});

describe('createRateLimiter', () => {
  it('allows max per window, then again once the window slides', async () => {
    let t = 0;
    const limiter = createRateLimiter({ max: 2, windowMs: 1000, now: () => t });
    expect(await Promise.all([limiter.tryTake(), limiter.tryTake(), limiter.tryTake()])).toEqual([true, true, false]);
    t = 999;
    expect(await limiter.tryTake()).toBe(false);
    t = 1000;
    expect(await limiter.tryTake()).toBe(true);
  });

  it('a new limiter on the same store (a restarted worker) keeps counting', async () => {
    const store = memoryTimestamps();
    const first = createRateLimiter({ max: 2, windowMs: 60_000, store, now: () => 5 });
    expect([await first.tryTake(), await first.tryTake()]).toEqual([true, true]);
    const second = createRateLimiter({ max: 2, windowMs: 60_000, store, now: () => 6 });
    expect(await second.tryTake()).toBe(false);
  });

  it('ignores junk in the store', async () => {
    const store = memoryTimestamps();
    await store.setValue(['x', null, 1e15] as never);
    expect(await createRateLimiter({ max: 1, windowMs: 1000, store, now: () => 10 }).tryTake()).toBe(true);
  });
});

describe('normaliseSettings', () => {
  it.each([
    [undefined, DEFAULT_SETTINGS],
    [null, DEFAULT_SETTINGS],
    ['junk', DEFAULT_SETTINGS],
    [{ cacheTtlHours: 48, autoLookup: true }, { ...DEFAULT_SETTINGS, cacheTtlHours: 48, autoLookup: true }],
    [{ cacheTtlHours: 48, autoLookup: true, copyFormat: 'csv' }, { ...DEFAULT_SETTINGS, cacheTtlHours: 48, autoLookup: true, copyFormat: 'csv' }],
    [{ autoLookupDailyCap: 250 }, { ...DEFAULT_SETTINGS, autoLookupDailyCap: 250 }],
    [{ autoLookupDailyCap: 0 }, DEFAULT_SETTINGS],
    [{ autoLookupDailyCap: 1001 }, DEFAULT_SETTINGS],
    [{ autoLookupDailyCap: '50' }, DEFAULT_SETTINGS],
    [{ copyFormat: 'xml' }, DEFAULT_SETTINGS],
    [{ cacheTtlHours: 0 }, DEFAULT_SETTINGS],
    [{ cacheTtlHours: 1.5, autoLookup: 'yes' }, DEFAULT_SETTINGS],
    [{ cacheTtlHours: 721 }, DEFAULT_SETTINGS],
    [{ cacheTtlHours: 720, extra: 1 }, { ...DEFAULT_SETTINGS, cacheTtlHours: 720 }],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseSettings(raw)).toEqual(expected);
  });
});

describe('actionTitleFor', () => {
  it('names the profile', () => {
    expect(actionTitleFor(h('nasa'))).toBe('Highlights of @nasa');
    expect(actionTitleFor(null)).toContain('no Instagram profile');
  });
});

describe("a content script's answer to which-profile", () => {
  it.each([
    [{ handle: 'nasa' }, 'nasa'],
    // Content scripts send checked, lower-cased handles; anything else is not their answer.
    [{ handle: 'NASA' }, undefined],
    [{ handle: null }, null],
    [{ handle: 'explore' }, undefined],
    [{ handle: 'na sa' }, undefined],
    [{ handle: 5 }, undefined],
    [{}, undefined],
    [null, undefined],
    ['nasa', undefined],
  ])('%j → %j', (answer, expected) => {
    expect(handleFromWhichProfile(answer)).toBe(expected);
  });
});

describe('badgeTextFor', () => {
  it.each([
    [null, ''],
    [0, '0'],
    [12, '12'],
    [999, '999'],
    [1000, '999+'],
  ])('%j → %j', (count, text) => {
    expect(badgeTextFor(count)).toBe(text);
  });
});
