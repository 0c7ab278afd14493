/**
 * What the fake SociaVault server answers, keyed by lower-case Instagram handle.
 *
 * Profiles are shaped like the vendor's documented example (see
 * shared/spec/sociavault-instagram-highlights.openapi.md). Ids are 17–18 digit
 * strings, all above 2^53, so any code that turns one into a JS number is caught.
 */

export interface HighlightOwner {
  __typename: 'GraphUser';
  id: string;
  username: string;
  profile_pic_url: string;
}

export interface Highlight {
  __typename: 'GraphHighlightReel';
  id: string;
  title: string;
  cover_media: { thumbnail_src: string };
  cover_media_cropped_thumbnail: { url: string };
  owner: HighlightOwner;
}

/** A profile the API knows: answered 200 with its highlights (1 credit). */
export interface ProfileScenario {
  kind: 'profile';
  username: string;
  ownerId: string;
  highlights: Highlight[];
  /** The vendor sends lists as objects keyed "0", "1", …; some answers carry a plain array. */
  listShape: 'object' | 'array';
  delayMs?: number;
}

/** A fixed answer (errors, broken bodies). `status` 200 still costs a credit. */
export interface RawScenario {
  kind: 'raw';
  status: number;
  body: string;
  headers?: Record<string, string>;
  delayMs?: number;
}

/** The connection is dropped without an answer, as a failing network does. */
export interface HangupScenario {
  kind: 'hangup';
  delayMs?: number;
}

export type Scenario = ProfileScenario | RawScenario | HangupScenario;
export type Scenarios = Record<string, Scenario>;

export const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';

// ---------------------------------------------------------------------------
// Building blocks

/** A plausible Instagram CDN URL; the fake Instagram site answers any such path with a PNG. */
export function cdnUrl(host: string, kind: 'cover' | 'cropped' | 'avatar', seed: string): string {
  const folder = kind === 'avatar' ? 't51.2885-19' : 't51.2885-15';
  const stp = kind === 'cover' ? 'c0.248.640.640a_dst-jpg_e15_tt6' : 'dst-jpg_s150x150_tt6';
  return (
    `https://${host}/v/${folder}/${seed}_n.jpg` +
    `?stp=${stp}&_nc_ht=${host}&_nc_cat=103&_nc_ohc=e2eTest${seed.slice(-4)}&ccb=7-5&oe=698ECEBF&_nc_sid=94fea1`
  );
}

/** `start + i` as a decimal string, done in BigInt because these ids do not fit a double. */
export function bigIdPlus(start: string, i: number): string {
  return (BigInt(start) + BigInt(i)).toString();
}

export interface ProfileSpec {
  username: string;
  ownerId: string;
  titles: string[];
  /** First highlight id; the next ones count up from it. */
  firstId: string;
  listShape?: 'object' | 'array';
  delayMs?: number;
}

export function makeProfile(spec: ProfileSpec): ProfileScenario {
  const owner: HighlightOwner = {
    __typename: 'GraphUser',
    id: spec.ownerId,
    username: spec.username,
    profile_pic_url: cdnUrl('scontent-iad3-1.cdninstagram.com', 'avatar', `${spec.ownerId}18551475079017172`),
  };
  const highlights = spec.titles.map((title, i): Highlight => {
    const id = bigIdPlus(spec.firstId, i * 7919);
    // Alternate the two CDNs Instagram uses so both host mappings get exercised.
    const coverHost = i % 2 === 0 ? 'scontent-sea5-1.cdninstagram.com' : 'instagram.fsea1-1.fna.fbcdn.net';
    return {
      __typename: 'GraphHighlightReel',
      id,
      cover_media: { thumbnail_src: cdnUrl(coverHost, 'cover', `558885824${id}`) },
      cover_media_cropped_thumbnail: { url: cdnUrl('scontent-sea1-1.cdninstagram.com', 'cropped', `561153419${id}`) },
      owner,
      title,
    };
  });
  return {
    kind: 'profile',
    username: spec.username,
    ownerId: spec.ownerId,
    highlights,
    listShape: spec.listShape ?? 'object',
    ...(spec.delayMs !== undefined ? { delayMs: spec.delayMs } : {}),
  };
}

