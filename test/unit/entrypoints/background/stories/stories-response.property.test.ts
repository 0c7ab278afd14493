/**
 * The story reader against answers nobody documents: arbitrary JSON never
 * makes it throw or lose an id's digits, and every known shape is read
 * whatever optional parts are missing, null or malformed, with lists as
 * arrays or as objects keyed "0", "1", … in any textual order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonExact } from '@/entrypoints/background/lookup/exact-json';
import { readStories, type StoriesReading, type StoriesShape } from '@/entrypoints/background/stories/stories-response';
import { anythingDeep } from '@/test/unit/helpers/arbitraries';
import { object, rawText, type Raw } from '@/test/unit/helpers/raw-json';

/** Runs per property (4 properties in this file: 2,000 runs). */
const RUNS = 500;
const KEY = 'sk_live_Secret123';
const HIGHLIGHT = '17912345678901234';
const read = (body: unknown, highlightId = HIGHLIGHT) => readStories(body, { highlightId, apiKey: KEY });

/** Whatever the reader answers is one of its two documented forms, well typed. */
function expectWellFormed(result: StoriesReading): void {
  if (!result.ok) {
    expect(Object.keys(result).sort()).toEqual(['detail', 'ok']);
    expect(typeof result.detail).toBe('string');
    expect(result.detail.length).toBeGreaterThan(0);
    return;
  }
  expect(['reels', 'reels_media', 'graphql', 'items']).toContain(result.shape);
  const { value } = result;
  expect(value.highlightId).toMatch(/^[0-9]+$/);
  expect(value.title === null || typeof value.title === 'string').toBe(true);
  expect(value.ownerId === null || /^[0-9]{1,25}$/.test(value.ownerId)).toBe(true);
  expect(value.mediaCount === null || Number.isSafeInteger(value.mediaCount)).toBe(true);
  for (const story of value.stories) {
    expect(story.id).toMatch(/^[0-9]{1,30}$/);
    expect(['photo', 'video']).toContain(story.mediaType);
    for (const url of [story.mediaUrl, story.thumbnailUrl]) expect(url === null || url.startsWith('https://')).toBe(true);
    for (const n of [story.takenAt, story.videoDuration, story.linksExpireAt]) expect(n === null || Number.isFinite(n)).toBe(true);
  }
  expect(JSON.stringify(result)).not.toContain(KEY);
}

/** Every story id the reader gives stands, digit for digit, in the text it was read from. */
function expectIdsFromText(result: StoriesReading, text: string): void {
  if (result.ok) for (const story of result.value.stories) expect(text).toContain(story.id);
}

/** parseJsonExact of text, or undefined when the text is not JSON (its only throw). */
function parsed(text: string): { value: unknown } | undefined {
  try {
    return { value: parseJsonExact(text) };
  } catch (error) {
    expect(error).toBeInstanceOf(SyntaxError);
    return undefined;
  }
}

/** JSON text with many ids, digits, keys of the known shapes and escapes: near what an answer holds. */
const answerishText = fc.string({
  unit: fc.constantFrom(
    '{', '}', '[', ']', ':', ',', '"', ' ', '-', '.', 'e', '0', '1', '9', '_',
    '31791234567890123400', '9007199254740993', 'true', 'null',
    '"pk"', '"id"', '"items"', '"data"', '"reels"', '"reels_media"', '"node"', '"edges"', '"0"', '"1"',
    '"xdt_api__v1__feed__reels_media__connection"', '"highlight:17912345678901234"', '"media_type"', '"video_versions"',
  ),
  maxLength: 80,
});

// ---------------------------------------------------------------------------
// Known shapes, with every optional part present, missing, null or malformed.

const digits = fc.oneof(fc.bigInt({ min: 1n, max: 2n ** 53n }), fc.bigInt({ min: 2n ** 53n, max: 10n ** 25n })).map(String);
const junk = fc.oneof(fc.constant(null), fc.constant('x'), fc.constant({}), fc.constant([]), fc.constant(-1), fc.boolean());
/** Present (a valid value), missing, null, or something else. */
const maybe = <T,>(valid: fc.Arbitrary<T>) =>
  fc.oneof(
    valid.map((value) => ({ valid: true as const, value })),
    fc.constant({ valid: false as const, value: undefined }),
    junk.map((value) => ({ valid: false as const, value })),
  );

type ListForm = 'array' | 'keyed';

/** A list as an array, or as an object keyed by positions written in a shuffled textual order. */
function listOf(items: Raw[], form: ListForm, order: number[]): Raw {
  if (form === 'array') return items;
  const positions = order.filter((i) => i < items.length);
  for (let i = 0; i < items.length; i++) if (!positions.includes(i)) positions.push(i);
  return { entries: positions.map((i) => [String(i), items[i]!] as [string, Raw]) };
}

interface Url {
  url: string;
  width: number;
  height: number;
}
const cdnUrl = fc
  .record({ name: fc.stringMatching(/^[a-z0-9]{1,12}$/), oe: fc.integer({ min: 1, max: 0xffffffff }) })
  .map(({ name, oe }) => `https://scontent-iad3-1.cdninstagram.com/v/${name}.jpg?oe=${oe.toString(16)}`);
