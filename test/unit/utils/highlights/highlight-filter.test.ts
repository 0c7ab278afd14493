import { describe, expect, it } from 'vitest';
import { filterHighlights } from '@/utils/highlights/highlight-filter';

const highlights = [
  { id: '17912345678901234', title: 'École 🎒', coverUrl: null },
  { id: '17912345678909153', title: 'Mars', coverUrl: null },
  { id: '18000000000000001', title: 'MARSHMALLOW', coverUrl: null },
  { id: '18000000000000002', title: '東京の夜', coverUrl: null },
];

describe('filterHighlights', () => {
  it.each([
    ['', 4],
    ['   ', 4],
    ['mars', 2],
    ['ecole', 1],
    ['ÉCOLE', 1],
    ['東京', 1],
    ['9153', 1],
    ['1800000000000000', 2],
    ['nothing', 0],
  ])('%j keeps %i', (query, kept) => {
    expect(filterHighlights(highlights, query)).toHaveLength(kept);
  });

  it('keeps the order, and the same array when nothing is typed', () => {
    expect(filterHighlights(highlights, 'mars').map((h) => h.title)).toEqual(['Mars', 'MARSHMALLOW']);
    expect(filterHighlights(highlights, '')).toBe(highlights);
  });
});
