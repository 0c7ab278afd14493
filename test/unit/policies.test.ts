import { describe, expect, it } from 'vitest';
import { evictLeastRecentlyUsed, isFresh, type CacheEntry } from '@/utils/cache-policy';
import { createRateLimiter } from '@/utils/rate-limit';
import { DEFAULT_SETTINGS, normaliseSettings } from '@/utils/settings';
import { actionTitleFor } from '@/utils/tab-profiles';
import { handleFromAnswer } from '@/utils/profile-report';
import { isValidHandle } from '@/utils/profile-url';

const entry = (fetchedAt: number, usedAt = fetchedAt): CacheEntry => ({
  list: { handle: 'x', ownerId: null, highlights: [], fetchedAt },
  usedAt,
});

describe('isFresh', () => {
  it.each([
    [0, true],
    [24 * 3_600_000 - 1, true],
    [24 * 3_600_000, false],
    [-1, false],
  ])('age %d ms at 24 h → %s', (age, expected) => {
    expect(isFresh(entry(1_000_000_000), 1_000_000_000 + age, 24)).toBe(expected);
  });
});

describe('evictLeastRecentlyUsed', () => {
  it('keeps the most recently used', () => {
    const cache = { a: entry(0, 1), b: entry(0, 3), c: entry(0, 2) };
    expect(Object.keys(evictLeastRecentlyUsed(cache, 2)).sort()).toEqual(['b', 'c']);
    expect(evictLeastRecentlyUsed(cache, 3)).toBe(cache);
  });
});

describe('createRateLimiter', () => {
  it('allows max per window, then again once the window slides', () => {
    let t = 0;
    const limiter = createRateLimiter({ max: 2, windowMs: 1000, now: () => t });
    expect([limiter.tryTake(), limiter.tryTake(), limiter.tryTake()]).toEqual([true, true, false]);
    t = 999;
    expect(limiter.tryTake()).toBe(false);
    t = 1000;
    expect(limiter.tryTake()).toBe(true);
  });
});

describe('normaliseSettings', () => {
  it.each([
    [undefined, DEFAULT_SETTINGS],
    [null, DEFAULT_SETTINGS],
    ['junk', DEFAULT_SETTINGS],
    [{ cacheTtlHours: 48, autoLookup: true }, { cacheTtlHours: 48, autoLookup: true }],
    [{ cacheTtlHours: 0 }, DEFAULT_SETTINGS],
    [{ cacheTtlHours: 1.5, autoLookup: 'yes' }, DEFAULT_SETTINGS],
    [{ cacheTtlHours: 721 }, DEFAULT_SETTINGS],
    [{ cacheTtlHours: 720, extra: 1 }, { cacheTtlHours: 720, autoLookup: false }],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseSettings(raw)).toEqual(expected);
  });
});

describe('actionTitleFor', () => {
  it('names the profile', () => {
    expect(actionTitleFor('nasa')).toBe('Highlights of @nasa');
    expect(actionTitleFor(null)).toContain('no Instagram profile');
  });
});

describe('handleFromAnswer', () => {
  it.each([
    [{ handle: 'nasa' }, 'nasa'],
    [{ handle: 'NASA' }, 'nasa'],
    [{ handle: null }, null],
    [{ handle: 'explore' }, undefined],
    [{ handle: 'na sa' }, undefined],
    [{ handle: 5 }, undefined],
    [{}, undefined],
    [null, undefined],
    ['nasa', undefined],
  ])('%j → %j', (answer, expected) => {
    expect(handleFromAnswer(answer, isValidHandle)).toBe(expected);
  });
});
