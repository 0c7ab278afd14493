/**
 * The stand-in SociaVault (test/support/sociavault-server.ts) speaks the
 * documented protocol, over TLS, as the end-to-end tests need it to: if
 * these fail, no e2e result about the API means anything. No browser: a Node
 * client that trusts only the test certificate.
 */
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestOver } from '@/test/support/net';
import { parseJsonExact } from '@/entrypoints/background/lookup/exact-json';
import { readStories } from '@/entrypoints/background/stories/stories-response';
import {
  DEFAULT_SCENARIOS,
  DETAIL_FAILURES,
  EXPIRED_LINKS_HIGHLIGHT,
  HUNDRED_STORIES_HIGHLIGHT,
  LINK_LIFETIME_SECONDS,
  SLOW_DEFAULT_DELAY_MS,
  STORY_ERRORS_PROFILE,
  UNKNOWN_SHAPE_HIGHLIGHT,
  detailScenarioFor,
  highlightDetailBody,
  highlightsResponseBody,
  idsOf,
  profileOf as profile,
  type StoriesScenario,
} from '@/test/support/scenarios';
import { API_PATHS, DEFAULT_API_KEY, DETAIL_ERROR_BODIES, startSociaVault, type SociaVaultServer } from '@/test/support/sociavault-server';
import { createTestCertificate } from '@/test/support/tls';

const tls = createTestCertificate();

