import { describe, expect, it } from 'vitest';
import { handleFromSearch, tabIdFromSearch } from '@/entrypoints/popup/popup-target';

describe('tabIdFromSearch', () => {
  it.each([
    ['?tab=7', 7],
    ['?tab=0', 0],
    ['', null],
    ['?tab=', null],
    ['?tab=-1', null],
    ['?tab=1.5', null],
    ['?tab=12abc', null],
    ['?tab=9999999999999999', null],
    ['?other=1&tab=42', 42],
  ])('%j → %j', (search, id) => {
    expect(tabIdFromSearch(search)).toBe(id);
  });
});

describe('handleFromSearch', () => {
  it.each([
    ['?handle=nasa', 'nasa'],
    ['?handle=NatGeo', 'natgeo'],
    ['?handle=%40nasa', 'nasa'],
    ['?handle=explore', null],
    ['?handle=', null],
    ['?tab=3', null],
  ])('%j → %j', (search, handle) => {
    expect(handleFromSearch(search)).toBe(handle);
  });
});
