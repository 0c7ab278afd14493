import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  STORY_CSV_COLUMNS,
  createStoriesWriter,
  isoTime,
  mediaUrlsText,
  storiesChunks,
  storiesFile,
  storiesFileName,
  type StoriesOfHighlight,
} from '@/utils/stories/story-files';
import type { Story } from '@/utils/stories/story';
import { readCsv } from '@/test/unit/helpers/csv';

const photo: Story = {
  id: '31791234567890123400',
  mediaType: 'photo',
  takenAt: Date.UTC(2026, 0, 1, 0, 0, 0),
  mediaUrl: 'https://scontent-iad3-1.cdninstagram.com/v/a_n.jpg?stp=1&oe=698ECEBF',
  thumbnailUrl: 'https://scontent-iad3-1.cdninstagram.com/v/a_s.jpg?oe=698ECEBF',
  videoDuration: null,
  linksExpireAt: 0x698ecebf * 1000,
};
const video: Story = {
  id: '31791234567890123401',
  mediaType: 'video',
  takenAt: Date.UTC(2026, 0, 1, 1, 2, 3),
  mediaUrl: 'https://instagram.fiad3-1.fna.fbcdn.net/o1/v.mp4?oe=698ECEBF&x="y"',
  thumbnailUrl: null,
  videoDuration: 7.25,
  linksExpireAt: 0x698ecebf * 1000,
};
const bare: Story = { id: '9', mediaType: 'photo', takenAt: null, mediaUrl: null, thumbnailUrl: null, videoDuration: null, linksExpireAt: null };

const artemis: StoriesOfHighlight = {
  handle: 'nasa',
  highlightId: '17912345678901234',
  highlightTitle: '=Artemis, "1"',
  stories: [photo, video, bare],
};
const empty: StoriesOfHighlight = { handle: 'nasa', highlightId: '17912345678909153', highlightTitle: 'Webb 🔭', stories: [] };

describe('stories CSV', () => {
  // Made inside each test, not here: a file whose describe body throws counts
  // as no failure under mutation testing (docs/testing.md says why).
  const csvText = () => [...storiesChunks('csv', [artemis, empty])].join('');

  it('a UTF-8 BOM, the issue’s columns, CRLF line ends', () => {
    const text = csvText();
    expect(STORY_CSV_COLUMNS.join(',')).toBe(
      'handle,highlight_id,highlight_title,story_id,media_type,taken_at,media_url,thumbnail_url,video_duration',
    );
    expect(text.startsWith(`\uFEFF${STORY_CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('a row per story in order: ids exact, ISO 8601 times, the title defused and quoted, blanks for what is missing', () => {
    expect(readCsv(csvText().slice(1))).toEqual([
      [...STORY_CSV_COLUMNS],
      ['nasa', '17912345678901234', `'=Artemis, "1"`, '31791234567890123400', 'photo', '2026-01-01T00:00:00.000Z', photo.mediaUrl, photo.thumbnailUrl, ''],
      ['nasa', '17912345678901234', `'=Artemis, "1"`, '31791234567890123401', 'video', '2026-01-01T01:02:03.000Z', video.mediaUrl, '', '7.25'],
      ['nasa', '17912345678901234', `'=Artemis, "1"`, '9', 'photo', '', '', '', ''],
    ]);
  });

  it('only the header for no stories', () => {
    expect([...storiesChunks('csv', [])].join('')).toBe(`\uFEFF${STORY_CSV_COLUMNS.join(',')}\r\n`);
  });
});

describe('stories JSON', () => {
  it('an array of highlights with their stories, ids as strings, parseable', () => {
    expect(JSON.parse([...storiesChunks('json', [artemis, empty])].join(''))).toEqual([
      {
        handle: 'nasa',
        highlight_id: '17912345678901234',
        highlight_title: '=Artemis, "1"',
        stories: [
          {
            story_id: '31791234567890123400',
            media_type: 'photo',
            taken_at: '2026-01-01T00:00:00.000Z',
            media_url: photo.mediaUrl,
            thumbnail_url: photo.thumbnailUrl,
            video_duration: null,
          },
          {
            story_id: '31791234567890123401',
            media_type: 'video',
            taken_at: '2026-01-01T01:02:03.000Z',
            media_url: video.mediaUrl,
            thumbnail_url: null,
            video_duration: 7.25,
          },
          { story_id: '9', media_type: 'photo', taken_at: null, media_url: null, thumbnail_url: null, video_duration: null },
        ],
      },
      { handle: 'nasa', highlight_id: '17912345678909153', highlight_title: 'Webb 🔭', stories: [] },
    ]);
    expect(JSON.parse([...storiesChunks('json', [])].join(''))).toEqual([]);
  });

  it('written a page at a time, the same file as all at once', () => {
    for (const format of ['csv', 'json'] as const) {
      const writer = createStoriesWriter(format);
      const paged = [...writer.add([artemis]), ...writer.add([]), ...writer.add([empty, artemis]), ...writer.end()].join('');
      expect(paged).toBe([...storiesChunks(format, [artemis, empty, artemis])].join(''));
    }
  });

  it('any story ids and titles read back exactly from both files', () => {
    const storyArb = fc.record({
      id: fc.stringMatching(/^[1-9][0-9]{0,29}$/),
      mediaType: fc.constantFrom('photo' as const, 'video' as const),
      takenAt: fc.option(fc.integer({ min: -8.64e15, max: 8.64e15 }), { nil: null }),
      mediaUrl: fc.option(fc.webUrl(), { nil: null }),
      thumbnailUrl: fc.option(fc.webUrl(), { nil: null }),
      videoDuration: fc.option(fc.double({ min: 0, max: 1000, noNaN: true }), { nil: null }),
      linksExpireAt: fc.constant(null),
    });
    fc.assert(
      fc.property(fc.array(storyArb, { maxLength: 5 }), fc.string(), (stories, title) => {
        const highlight = { handle: 'nasa', highlightId: '17912345678901234', highlightTitle: title, stories };
        const rows = readCsv([...storiesChunks('csv', [highlight])].join('').slice(1)).slice(1);
        expect(rows.map((row) => row[3])).toEqual(stories.map((s) => s.id));
        const [entry] = JSON.parse([...storiesChunks('json', [highlight])].join('')) as Array<{ highlight_title: string; stories: Array<{ story_id: string }> }>;
        expect(entry!.highlight_title).toBe(title);
        expect(entry!.stories.map((s) => s.story_id)).toEqual(stories.map((s) => s.id));
      }),
    );
  });
});