const candidate = fc.record({ url: cdnUrl, width: fc.integer({ min: 1, max: 2000 }), height: fc.integer({ min: 1, max: 4000 }) });

interface GeneratedStory {
  id: string;
  mediaType: 'photo' | 'video';
  takenAt: number | null;
  videoDuration: number | null;
  /** The candidates the media link must come from, the largest of them; null when none. */
  media: Url[] | null;
  raw: Raw;
}

/** A story in Instagram's own item form. */
const instagramItem = (form: ListForm, order: number[]): fc.Arbitrary<GeneratedStory> =>
  fc
    .record({
      pk: digits,
      idForm: fc.constantFrom('pk-string', 'pk-bare', 'id-pair', 'both'),
      owner: digits,
      video: fc.boolean(),
      stated: fc.constantFrom('code', 'code-text', 'name', 'is_video', 'none'),
      takenAt: maybe(fc.integer({ min: 1_262_304_000, max: 4_102_444_799 })),
      images: fc.option(fc.array(candidate, { minLength: 1, maxLength: 5 }), { nil: undefined }),
      videos: fc.array(candidate, { minLength: 1, maxLength: 4 }),
      duration: maybe(fc.double({ min: 0, max: 3600, noNaN: true })),
      extra: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
    })
    .map((g) => {
      const video = g.video;
      const typeParts: Array<[string, Raw | undefined]> =
        g.stated === 'code'
          ? [['media_type', video ? 2 : 1]]
          : g.stated === 'code-text'
            ? [['media_type', video ? '2' : '1']]
            : g.stated === 'name'
              ? [['media_type', video ? 'video' : 'photo']]
              : g.stated === 'is_video'
                ? [['is_video', video]]
                : [];
      const urls = (list: Url[]) => listOf(list.map((c) => object([['url', c.url], ['width', c.width], ['height', c.height]])), form, order);
      return {
        id: g.pk,
        mediaType: video ? 'video' : 'photo',
        takenAt: g.takenAt.valid ? g.takenAt.value * 1000 : null,
        videoDuration: video && g.duration.valid ? g.duration.value : null,
        media: video ? g.videos : (g.images ?? null),
        raw: object([
          ['pk', g.idForm === 'pk-string' || g.idForm === 'both' ? g.pk : g.idForm === 'pk-bare' ? { bare: g.pk } : undefined],
          ['id', g.idForm === 'id-pair' || g.idForm === 'both' ? `${g.pk}_${g.owner}` : undefined],
          ['taken_at', g.takenAt.value === undefined ? undefined : { json: g.takenAt.value }],
          ...typeParts,
          ['image_versions2', g.images === undefined ? undefined : object([['candidates', urls(g.images)]])],
          // With no stated type, having videos is what makes it a video.
          ['video_versions', video ? urls(g.videos) : undefined],
          ['video_duration', g.duration.value === undefined ? undefined : { json: g.duration.value }],
          ['extra', g.extra === undefined ? undefined : { json: g.extra }],
        ]),
      };
    });

/** A story as resellers flatten it: `{id, taken_at, media_type, video_url, thumbnail_url}`. */
const flatItem: fc.Arbitrary<GeneratedStory> = fc
  .record({ pk: digits, bare: fc.boolean(), video: fc.boolean(), takenAt: maybe(fc.integer({ min: 1_262_304_000, max: 4_102_444_799 })), url: cdnUrl, thumb: cdnUrl })
  .map((g) => ({
    id: g.pk,
    mediaType: g.video ? 'video' : 'photo',
    takenAt: g.takenAt.valid ? g.takenAt.value * 1000 : null,
    videoDuration: null,
    media: [{ url: g.video ? g.url : g.thumb, width: 0, height: 0 }],
    raw: object([
      ['id', g.bare ? { bare: g.pk } : g.pk],
      ['taken_at', g.takenAt.value === undefined ? undefined : { json: g.takenAt.value }],
      ['media_type', g.video ? 2 : 1],
      ['video_url', g.video ? g.url : null],
      ['thumbnail_url', g.thumb],
    ]),
  }));

type Wrapping = 'reels' | 'reels_media' | 'both' | 'graphql' | 'graphql_reels_media' | 'items';
const SHAPE_OF: Record<Wrapping, StoriesShape> = {
  reels: 'reels',
  reels_media: 'reels_media',
  both: 'reels',
  graphql: 'graphql',
  graphql_reels_media: 'graphql',
  items: 'items',
};

