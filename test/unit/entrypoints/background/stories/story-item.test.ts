import { describe, expect, it } from 'vitest';
import { largest, mediaId, mediaUrl, readStoryItem, takenAtMs, thumbnail } from '@/entrypoints/background/stories/story-item';
import { parseJsonExact } from '@/entrypoints/background/lookup/exact-json';

const OE = '698ECEBF';
const EXPIRY = 0x698ecebf * 1000;
const img = (name: string, width?: number, height?: number, oe = OE) => ({
  url: `https://scontent-iad3-1.cdninstagram.com/v/${name}.jpg?stp=x&oe=${oe}`,
  ...(width === undefined ? {} : { width, height }),
});
const vid = (name: string, width?: number, height?: number) => ({
  url: `https://instagram.fiad3-1.fna.fbcdn.net/o1/v/${name}.mp4?oe=${OE}`,
  ...(width === undefined ? {} : { width, height }),
});

describe('readStoryItem: Instagram’s own item', () => {
  it('a photo: pk, taken_at in ms, the largest candidate, a small thumbnail, the links’ expiry', () => {
    const item = {
      pk: '3179123456789012340',
      id: '3179123456789012340_528817151',
      taken_at: 1767225600,
      media_type: 1,
      image_versions2: { candidates: [img('big', 1080, 1920), img('mid', 640, 1137), img('s150', 150, 267), img('s96', 96, 171)] },
    };
    expect(readStoryItem(item)).toEqual({
      id: '3179123456789012340',
      mediaType: 'photo',
      takenAt: Date.UTC(2026, 0, 1),
      mediaUrl: img('big').url,
      thumbnailUrl: img('s150').url,
      videoDuration: null,
      linksExpireAt: EXPIRY,
    });
  });

  it('a video: the largest video version wherever it stands, its duration; the thumbnail from its images', () => {
    const item = {
      pk: '3179123456789012341',
      taken_at: 1767229200,
      media_type: 2,
      image_versions2: { candidates: { '0': img('cover', 720, 1280), '1': img('small', 240, 427) } },
      video_versions: { '0': vid('480', 480, 854), '1': vid('720', 720, 1280), '2': vid('360', 360, 640) },
      video_duration: 14.933,
    };
    expect(readStoryItem(item)).toMatchObject({
      id: '3179123456789012341',
      mediaType: 'video',
      mediaUrl: vid('720').url,
      thumbnailUrl: img('small').url,
      videoDuration: 14.933,
    });
  });

  it('the earliest expiry of its links', () => {
    const item = { pk: '1', image_versions2: { candidates: [img('big', 1080, 1920, '698ECEC0'), img('s', 150, 267, '698ECEB0')] } };
    expect(readStoryItem(item)?.linksExpireAt).toBe(0x698eceb0 * 1000);
  });

  it('keeps a pk past 2^53 exact when it came as a bare JSON number', () => {
    const item = parseJsonExact('{"pk": 31791234567890123400, "id": "31791234567890123400_1", "media_type": 1}');
    expect(readStoryItem(item)?.id).toBe('31791234567890123400');
  });
});

describe('readStoryItem: a reseller’s flat item', () => {
  it('{id, taken_at, media_type, video_url, thumbnail_url}', () => {
    const video = { id: '3179123456789012341', taken_at: 1767229200, media_type: 2, video_url: vid('v').url, thumbnail_url: img('t').url };
    expect(readStoryItem(video)).toEqual({
      id: '3179123456789012341',
      mediaType: 'video',
      takenAt: Date.UTC(2026, 0, 1, 1),
      mediaUrl: vid('v').url,
      thumbnailUrl: img('t').url,
      videoDuration: null,
      linksExpireAt: EXPIRY,
    });
    const photo = { id: '3179123456789012340', taken_at: 1767225600, media_type: 1, video_url: null, thumbnail_url: img('t').url };
    expect(readStoryItem(photo)).toMatchObject({ mediaType: 'photo', mediaUrl: img('t').url, thumbnailUrl: img('t').url });
  });
});

