import { describe, expect, it } from 'vitest';
import { isFresh } from '@/utils/highlights/cached-list';

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