export function jsonScenario(status: number, body: unknown, headers: Record<string, string> = {}): RawScenario {
  return { kind: 'raw', status, body: JSON.stringify(body), headers: { 'Content-Type': JSON_TYPE, ...headers } };
}

function htmlScenario(status: number, html: string): RawScenario {
  return { kind: 'raw', status, body: html, headers: { 'Content-Type': HTML_TYPE } };
}

/** The vendor's 200 envelope around whatever `highlights` holds. */
export function highlightsEnvelope(highlights: unknown) {
  return {
    success: true,
    data: { success: true, highlights },
    credits_used: 1,
    endpoint: 'instagram/highlights',
  };
}

/** The exact 200 body the vendor sends for a profile. */
export function highlightsResponseBody(profile: ProfileScenario) {
  return highlightsEnvelope(
    profile.listShape === 'array'
      ? profile.highlights
      : Object.fromEntries(profile.highlights.map((h, i) => [String(i), h])),
  );
}

// ---------------------------------------------------------------------------
// Error bodies, as documented (400/401/402/500) or as any real network gives them.

export const ERROR_BODIES = {
  missingParam: { error: 'Missing required parameter: handle' },
  invalidKey: { error: 'Invalid API key', docs: 'https://docs.sociavault.com/authentication' },
  insufficientCredits: { error: 'Insufficient credits', required: 1, available: 0 },
  userNotFound: { error: 'User not found' },
  notFound: { error: 'Not found' },
} as const;

const gatewayHtml = (code: number, text: string) =>
  `<html>\r\n<head><title>${code} ${text}</title></head>\r\n<body>\r\n<center><h1>${code} ${text}</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n`;

// ---------------------------------------------------------------------------
// The scenarios

const NASA_TITLES = [
  'Artemis', 'Webb 🔭', 'Space Station', 'Mars', 'Hubble', 'Earth',
  'Moon', 'Sun ☀️', 'Launches 🚀', 'Astronauts', 'Q&A', 'Careers',
];

/** A real 1×1 PNG: a data: cover made of it would actually render if it were let through. */
const ONE_PIXEL_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Over 5,000 characters: long unbreakable words with a few spaces, the worst case for a row's layout. */
export const HUGE_TITLE = Array.from({ length: 50 }, (_, i) => `Wide${i}`.padEnd(100, 'W')).join(' ');

/** The one cover of the hostile profile that is a genuine Instagram CDN URL. */
export const HOSTILE_LEGIT_COVER = cdnUrl('scontent-sea5-1.cdninstagram.com', 'cover', '5588858246660000001');

/**
 * Titles that are markup, script or layout attacks, each with a cover URL the popup
 * must refuse (only the last one is allowed). `window.__pwned` is what any of them
 * would set if it ever ran.
 */
export const HOSTILE_HIGHLIGHTS: ReadonlyArray<{ title: string; cover: string }> = [
  { title: '<img src=x onerror="alert(1);window.__pwned=1">', cover: 'javascript:alert(1)' },
  { title: '<script>window.__pwned=1</script>', cover: `data:image/png;base64,${ONE_PIXEL_PNG_BASE64}` },
  { title: '"><svg onload="alert(1);window.__pwned=1">', cover: 'http://scontent.cdninstagram.com/x.jpg' },
  { title: HUGE_TITLE, cover: 'https://evil.example/x.jpg' },
  // Right-to-left override, pop, and zero-width space / non-joiner / joiner / word joiner / BOM.
  { title: '\u202Egnp.exe\u202C Inbox\u200B\u200C\u200D\u2060\uFEFF', cover: 'https://cdninstagram.com.evil.example/x.jpg' },
  {
    title: '&lt;b&gt;entity&lt;/b&gt; & <b>bold?</b> {{constructor.constructor("window.__pwned=1")()}}',
    cover: 'https://user:pw@scontent.cdninstagram.com/x.jpg',
  },
  { title: `javascript:alert(1)//'"\`<iframe src="javascript:window.top.__pwned=1">`, cover: 'https://scontent.cdninstagram.com:8443/x.jpg' },
  { title: 'Legit cover', cover: HOSTILE_LEGIT_COVER },
];