describe('readStoryItem: the parts, one at a time', () => {
  it.each([
    ['media_type 2', { media_type: 2 }, 'video'],
    ['media_type "1"', { media_type: '1', video_versions: [vid('v')] }, 'photo'],
    ['media_type "video"', { media_type: 'video' }, 'video'],
    ['media_type "GraphImage"', { media_type: 'GraphImage' }, 'photo'],
    ['is_video true', { is_video: true }, 'video'],
    ['is_video false, with a video', { is_video: false, video_url: vid('v').url }, 'photo'],
    ['no type, video versions', { video_versions: [vid('v')] }, 'video'],
    ['no type, a video_url', { video_url: vid('v').url }, 'video'],
    ['no type, only images', { image_versions2: { candidates: [img('a')] } }, 'photo'],
    ['media_type 8 (a carousel), nothing else', { media_type: 8 }, 'photo'],
  ])('%s → %s', (_name, parts, mediaType) => {
    expect(readStoryItem({ pk: '1', ...parts })?.mediaType).toBe(mediaType);
  });

  it('a video stated as one with no video to play has no media link, not an image in its place', () => {
    expect(readStoryItem({ pk: '1', media_type: 2, image_versions2: { candidates: [img('a', 640, 1137)] } })).toMatchObject({
      mediaType: 'video',
      mediaUrl: null,
      thumbnailUrl: img('a').url,
    });
  });

  it('a photo without duration; a video duration that is no duration is null', () => {
    expect(readStoryItem({ pk: '1', media_type: 1, video_duration: 5 })?.videoDuration).toBeNull();
    for (const bad of [-1, 'long', Number.NaN, 1e9, null, {}]) {
      expect(readStoryItem({ pk: '1', media_type: 2, video_duration: bad })?.videoDuration).toBeNull();
    }
    expect(readStoryItem({ pk: '1', media_type: 2, video_duration: '12.5' })?.videoDuration).toBe(12.5);
  });

  it('an item that is no object, or has no media id, is no story', () => {
    for (const item of [null, 1, 'x', [], [{ pk: '1' }], {}, { pk: 'abc' }, { id: 'a_b' }, { pk: -1 }, { pk: 1.5 }, { id: '1_2_3' }]) {
      expect(readStoryItem(item)).toBeNull();
    }
  });
});

describe('mediaId', () => {
  it.each([
    [{ pk: '31791234567890123400' }, '31791234567890123400'],
    [{ pk: 123 }, '123'],
    [{ pk: 'x', id: '31791234567890123400_528817151' }, '31791234567890123400'],
    [{ id: '31791234567890123400_528817151' }, '31791234567890123400'],
    [{ id: '31791234567890123400' }, '31791234567890123400'],
    [{ id: 42 }, '42'],
    [{ id: '0042' }, '0042'],
    [{ pk: '9'.repeat(31) }, null],
    [{ id: 'highlight:1' }, null],
    [{ id: '_1' }, null],
    [{}, null],
    [Object.create({ pk: '1' }), null],
  ])('%j → %s', (item, id) => {
    expect(mediaId(item)).toBe(id);
  });
});

describe('mediaUrl', () => {
  it.each([
    ['https://scontent.cdninstagram.com/a.jpg?oe=1', true],
    ['https://evil.example/a.jpg', true],
    ['http://scontent.cdninstagram.com/a.jpg', false],
    ['javascript:alert(1)', false],
    ['data:image/png;base64,AAAA', false],
    [' https://scontent.cdninstagram.com/a.jpg', false],
    ['https://scontent.cdninstagram.com/a b.jpg', false],
    ['https://scontent.cdninstagram.com/a\n.jpg', false],
    [`https://x.cdninstagram.com/${'a'.repeat(9000)}`, false],
    ['not a url', false],
    ['', false],
    [42, false],
  ])('%s → kept: %s', (url, kept) => {
    expect(mediaUrl(url)).toBe(kept ? url : null);
  });
});

describe('choosing among candidates', () => {
  const c = (url: string, width: number, height: number) => ({ url, width, height });

  it('largest: by area, the first of equals; with no sizes, the first', () => {
    expect(largest([c('a', 320, 569), c('b', 1080, 1920), c('c', 720, 1280)])).toBe('b');
    expect(largest([c('a', 640, 640), c('b', 640, 640)])).toBe('a');
    expect(largest([c('a', 0, 0), c('b', 0, 0)])).toBe('a');
    expect(largest([])).toBeNull();
  });

  it('thumbnail: the smallest at least 150 wide; else the largest; with no widths, the last', () => {
    expect(thumbnail([c('a', 1080, 1920), c('b', 150, 267), c('c', 96, 171), c('d', 240, 427)])).toBe('b');
    expect(thumbnail([c('a', 96, 171), c('b', 120, 213)])).toBe('b');
    expect(thumbnail([c('a', 0, 0), c('b', 0, 0)])).toBe('b');
    expect(thumbnail([])).toBeNull();
  });
});

describe('takenAtMs', () => {
  it.each([
    [1767225600, Date.UTC(2026, 0, 1)],
    ['1767225600', Date.UTC(2026, 0, 1)],
    [1767225600.5, Date.UTC(2026, 0, 1) + 500],
    [1767225600000, Date.UTC(2026, 0, 1)],
    ['2026-01-01T00:00:00Z', Date.UTC(2026, 0, 1)],
    ['2026-01-01T01:00:00+01:00', Date.UTC(2026, 0, 1)],
    [0, null],
    [-1, null],
    [4102444800, null],
    ['yesterday', null],
    ['2026-13-45T00:00:00Z', null],
    [Number.NaN, null],
    [null, null],
    [undefined, null],
  ])('%s → %s', (value, ms) => {
    expect(takenAtMs(value)).toBe(ms);
  });

  it('reads taken_at_timestamp when taken_at is missing', () => {
    expect(readStoryItem({ pk: '1', taken_at_timestamp: 1767225600 })?.takenAt).toBe(Date.UTC(2026, 0, 1));
  });
});

