import { describe, expect, it } from 'vitest';
import { createExportWriter, csvChunks, exportFile, exportFileName, jsonChunks } from '@/utils/highlights/export-files';
import type { HighlightList } from '@/utils/highlights/highlight';
import { readCsv } from '@/test/unit/helpers/csv';
import { h } from '@/test/unit/helpers/handles';

const nasa: HighlightList = {
  handle: h('nasa'),
  ownerId: '528817151',
  fetchedAt: 0,
  highlights: [
    { id: '17912345678901234567', title: 'Artemis', coverUrl: 'https://x.cdninstagram.com/a.jpg?a=1&b=2' },
    { id: '17912345678909153', title: 'Says "hi", then\nleaves', coverUrl: null },
    { id: '17912345678917072', title: '=HYPERLINK("x")', coverUrl: null },
    { id: '17912345678924991', title: '東京の夜 🌃 رحلات', coverUrl: null },
  ],
};
const empty: HighlightList = { handle: h('emptyprofile'), ownerId: null, fetchedAt: 0, highlights: [] };

describe('CSV file', () => {
  // Made inside each test, not here: a file whose describe body throws counts
  // as no failure under mutation testing (docs/testing.md says why).
  const csvText = () => [...csvChunks([nasa, empty])].join('');

  it('starts with a UTF-8 BOM and the header, CRLF line ends', () => {
    const text = csvText();
    expect(text.startsWith('\uFEFFhandle,user_id,highlight_id,title,cover_url\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('one row per highlight, fields intact through quoting, formulas defused, ids exact', () => {
    expect(readCsv(csvText().slice(1))).toEqual([
      ['handle', 'user_id', 'highlight_id', 'title', 'cover_url'],
      ['nasa', '528817151', '17912345678901234567', 'Artemis', 'https://x.cdninstagram.com/a.jpg?a=1&b=2'],
      ['nasa', '528817151', '17912345678909153', 'Says "hi", then\nleaves', ''],
      ['nasa', '528817151', '17912345678917072', `'=HYPERLINK("x")`, ''],
      ['nasa', '528817151', '17912345678924991', '東京の夜 🌃 رحلات', ''],
    ]);
  });

  it('a profile without a user id has an empty user_id field', () => {
    const anonymous: HighlightList = { ...nasa, handle: h('anon'), ownerId: null, highlights: nasa.highlights.slice(0, 1) };
    expect([...csvChunks([anonymous])].join('')).toBe(
      '\uFEFFhandle,user_id,highlight_id,title,cover_url\r\n' +
        'anon,,17912345678901234567,Artemis,https://x.cdninstagram.com/a.jpg?a=1&b=2\r\n',
    );
  });

  it('a chunk per profile with highlights', () => {
    expect([...csvChunks([nasa, empty, nasa])]).toHaveLength(3);
  });
});

describe('JSON file', () => {
  it('an array of profiles with their highlights, ids as strings, parseable', () => {
    expect(JSON.parse([...jsonChunks([nasa, empty])].join(''))).toEqual([
      {
        handle: 'nasa',
        user_id: '528817151',
        highlights: nasa.highlights.map((x) => ({ id: x.id, title: x.title, cover_url: x.coverUrl })),
      },
      { handle: 'emptyprofile', user_id: null, highlights: [] },
    ]);
    expect(JSON.parse([...jsonChunks([])].join(''))).toEqual([]);
  });

  it('laid out as JSON.stringify lays it out with two spaces, ending in a line end', () => {
    const value = (lists: HighlightList[]) =>
      lists.map((list) => ({
        handle: list.handle,
        user_id: list.ownerId,
        highlights: list.highlights.map((x) => ({ id: x.id, title: x.title, cover_url: x.coverUrl })),
      }));
    for (const lists of [[], [nasa], [nasa, empty, nasa]]) {
      expect([...jsonChunks(lists)].join('')).toBe(`${JSON.stringify(value(lists), null, 2)}\n`);
    }
  });
});

describe('file names', () => {
  it.each([
    ['nasa', 'csv', 'nasa-highlights-2026-11-29.csv'],
    ['unicode.names', 'json', 'unicode.names-highlights-2026-11-29.json'],
    ['My list / 2026', 'csv', 'My-list-2026-highlights-2026-11-29.csv'],
    ['../../etc', 'csv', 'etc-highlights-2026-11-29.csv'],
    ['', 'json', 'export-highlights-2026-11-29.json'],
  ] as const)('%j as %s → %s', (label, format, name) => {
    expect(exportFileName(label, format, new Date(2026, 10, 29, 23, 59))).toBe(name);
  });

  it('keeps the first 60 characters of a long label', () => {
    const date = new Date(2026, 10, 29);
    expect(exportFileName('a'.repeat(60), 'csv', date)).toBe(`${'a'.repeat(60)}-highlights-2026-11-29.csv`);
    expect(exportFileName(`${'a'.repeat(59)}bc`, 'csv', date)).toBe(`${'a'.repeat(59)}b-highlights-2026-11-29.csv`);
    expect(exportFileName('東'.repeat(70), 'json', date)).toBe(`${'東'.repeat(60)}-highlights-2026-11-29.json`);
  });

  it('pads the month and day, in local time', () => {
    expect(exportFileName('nasa', 'csv', new Date(2027, 8, 9, 0, 0))).toBe('nasa-highlights-2027-09-09.csv');
    expect(exportFileName('nasa', 'csv', new Date(2027, 11, 31, 23, 59))).toBe('nasa-highlights-2027-12-31.csv');
  });

  it('trims dots and dashes from both ends, and a label of nothing usable is "export"', () => {
    const date = new Date(2026, 10, 29);
    expect(exportFileName('.-.nasa.-.', 'csv', date)).toBe('nasa-highlights-2026-11-29.csv');
    expect(exportFileName('…!!!', 'csv', date)).toBe('export-highlights-2026-11-29.csv');
    expect(exportFileName('a_b.c-d', 'csv', date)).toBe('a_b.c-d-highlights-2026-11-29.csv');
  });

  it('exportFile puts it together', () => {
    const file = exportFile([nasa], 'nasa', 'csv', new Date(2026, 0, 5));
    expect(file).toStrictEqual({
      name: 'nasa-highlights-2026-01-05.csv',
      type: 'text/csv;charset=utf-8',
      chunks: [...csvChunks([nasa])],
    });
    expect(file.chunks.join('')).toContain('17912345678901234567');
  });

  it('exportFile as JSON: named .json, typed application/json', () => {
    expect(exportFile([nasa], 'nasa', 'json', new Date(2026, 0, 5))).toStrictEqual({
      name: 'nasa-highlights-2026-01-05.json',
      type: 'application/json;charset=utf-8',
      chunks: [...jsonChunks([nasa])],
    });
  });
});

describe('a file written a page at a time', () => {
  const profiles = [nasa, empty, { ...nasa, handle: h('natgeo') }, empty, nasa];

  it.each(['csv', 'json'] as const)('%s: any split into pages gives the very same file', (format) => {
    const whole = exportFile(profiles, 'x', format).chunks.join('');
    for (const size of [1, 2, 3, 5]) {
      const writer = createExportWriter(format);
      const chunks: string[] = [];
      for (let i = 0; i < profiles.length; i += size) chunks.push(...writer.add(profiles.slice(i, i + size)));
      chunks.push(...writer.end());
      expect(chunks.join(''), `pages of ${size}`).toBe(whole);
    }
  });

  it.each(['csv', 'json'] as const)('%s: nothing added is a valid empty file', (format) => {
    const writer = createExportWriter(format);
    expect([...writer.add([]), ...writer.end()].join('')).toBe([...(format === 'csv' ? csvChunks([]) : jsonChunks([]))].join(''));
    expect(createExportWriter(format).end().join('')).toBe(format === 'csv' ? '\uFEFFhandle,user_id,highlight_id,title,cover_url\r\n' : '[]\n');
  });
});