function hostileProfile(): ProfileScenario {
  const profile = makeProfile({
    username: 'hostile',
    ownerId: '6660000001',
    firstId: '17866600000000001',
    titles: HOSTILE_HIGHLIGHTS.map((h) => h.title),
  });
  const highlights = profile.highlights.map((h, i) => {
    const cover = HOSTILE_HIGHLIGHTS[i]!.cover;
    return { ...h, cover_media: { thumbnail_src: cover }, cover_media_cropped_thumbnail: { url: cover } };
  });
  return { ...profile, highlights };
}

/**
 * `count` small generated profiles, `<prefix>0` … `<prefix><count-1>`, two highlights
 * each, for load tests. Not part of DEFAULT_SCENARIOS: spread them into a server's
 * scenarios (`{ ...DEFAULT_SCENARIOS, ...loadProfiles(60) }`).
 */
export function loadProfiles(count: number, prefix = 'load'): Scenarios {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => {
      const username = `${prefix}${i}`;
      const profile = makeProfile({
        username,
        ownerId: String(7_000_000_000 + i),
        firstId: bigIdPlus('17870000000000000', i * 100_000),
        titles: [`${username} one`, `${username} two`],
      });
      return [username, profile];
    }),
  );
}

function manyHighlights(username: string, count: number): ProfileScenario {
  return makeProfile({
    username,
    ownerId: String(8_000_000_000 + count),
    firstId: '17888800000000000',
    titles: Array.from({ length: count }, (_, i) => `Highlight ${i + 1} of ${count}`),
  });
}

/** The key the local SociaVault accepts by default. */
export const DEFAULT_API_KEY = 'sk_test_e2e_key';

/**
 * A profile whose answer carries the caller's key: in a title, in a cover URL
 * and in the owner's name (a server that echoes what it was sent).
 */
function keyEchoProfile(key: string): ProfileScenario {
  const profile = makeProfile({
    username: 'keyecho',
    ownerId: '4040404040',
    firstId: '17840404040404040',
    titles: [`Saved with ${key} inside`, 'Cover carries it', key],
  });
  const highlights = profile.highlights.map((h, i) => ({
    ...h,
    owner: { ...h.owner, username: `keyecho_${key}` },
    ...(i === 1
      ? {
          cover_media: { thumbnail_src: `${h.cover_media.thumbnail_src}&k=${key}` },
          cover_media_cropped_thumbnail: { url: `${h.cover_media_cropped_thumbnail.url}&k=${key}` },
        }
      : {}),
  }));
  return { ...profile, highlights };
}

/** Handles that are also Object.prototype's property names, lower-cased as Instagram handles are. */
export const BUILTIN_NAME_HANDLES = ['constructor', '__proto__', 'hasownproperty', 'tostring', 'valueof'] as const;