describe('readStoryItem: what a wrong reader would get wrong', () => {
  const read = (parts: Record<string, unknown>) => readStoryItem({ pk: '1', ...parts });

  it('sizes that are no positive finite number count as unknown (0)', () => {
    const good = img('good', 640, 640);
    for (const bad of [
      { url: img('text').url, width: '1080', height: '1920' },
      { url: img('negative').url, width: -2000, height: -2000 },
      { url: img('infinite').url, width: Number.POSITIVE_INFINITY, height: Number.POSITIVE_INFINITY },
    ]) {
      expect(read({ image_versions2: { candidates: [bad, good] } })?.mediaUrl, JSON.stringify(bad)).toBe(good.url);
    }
  });

  it('a candidate without a usable link is left out, even the largest', () => {
    const good = img('good', 640, 640);
    expect(read({ image_versions2: { candidates: [{ url: 'http://x.cdninstagram.com/a.jpg', width: 2000, height: 2000 }, good] } })?.mediaUrl).toBe(
      good.url,
    );
  });

  it.each([
    ['"image", with a video', { media_type: 'image', video_versions: [vid('v')] }, 'photo'],
    ['"Photo", with a video', { media_type: 'Photo', video_url: vid('v').url }, 'photo'],
    ['"notphoto", with a video', { media_type: 'notphoto', video_url: vid('v').url }, 'video'],
    ['"photos", with a video', { media_type: 'photos', video_url: vid('v').url }, 'video'],
    ['"GraphVideo"', { media_type: 'GraphVideo' }, 'video'],
    ['"carousel"', { media_type: 'carousel' }, 'photo'],
    ['"xvideo"', { media_type: 'xvideo' }, 'photo'],
    ['"videos"', { media_type: 'videos' }, 'photo'],
    ['a list ["video"]', { media_type: ['video'] }, 'photo'],
  ])('media_type %s → %s', (_name, parts, mediaType) => {
    expect(read(parts)?.mediaType).toBe(mediaType);
  });

  it('the flat links: display_url before image_url for a photo, and as a video’s thumbnail', () => {
    const a = img('a').url;
    const b = img('b').url;
    expect(read({ media_type: 1, image_url: a })).toMatchObject({ mediaUrl: a, thumbnailUrl: a });
    expect(read({ media_type: 1, display_url: a, image_url: b })).toMatchObject({ mediaUrl: a, thumbnailUrl: a });
    expect(read({ media_type: 2, video_url: vid('v').url, display_url: a })).toMatchObject({ mediaUrl: vid('v').url, thumbnailUrl: a });
    // A video's own link is no image to show in a list.
    expect(read({ media_type: 2, video_url: vid('v').url })).toMatchObject({ mediaUrl: vid('v').url, thumbnailUrl: null });
  });

  it('a video duration from 0 up to, not including, a day', () => {
    const durationOf = (value: unknown) => read({ media_type: 2, video_duration: value })?.videoDuration;
    expect([durationOf(0), durationOf(86_399.5), durationOf(86_400), durationOf(undefined)]).toEqual([0, 86_399.5, null, null]);
  });

  it('an id given as a number past 2^53 is no media id (it may have been rounded)', () => {
    expect(mediaId({ id: 2 ** 53 })).toBeNull();
  });
});

describe('choosing among candidates, at the edges', () => {
  const c = (url: string, width: number, height: number) => ({ url, width, height });

  it('thumbnail: of equal widths the first; with no widths the last of three; one known width is taken', () => {
    expect(thumbnail([c('a', 150, 267), c('b', 150, 300)])).toBe('a');
    expect(thumbnail([c('a', 0, 0), c('b', 0, 0), c('c', 0, 0)])).toBe('c');
    expect(thumbnail([c('a', 640, 640), c('b', 0, 0)])).toBe('a');
  });

  it('mediaUrl: up to 8192 characters', () => {
    const base = 'https://x.cdninstagram.com/';
    const longest = base + 'a'.repeat(8192 - base.length);
    expect(mediaUrl(longest)).toBe(longest);
    expect(mediaUrl(`${longest}a`)).toBeNull();
  });

  it.each([
    ['2026-01-01', null],
    ['+002026-01-01T00:00:00Z', null],
    [{}, null],
    [['2026-01-01T00:00:00Z'], null],
  ])('takenAtMs(%j) → %s: only a full ISO 8601 time, or a number', (value, ms) => {
    expect(takenAtMs(value)).toBe(ms);
  });
});