const knownShapeAnswer = fc
  .record({
    wrapping: fc.constantFrom<Wrapping>('reels', 'reels_media', 'both', 'graphql', 'graphql_reels_media', 'items'),
    form: fc.constantFrom<ListForm>('array', 'keyed'),
    order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7]),
    reelId: fc.constantFrom(`highlight:${HIGHLIGHT}`, HIGHLIGHT, undefined),
    title: fc.option(fc.string(), { nil: undefined }),
    user: fc.option(fc.record({ pk: digits, username: fc.stringMatching(/^[a-z0-9._]{1,30}$/) }), { nil: undefined }),
    success: fc.constantFrom(true, undefined),
  })
  .chain((shape) =>
    fc
      .array(shape.wrapping === 'items' ? flatItem : instagramItem(shape.form, shape.order), { maxLength: 6 })
      .map((stories) => ({ ...shape, stories })),
  )
  .map(({ wrapping, form, order, reelId, title, user, success, stories }) => {
    const items = listOf(stories.map((s) => s.raw), form, order);
    const reel = object([
      ['id', reelId],
      ['title', title],
      ['user', user && object([['pk', { bare: user.pk }], ['username', user.username]])],
      ['items', items],
    ]);
    const list = (one: Raw) => listOf([one], form, order);
    const data: Array<[string, Raw | undefined]> =
      wrapping === 'reels'
        ? [['reels', object([[`highlight:${HIGHLIGHT}`, reel]])]]
        : wrapping === 'reels_media'
          ? [['reels_media', list(reel)]]
          : wrapping === 'both'
            ? [['reels', object([[`highlight:${HIGHLIGHT}`, reel]])], ['reels_media', list(reel)]]
            : wrapping === 'graphql'
              ? [['data', object([['xdt_api__v1__feed__reels_media__connection', object([['edges', list(object([['node', reel]]))]])]])]]
              : wrapping === 'graphql_reels_media'
                ? [['data', object([['xdt_api__v1__feed__reels_media', object([['reels_media', list(reel)]])]])]]
                : [['items', items]];
    const body = object([
      ['success', success],
      ['data', object([['success', success], ...data])],
      ['credits_used', { bare: '1' }],
      ['endpoint', 'instagram/highlight-detail'],
    ]);
    return { shape: SHAPE_OF[wrapping], stories, text: rawText(body) };
  });

describe('story reader properties', () => {
  it('any JSON value, or any JS value at all, gives a well-formed answer and never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), anythingDeep), fc.constantFrom(HIGHLIGHT, `highlight:${HIGHLIGHT}`, '', 'x'), (value, id) => {
        expectWellFormed(read(value, id));
        expectWellFormed(read({ success: true, data: { success: true, items: value } }, id));
        expectWellFormed(read({ data: { reels_media: [{ items: value }] } }, id));
      }),
      { numRuns: RUNS },
    );
  });

  it('any text: parsed exactly, read without a throw, and every id it gives stands digit for digit in the text', () => {
    fc.assert(
      fc.property(fc.oneof(answerishText, fc.string({ maxLength: 80 }), fc.jsonValue().map((v) => JSON.stringify(v))), (text) => {
        for (const wrapped of [text, `{"data":{"items":[${text}]}}`, `{"data":{"reels_media":{"0":{"items":{"0":${text}}}}}}`]) {
          const body = parsed(wrapped);
          if (body === undefined) continue;
          const result = read(body.value);
          expectWellFormed(result);
          expectIdsFromText(result, wrapped);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('every known shape is read whatever optional parts are missing: the stories in order, ids exact, media the largest', () => {
    fc.assert(
      fc.property(knownShapeAnswer, ({ shape, stories, text }) => {
        const body = parsed(text);
        expect(body).toBeDefined();
        const result = read(body!.value);
        expectWellFormed(result);
        expect(result.ok && result.shape).toBe(shape);
        if (!result.ok) return;
        expect(result.value.stories.map((s) => s.id)).toEqual(stories.map((s) => s.id));
        for (const [i, story] of result.value.stories.entries()) {
          const expected = stories[i]!;
          expect(story.mediaType).toBe(expected.mediaType);
          expect(story.takenAt).toBe(expected.takenAt);
          expect(story.videoDuration).toBe(expected.videoDuration);
          if (expected.media === null) {
            expect(story.mediaUrl).toBeNull();
          } else {
            const area = (c: Url) => c.width * c.height;
            const best = Math.max(...expected.media.map(area));
            expect(expected.media.filter((c) => area(c) === best).map((c) => c.url)).toContain(story.mediaUrl);
            expect(story.linksExpireAt).not.toBeNull();
          }
          expectIdsFromText(result, text);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a known shape with one item that is no story is refused whole, never read with that story dropped', () => {
    fc.assert(
      fc.property(knownShapeAnswer, fc.nat(), junk, ({ text }, at, bad) => {
        const body = parsed(text)!.value as { data: Record<string, unknown> };
        const lists: unknown[][] = [];
        const collect = (value: unknown): void => {
          if (typeof value !== 'object' || value === null) return;
          for (const [key, inner] of Object.entries(value)) {
            if (key === 'items' && Array.isArray(inner)) lists.push(inner);
            collect(inner);
          }
        };
        collect(body);
        if (lists.length === 0) return;
        for (const list of lists) list.splice(at % (list.length + 1), 0, bad);
        expect(read(body)).toMatchObject({ ok: false });
      }),
      { numRuns: RUNS },
    );
  });
});