function builtinNameProfiles(): Scenarios {
  const scenarios: Scenarios = {};
  BUILTIN_NAME_HANDLES.forEach((username, i) => {
    Object.defineProperty(scenarios, username, {
      value: makeProfile({
        username,
        ownerId: String(5_550_000_000 + i),
        firstId: bigIdPlus('17855500000000000', i * 1000),
        titles: [`${username} one`, `${username} two`],
      }),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  });
  return scenarios;
}

/** Highlight-detail scenarios that are no profile's stories: each failure the list endpoint can give, for highlights of `storyerrors`. */
export const DETAIL_FAILURES = {
  err400: jsonScenario(400, { error: 'Invalid highlight id', endpoint: 'instagram/highlight-detail', credits_required: 1 }),
  err402: jsonScenario(402, ERROR_BODIES.insufficientCredits),
  err403: jsonScenario(403, { error: 'Forbidden', message: 'Insufficient credits. Please purchase more credits to continue.', statusCode: 403 }),
  err404: jsonScenario(404, { error: 'Highlight not found' }),
  err429: jsonScenario(429, { error: 'Too many requests' }, { 'Retry-After': '30' }),
  err500: jsonScenario(500, { error: 'Service configuration error' }),
  err502html: htmlScenario(502, gatewayHtml(502, 'Bad Gateway')),
  err503: jsonScenario(503, { error: 'Service temporarily unavailable' }),
  err504html: htmlScenario(504, gatewayHtml(504, 'Gateway Time-out')),
  hangup: { kind: 'hangup' },
  notjson: { kind: 'raw', status: 200, body: 'OK<br>not json {', headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  successfalse: jsonScenario(200, { success: false, data: { success: false, error: 'Could not fetch highlight' }, credits_used: 1 }),
} satisfies Record<string, DetailScenario>;

/** The profile whose highlights answer highlight-detail with each failure, titled by it (`err404`, `hangup`, …), in this order. */
export const STORY_ERRORS_PROFILE = makeProfile({
  username: 'storyerrors',
  ownerId: '2020202020',
  firstId: '17920202020202020',
  titles: Object.keys(DETAIL_FAILURES),
});

/** 'slow' answers after this long unless the server's setDelay says otherwise. */
export const SLOW_DEFAULT_DELAY_MS = 3000;

export const DEFAULT_SCENARIOS: Scenarios = {
  nasa: makeProfile({ username: 'nasa', ownerId: '528817151', firstId: '17912345678901234', titles: NASA_TITLES }),
  natgeo: makeProfile({
    username: 'natgeo',
    ownerId: '787132',
    firstId: '17858293671045123',
    titles: ['Explorers'],
    listShape: 'array',
  }),
  emptyprofile: makeProfile({ username: 'emptyprofile', ownerId: '41234567890', firstId: '17800000000000000', titles: [] }),
  bigprofile: makeProfile({
    username: 'bigprofile',
    ownerId: '1234567890',
    firstId: '180123456789012345',
    titles: Array.from({ length: 150 }, (_, i) => `Highlight ${i + 1}`),
  }),
  // Far more than any real profile has: for long-list rendering and the bench.
  many1000: manyHighlights('many1000', 1000),
  many5000: manyHighlights('many5000', 5000),
  'unicode.names': makeProfile({
    username: 'unicode.names',
    ownerId: '9876543210',
    firstId: '17987654321098765',
    titles: ['旅行 ✈️', '東京の夜', 'رحلات', 'مرحبا بالعالم', 'Путешествия', 'Москва 🌆', '👨‍👩‍👧‍👦🎉', 'Ünïcødé ✓'],
  }),
  slow: makeProfile({
    username: 'slow',
    ownerId: '3141592653',
    firstId: '17931415926535897',
    titles: ['Patience', 'Later'],
    delayMs: SLOW_DEFAULT_DELAY_MS,
  }),
  hostile: hostileProfile(),
  keyecho: keyEchoProfile(DEFAULT_API_KEY),
  // Real handles that are also names of JavaScript's own object properties (computed
  // keys, so that '__proto__' is an ordinary key here and not the prototype).
  ...builtinNameProfiles(),
  // Its highlights answer highlight-detail with each failure (DETAIL_FAILURES).
  storyerrors: STORY_ERRORS_PROFILE,

  err400: jsonScenario(400, {
    error: 'Invalid parameter: handle',
    endpoint: 'instagram/highlights',
    credits_required: 1,
  }),
  err402: jsonScenario(402, ERROR_BODIES.insufficientCredits),
  err403: jsonScenario(403, {
    error: 'Forbidden',
    message: 'Insufficient credits. Please purchase more credits to continue.',
    statusCode: 403,
  }),
  err404: jsonScenario(404, ERROR_BODIES.userNotFound),
  err429: jsonScenario(429, { error: 'Too many requests' }, { 'Retry-After': '30' }),
  err500: jsonScenario(500, { error: 'Service configuration error' }),
  err502html: htmlScenario(502, gatewayHtml(502, 'Bad Gateway')),
  err503: jsonScenario(503, { error: 'Service temporarily unavailable' }),
  err504html: htmlScenario(504, gatewayHtml(504, 'Gateway Time-out')),
  hangup: { kind: 'hangup' },
  notjson: { kind: 'raw', status: 200, body: 'OK<br>not json {', headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  badshape: jsonScenario(200, highlightsEnvelope('not-a-list')),
};

/** The profile scenarios only, e.g. to link them from the fake Instagram site. */
export function profileScenarios(scenarios: Scenarios = DEFAULT_SCENARIOS): ProfileScenario[] {
  return Object.values(scenarios).filter((s): s is ProfileScenario => s.kind === 'profile');
}

/** Instagram handles are case-insensitive; the API accepts an optional leading '@'. */
export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}

/** A profile of the default scenarios; throws for a handle that is none (a typo in a test). */
export function profileOf(handle: string): ProfileScenario {
  const scenario = DEFAULT_SCENARIOS[handle];
  if (scenario?.kind !== 'profile') throw new Error(`The stand-in SociaVault has no profile “${handle}”.`);
  return scenario;
}

/** The highlight IDs the stand-in API sends for a profile, in order. */
export function idsOf(handle: string): string[] {
  return profileOf(handle).highlights.map((h) => h.id);
}

// ---------------------------------------------------------------------------
// highlight-detail: the stories behind each highlight
//
// The answer's shape is documented nowhere (shared/spec/NOTES.md), so the
// stand-in answers in the shapes Instagram's own APIs give a reel's items
// in, inside the vendor's envelope, some highlights in one and some in
// another, and one highlight in a shape no reader knows.

/** The shapes the stand-in answers highlight-detail in; 'unknown' is one the extension's reader cannot know. */
export type DetailShape = 'reels' | 'reels_media' | 'graphql' | 'items' | 'unknown';

/** One story of a highlight, as the stand-in builds its answer from it. */
export interface StorySpec {
  /** The media id (Instagram's `pk`): 20 digits, past 2^53. */
  pk: string;
  /** Unix seconds. */
  takenAt: number;
  mediaType: 'photo' | 'video';
  /** Seconds, for a video. */
  videoDuration: number | null;
}

/** A highlight the stand-in knows the stories of: answered 200 (1 credit) in `shape`. */
export interface StoriesScenario {
  kind: 'stories';
  highlightId: string;
  title: string;
  ownerId: string;
  username: string;
  shape: DetailShape;
  /** Lists as objects keyed "0", "1", … (the vendor's way) or as arrays. */
  listShape: 'object' | 'array';
  stories: StorySpec[];
  /** How long after the answer its signed links expire (`oe=`); negative: already expired. */
  linksExpireInSeconds: number;
  delayMs?: number;
}

/** What highlight-detail answers for an id (its digits): stories, or a fixed answer, or a dropped connection. */
export type DetailScenario = StoriesScenario | RawScenario | HangupScenario;
export type DetailScenarios = Record<string, DetailScenario>;

/** Signed links last a few days, as Instagram's do. */
export const LINK_LIFETIME_SECONDS = 3 * 86_400;
/** 2026-01-01T00:00:00Z: the first story's posting time; later ones count up from it. */
const FIRST_TAKEN_AT = 1_767_225_600;
/** Photo sizes, largest first as Instagram lists them. */
const PHOTO_SIZES: ReadonlyArray<[number, number]> = [[1080, 1920], [750, 1333], [320, 569], [150, 267], [96, 171]];
/** Video sizes in an order where the largest is not first, so a reader that takes the first is caught. */
const VIDEO_SIZES: ReadonlyArray<[number, number, number]> = [[102, 480, 854], [101, 720, 1280], [103, 360, 640]];

/** Which shape each highlight of a profile is answered in, by its place in the list. */
const SHAPE_CYCLE: readonly DetailShape[] = ['reels', 'reels_media', 'graphql', 'items'];

/** A signed-looking CDN link to a story's media: `oe=` is its expiry (hex Unix seconds), as Instagram signs them. */
export function storyMediaUrl(kind: 'photo' | 'video', pk: string, width: number, height: number, expirySeconds: number): string {
  const host = Number(pk.slice(-1)) % 2 === 0 ? 'scontent-iad3-1.cdninstagram.com' : 'instagram.fiad3-1.fna.fbcdn.net';
  const [folder, ext, stp] = kind === 'photo' ? ['t51.2885-15', 'jpg', `dst-jpg_e35_p${width}x${height}`] : ['o1/v/t2/f2/m78', 'mp4', `vencode_${width}x${height}`];
  const oe = expirySeconds.toString(16).toUpperCase();
  return `https://${host}/v/${folder}/${pk}_${width}x${height}_n.${ext}?stp=${stp}&_nc_ht=${host}&_nc_cat=1&_nc_ohc=st${pk.slice(-4)}&ccb=7-5&oh=00_Af${pk.slice(-6)}&oe=${oe}&_nc_sid=1e20d5`;
}

/** `count` stories for the highlight `highlightId`: every third a video, a story an hour after the one before. */
export function makeStorySpecs(highlightId: string, count: number, day = 0): StorySpec[] {
  return Array.from({ length: count }, (_, j) => {
    const video = j % 3 === 2;
    return {
      pk: `3${highlightId.slice(-16).padStart(16, '0')}${String(j).padStart(3, '0')}`,
      takenAt: FIRST_TAKEN_AT + day * 86_400 + j * 3600,
      mediaType: video ? 'video' : 'photo',
      videoDuration: video ? 5 + (j % 10) + 0.25 : null,
    };
  });
}

/** A highlight's stories in Instagram's own item form (`pk`, `id`, `image_versions2`, `video_versions`, …). */
function instagramItem(story: StorySpec, ownerId: string, username: string, expiry: number, list: <T>(items: T[]) => unknown) {
  const images = PHOTO_SIZES.map(([width, height]) => ({ url: storyMediaUrl('photo', story.pk, width, height, expiry), width, height }));
  return {
    pk: story.pk,
    id: `${story.pk}_${ownerId}`,
    taken_at: story.takenAt,
    media_type: story.mediaType === 'video' ? 2 : 1,
    product_type: 'story',
    image_versions2: { candidates: list(images) },
    ...(story.mediaType === 'video'
      ? {
          video_versions: list(
            VIDEO_SIZES.map(([type, width, height]) => ({ type, url: storyMediaUrl('video', story.pk, width, height, expiry), width, height })),
          ),
          video_duration: story.videoDuration,
          has_audio: true,
        }
      : {}),
    user: { pk: ownerId, username },
  };
}

/** The same story flattened, as resellers do: `{id, taken_at, media_type, video_url, thumbnail_url}`. */
function flatItem(story: StorySpec, expiry: number) {
  const [width, height] = PHOTO_SIZES[3]!;
  const [, videoWidth, videoHeight] = VIDEO_SIZES[1]!;
  return {
    id: story.pk,
    taken_at: story.takenAt,
    media_type: story.mediaType === 'video' ? 2 : 1,
    video_url: story.mediaType === 'video' ? storyMediaUrl('video', story.pk, videoWidth, videoHeight, expiry) : null,
    thumbnail_url: storyMediaUrl('photo', story.pk, width, height, expiry),
  };
}

/** The vendor's 200 envelope around what highlight-detail's `data` holds. */
export function detailEnvelope(data: Record<string, unknown>) {
  return { success: true, data: { success: true, ...data }, credits_used: 1, endpoint: 'instagram/highlight-detail' };
}

/** The exact 200 body the stand-in sends for a highlight's stories, answered at `answeredAt` (epoch ms). */
export function highlightDetailBody(scenario: StoriesScenario, answeredAt: number) {
  const expiry = Math.floor(answeredAt / 1000) + scenario.linksExpireInSeconds;
  const list = <T>(items: T[]): unknown =>
    scenario.listShape === 'array' ? items : Object.fromEntries(items.map((item, i) => [String(i), item]));
  const items = scenario.stories.map((story) => instagramItem(story, scenario.ownerId, scenario.username, expiry, list));
  const reel = {
    id: `highlight:${scenario.highlightId}`,
    reel_type: 'highlight_reel',
    title: scenario.title,
    media_count: scenario.stories.length,
    user: { pk: scenario.ownerId, username: scenario.username },
    items: list(items),
  };
  switch (scenario.shape) {
    case 'reels':
      return detailEnvelope({ reels: { [reel.id]: reel }, reels_media: list([reel]), status: 'ok' });
    case 'reels_media':
      return detailEnvelope({ reels_media: list([reel]), status: 'ok' });
    case 'graphql':
      return detailEnvelope({ data: { xdt_api__v1__feed__reels_media__connection: { edges: list([{ node: reel, cursor: '' }]) } } });
    case 'items':
      return detailEnvelope({ items: list(scenario.stories.map((story) => flatItem(story, expiry))) });
    case 'unknown':
      // Stories under names no Instagram API uses: the reader must say it cannot read them.
      return detailEnvelope({
        highlight: {
          highlight_id: scenario.highlightId,
          name: scenario.title,
          stories: list(scenario.stories.map((story) => ({ media_pk: story.pk, kind: story.mediaType, posted: story.takenAt }))),
        },
      });
  }
}


/** The highlight with 100 stories (bigprofile's first): the stories view's long case, and the bench's. */
export const HUNDRED_STORIES_HIGHLIGHT = idsOf('bigprofile')[0]!;
/** The highlight answered in a shape no reader knows (nasa's last, "Careers"). */
export const UNKNOWN_SHAPE_HIGHLIGHT = idsOf('nasa')[11]!;
/** The highlight whose links have already expired when it is answered (natgeo's only one). */
export const EXPIRED_LINKS_HIGHLIGHT = idsOf('natgeo')[0]!;
/** 'slow' answers its stories after this long too. */
const SLOW_STORIES = new Set(idsOf('slow'));

/**
 * The stories of the highlight at `index` of a profile: 1 to 5 of them (100
 * for HUNDRED_STORIES_HIGHLIGHT), in the shapes of SHAPE_CYCLE in turn, lists
 * keyed or arrays in turn.
 */
export function storiesScenario(profile: ProfileScenario, index: number): StoriesScenario {
  const highlight = profile.highlights[index]!;
  const id = highlight.id;
  return {
    kind: 'stories',
    highlightId: id,
    title: highlight.title,
    ownerId: profile.ownerId,
    username: profile.username,
    shape: id === UNKNOWN_SHAPE_HIGHLIGHT ? 'unknown' : SHAPE_CYCLE[index % SHAPE_CYCLE.length]!,
    listShape: Math.floor(index / SHAPE_CYCLE.length) % 2 === 0 ? 'object' : 'array',
    stories: makeStorySpecs(id, id === HUNDRED_STORIES_HIGHLIGHT ? 100 : 1 + ((index * 3) % 5), index),
    linksExpireInSeconds: id === EXPIRED_LINKS_HIGHLIGHT ? -3600 : LINK_LIFETIME_SECONDS,
    ...(SLOW_STORIES.has(id) ? { delayMs: SLOW_DEFAULT_DELAY_MS } : {}),
  };
}

/** The fixed highlight-detail answers: each failure, for the highlight of `storyerrors` titled by it. */
export const DEFAULT_DETAILS: DetailScenarios = Object.fromEntries(
  STORY_ERRORS_PROFILE.highlights.map((h) => [h.id, DETAIL_FAILURES[h.title as keyof typeof DETAIL_FAILURES]]),
);

/**
 * What highlight-detail answers for `id` (digits): a fixed answer of
 * `details` first, else the stories of the profile highlight with that id,
 * else undefined (404).
 */
export function detailScenarioFor(id: string, scenarios: Scenarios = DEFAULT_SCENARIOS, details: DetailScenarios = DEFAULT_DETAILS): DetailScenario | undefined {
  if (Object.hasOwn(details, id)) return details[id];
  for (const profile of profileScenarios(scenarios)) {
    const index = profile.highlights.findIndex((h) => h.id === id);
    if (index >= 0) return storiesScenario(profile, index);
  }
  return undefined;
}

/** The digits of a highlight id as highlight-detail takes it (`highlight:<digits>` or bare digits); null for an invalid id. */
export function detailIdDigits(id: string): string | null {
  return /^(?:highlight:)?([0-9]{1,30})$/.exec(id.trim())?.[1] ?? null;
}