describe('fake SociaVault server', () => {
  let api: SociaVaultServer;
  const apiGet = (path: string, key: string | null = DEFAULT_API_KEY) =>
    requestOver(api.port, path, { ca: tls.cert, headers: key === null ? {} : { 'X-API-Key': key } });
  const highlights = (query: string, key?: string | null) => apiGet(`${API_PATHS.highlights}?${query}`, key);

  beforeAll(async () => {
    api = await startSociaVault({ tls });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers a profile over TLS with the documented envelope, object-keyed like the vendor', async () => {
    const res = await highlights('handle=nasa');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(res.text);
    expect(body).toEqual(highlightsResponseBody(profile('nasa')));
    expect(Object.keys(body.data.highlights)).toEqual(Array.from({ length: 12 }, (_, i) => String(i)));
    const first = body.data.highlights['0'];
    expect(first).toMatchObject({
      __typename: 'GraphHighlightReel',
      id: '17912345678901234',
      owner: { __typename: 'GraphUser', id: '528817151', username: 'nasa' },
    });
    expect(first.cover_media.thumbnail_src).toMatch(/^https:\/\/scontent-[\w-]+\.cdninstagram\.com\/.+\.jpg\?/);
    expect(first.cover_media_cropped_thumbnail.url).toMatch(/^https:\/\/[\w.-]+\.cdninstagram\.com\//);
    // Every id must be beyond 2^53, so rounding through Number would show.
    for (const h of Object.values(body.data.highlights) as Array<{ id: string }>) {
      expect(h.id).toMatch(/^\d{17,18}$/);
      expect(BigInt(h.id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    }
  });

  it('serves the other shapes: array list, empty object, 150 items, non-Latin titles', async () => {
    const natgeo = JSON.parse((await highlights('handle=natgeo')).text);
    expect(Array.isArray(natgeo.data.highlights)).toBe(true);
    expect(natgeo.data.highlights).toHaveLength(1);

    expect(JSON.parse((await highlights('handle=emptyprofile')).text).data.highlights).toEqual({});
    expect(Object.keys(JSON.parse((await highlights('handle=bigprofile')).text).data.highlights)).toHaveLength(150);

    const titles = Object.values(JSON.parse((await highlights('handle=unicode.names')).text).data.highlights).map(
      (h) => (h as { title: string }).title,
    );
    expect(titles).toEqual(expect.arrayContaining(['東京の夜', 'رحلات', 'Путешествия']));
  });

  it('matches handles case-insensitively, with or without @', async () => {
    for (const handle of ['NASA', '%40nasa']) {
      const body = JSON.parse((await highlights(`handle=${handle}`)).text);
      expect(body.data.highlights['0'].owner.username).toBe('nasa');
    }
  });

  it('looks profiles up by user_id through the owner ids', async () => {
    const res = await highlights('user_id=528817151');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual(highlightsResponseBody(profile('nasa')));
    expect((await highlights('user_id=1')).status).toBe(404);
  });

  it('answers 400 without a parameter and 404 for an unknown handle', async () => {
    const missing = await highlights('');
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.text)).toEqual({ error: 'Missing required parameter: handle' });
    const unknown = await highlights('handle=no_such_user_here');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text)).toEqual({ error: 'User not found' });
  });

  it('answers 401 for a missing or wrong key, without charging', async () => {
    const before = api.credits;
    for (const key of [null, 'sk_live_wrong']) {
      const res = await highlights('handle=nasa', key);
      expect(res.status).toBe(401);
      expect(JSON.parse(res.text)).toEqual({
        error: 'Invalid API key',
        docs: 'https://docs.sociavault.com/authentication',
      });
    }
    expect(api.credits).toBe(before);
  });

  it.each([
    ['err400', 400, /json/],
    ['err402', 402, /json/],
    ['err403', 403, /json/],
    ['err404', 404, /json/],
    ['err429', 429, /json/],
    ['err500', 500, /json/],
    ['err502html', 502, /html/],
    ['err503', 503, /json/],
    ['err504html', 504, /html/],
    ['notjson', 200, /text\/plain/],
    ['badshape', 200, /json/],
  ])('scenario %s answers %i', async (handle, status, type) => {
    const res = await highlights(`handle=${handle}`);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(type);
    if (handle === 'err429') expect(res.headers['retry-after']).toBe('30');
    if (handle === 'err402') expect(JSON.parse(res.text)).toEqual({ error: 'Insufficient credits', required: 1, available: 0 });
    if (handle === 'err403') expect(JSON.parse(res.text)).toMatchObject({ statusCode: 403 });
    if (handle === 'notjson') expect(() => JSON.parse(res.text)).toThrow();
  });

  it('takes one credit per 200, none for errors, and answers 402 at zero', async () => {
    api.reset();
    api.setCredits(2);
    expect((await highlights('handle=nasa')).status).toBe(200);
    expect(api.credits).toBe(1);
    expect((await highlights('handle=err500')).status).toBe(500);
    expect(api.credits).toBe(1);
    expect((await highlights('handle=natgeo')).status).toBe(200);
    expect(api.credits).toBe(0);
    const broke = await highlights('handle=nasa');
    expect(broke.status).toBe(402);
    expect(JSON.parse(broke.text)).toEqual({ error: 'Insufficient credits', required: 1, available: 0 });
    const balance = await apiGet(API_PATHS.credits);
    expect(JSON.parse(balance.text)).toEqual({ credits: 0, subscriptionStatus: 'active', subscriptionId: 'sub_test' });
    api.reset();
    expect(api.credits).toBe(1000);
  });

  it('records every request it receives, preflight included', async () => {
    api.reset();
    await highlights('handle=nasa');
    await highlights('user_id=787132', 'sk_live_wrong');
    const preflight = await requestOver(api.port, API_PATHS.credits, {
      ca: tls.cert,
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Headers': 'x-api-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-headers']).toMatch(/X-API-Key/i);

    expect(api.requests).toMatchObject([
      { method: 'GET', path: API_PATHS.highlights, query: { handle: 'nasa' }, apiKey: DEFAULT_API_KEY, status: 200 },
      { method: 'GET', query: { user_id: '787132' }, apiKey: 'sk_live_wrong', status: 401 },
      { method: 'OPTIONS', path: API_PATHS.credits, apiKey: null, status: 204 },
    ]);
    expect(api.requests.every((r) => typeof r.at === 'number' && !r.aborted)).toBe(true);
  });

  it('delays the slow profile (3 s by default, adjustable per handle)', async () => {
    expect(DEFAULT_SCENARIOS.slow?.delayMs).toBe(SLOW_DEFAULT_DELAY_MS);
    api.reset();
    api.setDelay('slow', 300);
    const started = Date.now();
    const pending = highlights('handle=slow');
    await expect.poll(() => api.requests.length).toBe(1);
    expect(api.requests[0]?.status).toBe(0); // still in flight
    const res = await pending;
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(Object.keys(JSON.parse(res.text).data.highlights)).toHaveLength(2);
    api.reset();
  });

  it('notices a client that gives up, and charges nothing for it', async () => {
    api.reset();
    api.setDelay('nasa', 400);
    await new Promise<void>((resolve) => {
      const req = request({
        host: '127.0.0.1',
        port: api.port,
        path: `${API_PATHS.highlights}?handle=nasa`,
        servername: 'api.sociavault.com',
        ca: tls.cert,
        headers: { 'X-API-Key': DEFAULT_API_KEY },
      });
      req.on('error', () => resolve());
      req.end();
      setTimeout(() => req.destroy(), 100);
    });
    await expect.poll(() => api.requests[0]?.aborted).toBe(true);
    // The delayed answer is attempted (its status recorded) into the closed connection.
    await expect.poll(() => api.requests[0]?.status).toBe(200);
    expect(api.credits).toBe(1000);
    api.reset();
  });
  it('answers a burst of 429s when told, with its Retry-After, charging nothing for them', async () => {
    api.reset();
    api.tooManyRequests({ after: 1, count: 2, retryAfter: 7 });
    const answers = [];
    for (const handle of ['nasa', 'natgeo', 'nasa', 'natgeo']) answers.push(await highlights(`handle=${handle}`));
    expect(answers.map((res) => res.status)).toEqual([200, 429, 429, 200]);
    expect(answers[1]!.headers['retry-after']).toBe('7');
    expect(api.credits).toBe(998);
    api.tooManyRequests({ after: 0, count: 1, retryAfter: null });
    expect((await highlights('handle=nasa')).headers['retry-after']).toBeUndefined();
    api.reset();
  });

  it('counts the highlights requests open when each one arrives', async () => {
    api.reset();
    api.setDelay('slow', 200);
    await Promise.all([highlights('handle=slow'), highlights('handle=slow'), highlights('handle=slow')]);
    expect(api.requests.map((r) => r.open).sort()).toEqual([1, 2, 3]);
    expect((await highlights('handle=nasa')).status).toBe(200);
    expect(api.requests.at(-1)!.open).toBe(1);
    api.reset();
  });
});

describe('the stand-in configured anew (a browser kept across test files reaches one stand-in)', () => {
  let api: SociaVaultServer;
  const highlights = (query: string, key = DEFAULT_API_KEY) =>
    requestOver(api.port, `${API_PATHS.highlights}?${query}`, { ca: tls.cert, headers: { 'X-API-Key': key } });

  beforeAll(async () => {
    api = await startSociaVault({ tls });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('takes other keys, profiles and balance, forgets what it was asked, and reset keeps the new balance', async () => {
    await highlights('handle=nasa');
    const other = { ...profile('natgeo'), username: 'someone' };
    api.configure({ validKeys: ['sk_live_other'], credits: 7, scenarios: { someone: other } });
    expect(api.requests).toEqual([]);
    expect(api.credits).toBe(7);

    expect((await highlights('handle=someone')).status).toBe(401);
    const found = await highlights('handle=someone', 'sk_live_other');
    expect(found.status).toBe(200);
    expect(JSON.parse(found.text)).toEqual(highlightsResponseBody(other));
    expect((await highlights(`user_id=${other.ownerId}`, 'sk_live_other')).status).toBe(200);
    expect((await highlights('handle=nasa', 'sk_live_other')).status).toBe(404);
    expect(api.credits).toBe(5);
    api.reset();
    expect(api.credits).toBe(7);

    // Each part left out takes its default.
    api.configure({});
    expect(api.credits).toBe(1000);
    expect((await highlights('handle=nasa')).status).toBe(200);
    expect((await highlights('handle=someone')).status).toBe(404);
  });
});

describe('the stand-in’s highlight-detail', () => {
  let api: SociaVaultServer;
  const detail = (id: string, key: string | null = DEFAULT_API_KEY) =>
    requestOver(api.port, `${API_PATHS.highlightDetail}?id=${encodeURIComponent(id)}`, {
      ca: tls.cert,
      headers: key === null ? {} : { 'X-API-Key': key },
    });
  const storiesOf = (id: string) => detailScenarioFor(id) as StoriesScenario;
  const nasa = idsOf('nasa');

  beforeAll(async () => {
    api = await startSociaVault({ tls });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers a highlight’s stories in the vendor’s envelope, charging one credit, for the bare id and highlight:<id>', async () => {
    api.reset();
    for (const id of [nasa[0]!, `highlight:${nasa[0]}`]) {
      const before = Date.now();
      const res = await detail(id);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const body = JSON.parse(res.text);
      expect(body).toMatchObject({ success: true, data: { success: true }, credits_used: 1, endpoint: 'instagram/highlight-detail' });
      // The links expire LINK_LIFETIME_SECONDS after the answer, so the body is the builder's for a moment in between.
      const at = [before, Date.now()].map((ms) => JSON.stringify(highlightDetailBody(storiesOf(nasa[0]!), ms)));
      expect(at).toContain(res.text);
    }
    expect(api.credits).toBe(998);
    expect(api.requests.map((r) => [r.path, r.query.id, r.status])).toEqual([
      [API_PATHS.highlightDetail, nasa[0], 200],
      [API_PATHS.highlightDetail, `highlight:${nasa[0]}`, 200],
    ]);
  });

  it('answers the demo profiles’ highlights in each listed shape, lists keyed or arrays, and one in a shape no reader knows', () => {
    const shapes = nasa.map((id) => `${storiesOf(id).shape}/${storiesOf(id).listShape}`);
    expect(shapes).toEqual([
      'reels/object', 'reels_media/object', 'graphql/object', 'items/object',
      'reels/array', 'reels_media/array', 'graphql/array', 'items/array',
      'reels/object', 'reels_media/object', 'graphql/object', 'unknown/object',
    ]);
    expect(UNKNOWN_SHAPE_HIGHLIGHT).toBe(nasa[11]);
    expect(storiesOf(idsOf('natgeo')[0]!).shape).toBe('reels');
    expect(storiesOf(idsOf('unicode.names')[2]!).shape).toBe('graphql');
  });

  it('stories: ids past 2^53, photos and videos, signed links on Instagram’s CDNs that expire', async () => {
    // nasa's fifth highlight: three stories (1 + (4 × 3) % 5), the third a video.
    const res = await detail(nasa[4]!);
    expect(storiesOf(nasa[4]!).stories.map((story) => story.mediaType)).toEqual(['photo', 'photo', 'video']);
    expect(res.text).toMatch(/\.mp4\?/);
    expect(res.text).toMatch(/\.jpg\?/);
    // Ids go out as JSON strings, as the list endpoint sends them.
    expect(res.text).toContain(`"pk":"${storiesOf(nasa[4]!).stories[0]!.pk}"`);

    const all = nasa.slice(0, 11).flatMap((id) => storiesOf(id).stories);
    expect(new Set(all.map((s) => s.mediaType))).toEqual(new Set(['photo', 'video']));
    for (const story of all) {
      expect(story.pk).toMatch(/^\d{20}$/);
      expect(BigInt(story.pk) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    }
    expect(new Set(all.map((s) => s.pk)).size).toBe(all.length);

    const urls = res.text.match(/https:[^"]+/g) ?? [];
    expect(urls.length).toBeGreaterThan(0);
    const hosts = new Set<string>();
    for (const url of urls) {
      const parsed = new URL(url);
      hosts.add(/\.(cdninstagram\.com|fbcdn\.net)$/.exec(parsed.hostname)?.[1] ?? parsed.hostname);
      const oe = Number.parseInt(parsed.searchParams.get('oe') ?? '', 16) * 1000;
      expect(oe).toBeGreaterThan(Date.now() + (LINK_LIFETIME_SECONDS - 60) * 1000);
    }
    expect([...hosts].sort()).toEqual(['cdninstagram.com', 'fbcdn.net']);
  });

  it('one highlight with 100 stories, and one whose links have already expired', async () => {
    expect(storiesOf(HUNDRED_STORIES_HIGHLIGHT).stories).toHaveLength(100);
    const res = await detail(EXPIRED_LINKS_HIGHLIGHT);
    const oe = /[?&]oe=([0-9A-F]+)/.exec(res.text)?.[1];
    expect(Number.parseInt(oe!, 16) * 1000).toBeLessThan(Date.now());
  });

  it('what it answers, the extension’s reader reads: every known shape; the unknown one it says it cannot', async () => {
    for (const [i, id] of nasa.entries()) {
      const result = readStories(parseJsonExact((await detail(id)).text), { highlightId: id, apiKey: DEFAULT_API_KEY });
      expect(result.ok).toBe(i !== 11);
      if (result.ok) expect(result.value.stories.map((s) => s.id)).toEqual(storiesOf(id).stories.map((s) => s.pk));
    }
  });

  it('400 for no id or an id that is none, 404 for a highlight it does not know, 401 for a wrong key; none charged', async () => {
    api.reset();
    const cases: Array<[string, string | null, number, unknown]> = [
      ['', DEFAULT_API_KEY, 400, DETAIL_ERROR_BODIES.missingId],
      ['abc', DEFAULT_API_KEY, 400, DETAIL_ERROR_BODIES.invalidId],
      ['highlight:', DEFAULT_API_KEY, 400, DETAIL_ERROR_BODIES.invalidId],
      ['story:123', DEFAULT_API_KEY, 400, DETAIL_ERROR_BODIES.invalidId],
      ['17999999999999999', DEFAULT_API_KEY, 404, { error: 'Highlight not found' }],
      [nasa[0]!, null, 401, { error: 'Invalid API key', docs: 'https://docs.sociavault.com/authentication' }],
      [nasa[0]!, 'sk_live_wrong', 401, { error: 'Invalid API key', docs: 'https://docs.sociavault.com/authentication' }],
    ];
    for (const [id, key, status, body] of cases) {
      const res = await detail(id, key);
      expect([id, res.status]).toEqual([id, status]);
      expect(JSON.parse(res.text)).toEqual(body);
    }
    expect(api.credits).toBe(1000);
  });

  it('the highlights of storyerrors answer each failure the list endpoint can give; only a 200 is charged', async () => {
    api.reset();
    const byTitle = new Map(STORY_ERRORS_PROFILE.highlights.map((h) => [h.title, h.id]));
    expect([...byTitle.keys()]).toEqual(Object.keys(DETAIL_FAILURES));
    const expected: Record<string, [number, RegExp]> = {
      err400: [400, /json/],
      err402: [402, /json/],
      err403: [403, /json/],
      err404: [404, /json/],
      err429: [429, /json/],
      err500: [500, /json/],
      err502html: [502, /html/],
      err503: [503, /json/],
      err504html: [504, /html/],
      notjson: [200, /text\/plain/],
      successfalse: [200, /json/],
    };
    for (const [title, [status, type]] of Object.entries(expected)) {
      const res = await detail(byTitle.get(title)!);
      expect([title, res.status]).toEqual([title, status]);
      expect(res.headers['content-type']).toMatch(type);
      if (title === 'err429') expect(res.headers['retry-after']).toBe('30');
      if (title === 'err400') expect(JSON.parse(res.text)).toMatchObject({ error: 'Invalid highlight id' });
      if (title === 'err404') expect(JSON.parse(res.text)).toEqual({ error: 'Highlight not found' });
      if (title === 'notjson') expect(() => JSON.parse(res.text)).toThrow();
    }
    await expect(detail(byTitle.get('hangup')!)).rejects.toThrow();
    expect(api.credits).toBe(998);
    expect(DEFAULT_SCENARIOS.storyerrors).toBe(STORY_ERRORS_PROFILE);
  });

  it('answers 402 with no credits left, without reading the highlight', async () => {
    api.reset();
    api.setCredits(1);
    expect((await detail(nasa[0]!)).status).toBe(200);
    const broke = await detail(nasa[0]!);
    expect(broke.status).toBe(402);
    expect(JSON.parse(broke.text)).toEqual({ error: 'Insufficient credits', required: 1, available: 0 });
    api.reset();
  });

  it('delays a highlight’s answer when told (the slow profile’s by default), and reset forgets it', async () => {
    expect(storiesOf(idsOf('slow')[0]!).delayMs).toBe(SLOW_DEFAULT_DELAY_MS);
    api.reset();
    api.setDetailDelay(nasa[0]!, 300);
    const pending = detail(nasa[0]!);
    await expect.poll(() => api.requests.length).toBe(1);
    expect(api.requests[0]?.status).toBe(0); // still in flight
    expect((await pending).status).toBe(200);
    api.reset();
    const started = Date.now();
    await detail(nasa[0]!);
    expect(Date.now() - started).toBeLessThan(300);
  });

  it('configure: other fixed answers by id, and stories for the configured profiles’ highlights', async () => {
    const other = { ...profile('natgeo'), username: 'someone' };
    api.configure({ scenarios: { someone: other }, details: { '123': DETAIL_FAILURES.err503 } });
    expect((await detail('123')).status).toBe(503);
    expect((await detail(other.highlights[0]!.id)).status).toBe(200);
    expect((await detail(nasa[0]!)).status).toBe(404);
    api.configure({});
    expect((await detail(nasa[0]!)).status).toBe(200);
  });
});
