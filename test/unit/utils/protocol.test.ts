import { describe, expect, it } from 'vitest';
import { handleFromWhichProfile } from '@/utils/protocol';

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