describe('isoTime', () => {
  it.each([
    [0, '1970-01-01T00:00:00.000Z'],
    [Date.UTC(2026, 11, 7, 9, 30), '2026-12-07T09:30:00.000Z'],
    [null, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [Number.NEGATIVE_INFINITY, null],
    [8.64e15, '+275760-09-13T00:00:00.000Z'],
    [-8.64e15, '-271821-04-20T00:00:00.000Z'],
    [8.64e15 + 1, null],
  ])('%s → %s', (ms, iso) => {
    expect(isoTime(ms)).toBe(iso);
  });
});

describe('a duration that is no number', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY])('%s is written as none, in CSV and in JSON', (videoDuration) => {
    const odd: StoriesOfHighlight = { ...artemis, stories: [{ ...video, videoDuration }] };
    expect(readCsv([...storiesChunks('csv', [odd])].join('').slice(1))[1]?.at(-1)).toBe('');
    expect(JSON.parse([...storiesChunks('json', [odd])].join(''))[0].stories[0].video_duration).toBeNull();
    expect([...storiesChunks('json', [odd])].join('')).toContain('"video_duration": null');
  });
});

describe('file names', () => {
  const date = new Date(2026, 11, 7, 23, 59);
  it.each([
    [['nasa', 'Artemis', '17912345678901234'], 'csv', 'nasa-Artemis-17912345678901234-stories-2026-12-07.csv'],
    [['nasa', 'Sun ☀️', '17912345678901234'], 'json', 'nasa-Sun-17912345678901234-stories-2026-12-07.json'],
    [['unicode.names', '東京の夜', '1'], 'csv', 'unicode.names-東京の夜-1-stories-2026-12-07.csv'],
    [['nasa', '', '1'], 'csv', 'nasa-1-stories-2026-12-07.csv'],
    [['nasa', '../../etc/passwd', '1'], 'csv', 'nasa-etc-passwd-1-stories-2026-12-07.csv'],
    [['', '🔭', ''], 'csv', 'export-stories-2026-12-07.csv'],
  ] as const)('%j as %s → %s', (labels, format, name) => {
    expect(storiesFileName(labels, format, date)).toBe(name);
  });

  it('a long title is cut and the id after it stays whole', () => {
    const name = storiesFileName(['nasa', 'W'.repeat(200), '17912345678901234'], 'csv', date);
    expect(name).toBe(`nasa-${'W'.repeat(64)}-17912345678901234-stories-2026-12-07.csv`);
  });

  it('a part the cut leaves ending in dashes or dots loses them all', () => {
    const name = storiesFileName(['nasa', `${'W'.repeat(62)}-.-x`, '17912345678901234'], 'csv', date);
    expect(name).toBe(`nasa-${'W'.repeat(62)}-17912345678901234-stories-2026-12-07.csv`);
  });

  it('storiesFile puts one highlight’s file together', () => {
    const file = storiesFile(artemis, 'json', date);
    expect(file).toMatchObject({ name: 'nasa-Artemis-1-17912345678901234-stories-2026-12-07.json', type: 'application/json;charset=utf-8' });
    expect(JSON.parse(file.chunks.join(''))[0].stories).toHaveLength(3);
  });
});

describe('mediaUrlsText', () => {
  it('each media link on its own line, in order, stories without one left out', () => {
    expect(mediaUrlsText([photo, bare, video])).toBe(`${photo.mediaUrl}\n${video.mediaUrl}`);
    expect(mediaUrlsText([bare])).toBe('');
    expect(mediaUrlsText([])).toBe('');
  });
});
