import { describe, expect, it } from 'vitest';
import type { Highlight } from '@/utils/highlights/highlight';
import { exportHighlights, highlightsAsCsv, highlightsAsJson, idsAsLines } from '@/utils/highlights/id-export';

const h = (id: string, title = ''): Highlight => ({ id, title, coverUrl: null });

describe('idsAsLines', () => {
  it.each<[string, Highlight[], string]>([
    ['no highlights', [], ''],
    ['one highlight', [h('18154582366360931')], '18154582366360931'],
    ['several, in order, no trailing newline', [h('3'), h('1'), h('2')], '3\n1\n2'],
    [
      'ids beyond 2^53 stay exact',
      [h('18064891234567890123'), h('9007199254740993')],
      '18064891234567890123\n9007199254740993',
    ],
    ['titles are not included', [h('1', 'Travel'), h('2', 'Food')], '1\n2'],
  ])('%s', (_label, highlights, expected) => {
    expect(idsAsLines(highlights)).toBe(expected);
  });

  it('keeps duplicates (one line per row shown)', () => {
    expect(idsAsLines([h('5'), h('5')])).toBe('5\n5');
  });

  it('handles 150 highlights', () => {
    const many = Array.from({ length: 150 }, (_, i) => h(String(17_000_000_000_000_000n + BigInt(i))));
    const lines = idsAsLines(many).split('\n');
    expect(lines).toHaveLength(150);
    expect(lines[0]).toBe('17000000000000000');
    expect(lines[149]).toBe('17000000000000149');
  });
});

describe('highlightsAsCsv', () => {
  it.each<[string, Highlight[], string]>([
    ['header only when empty', [], 'id,title'],
    ['plain titles', [h('1', 'Travel'), h('2', 'Food')], 'id,title\r\n1,Travel\r\n2,Food'],
    ['comma is quoted', [h('1', 'a, b')], 'id,title\r\n1,"a, b"'],
    ['quote is doubled', [h('1', 'say "hi"')], 'id,title\r\n1,"say ""hi"""'],
    ['newline is quoted', [h('1', 'two\nlines')], 'id,title\r\n1,"two\nlines"'],
    ['formula is defused', [h('1', '=HYPERLINK("x")')], 'id,title\r\n1,"\'=HYPERLINK(""x"")"'],
    ['plus, minus and at are defused', [h('1', '+1'), h('2', '-2'), h('3', '@x')], "id,title\r\n1,'+1\r\n2,'-2\r\n3,'@x"],
    ['RTL and emoji kept', [h('1', 'سفر ✈️')], 'id,title\r\n1,سفر ✈️'],
    ['empty title', [h('1', '')], 'id,title\r\n1,'],
  ])('%s', (_label, highlights, expected) => {
    expect(highlightsAsCsv(highlights)).toBe(expected);
  });
});

describe('highlightsAsJson', () => {
  it('keeps ids as strings and drops cover URLs', () => {
    const json = highlightsAsJson([{ id: '18064891234567890123', title: 'A', coverUrl: 'https://x' }]);
    expect(JSON.parse(json)).toEqual([{ id: '18064891234567890123', title: 'A' }]);
    expect(json).toContain('"18064891234567890123"');
  });

  it('is an empty array for no highlights', () => {
    expect(JSON.parse(highlightsAsJson([]))).toEqual([]);
  });
});

describe('exportHighlights', () => {
  const rows = [
    { id: '18154582366360931', title: 'BOB hairstyles', coverUrl: null },
    { id: '18154582366360932', title: '=HYPERLINK("x")', coverUrl: null },
  ];
  it.each([
    ['lines', '18154582366360931\n18154582366360932'],
    ['csv', 'id,title\r\n18154582366360931,BOB hairstyles\r\n18154582366360932,"\'=HYPERLINK(""x"")"'],
    [
      'json',
      JSON.stringify(
        [
          { id: '18154582366360931', title: 'BOB hairstyles' },
          { id: '18154582366360932', title: '=HYPERLINK("x")' },
        ],
        null,
        2,
      ),
    ],
  ] as const)('%s', (format, expected) => {
    expect(exportHighlights(rows, format)).toBe(expected);
  });
});
