import { describe, expect, it } from 'vitest';
import { parseJsonExact } from '@/entrypoints/background/lookup/exact-json';
import { REDACTED_KEY } from '@/entrypoints/background/lookup/redaction';
import { readStories, type StoriesShape } from '@/entrypoints/background/stories/stories-response';
import type { Story } from '@/utils/stories/story';
import {
  UNKNOWN_SHAPE_HIGHLIGHT,
  detailEnvelope,
  detailScenarioFor,
  highlightDetailBody,
  profileOf,
  storyMediaUrl,
  type StoriesScenario,
} from '@/test/support/scenarios';

const KEY = 'sk_live_Secret123';
/** 2026-12-07T09:00:00Z: when the stand-in "answered". */
const AT = Date.UTC(2026, 11, 7, 9);

/** The stories a reader must find in the stand-in's answer, built from what the stand-in was told, not from the answer. */
function expectedStories(scenario: StoriesScenario): Story[] {
  const expiry = Math.floor(AT / 1000) + scenario.linksExpireInSeconds;
  return scenario.stories.map((s) => {
    const small = storyMediaUrl('photo', s.pk, 150, 267, expiry);
    const media =
      s.mediaType === 'video'
        ? storyMediaUrl('video', s.pk, 720, 1280, expiry)
        : scenario.shape === 'items'
          ? small
          : storyMediaUrl('photo', s.pk, 1080, 1920, expiry);
    return {
      id: s.pk,
      mediaType: s.mediaType,
      takenAt: s.takenAt * 1000,
      mediaUrl: media,
      thumbnailUrl: small,
      // Resellers' flat items carry no duration.
      videoDuration: scenario.shape === 'items' ? null : s.videoDuration,
      linksExpireAt: expiry * 1000,
    };
  });
}

function storiesOf(highlightId: string): StoriesScenario {
  const scenario = detailScenarioFor(highlightId);
  if (scenario?.kind !== 'stories') throw new Error(`no stories for ${highlightId}`);
  return scenario;
}

/** The stand-in's answer for a highlight as the extension receives it: text, parsed exactly. */
const answerFor = (scenario: StoriesScenario) => parseJsonExact(JSON.stringify(highlightDetailBody(scenario, AT)));

const nasa = profileOf('nasa');

describe('readStories: every shape the stand-in answers in', () => {
  const cases = nasa.highlights
    .map((h, index) => ({ index, scenario: storiesOf(h.id) }))
    .filter(({ scenario }) => scenario.shape !== 'unknown')
    .map(({ index, scenario }) => [`nasa #${index} (${scenario.shape}, lists as ${scenario.listShape})`, scenario] as const);

  it('covers each known shape, with lists both keyed and as arrays', () => {
    const seen = new Set(cases.map(([, s]) => `${s.shape}/${s.listShape}`));
    expect(seen).toEqual(new Set(['reels/object', 'reels/array', 'reels_media/object', 'reels_media/array', 'graphql/object', 'graphql/array', 'items/object', 'items/array']));
  });

  it.each(cases)('%s: the stories in order, ids exact, the reel’s title and owner', (_name, scenario) => {
    const result = readStories(answerFor(scenario), { highlightId: scenario.highlightId, apiKey: KEY });
    expect(result).toEqual({
      ok: true,
      shape: scenario.shape,
      value: {
        highlightId: scenario.highlightId,
        title: scenario.shape === 'items' ? null : scenario.title,
        ownerId: scenario.shape === 'items' ? null : nasa.ownerId,
        ownerUsername: scenario.shape === 'items' ? null : 'nasa',
        mediaCount: scenario.shape === 'items' ? null : scenario.stories.length,
        stories: expectedStories(scenario),
      },
    });
  });

  it('the 100 stories of bigprofile’s first highlight, in order', () => {
    const scenario = storiesOf(profileOf('bigprofile').highlights[0]!.id);
    const result = readStories(answerFor(scenario), { highlightId: scenario.highlightId, apiKey: KEY });
    expect(result.ok && result.value.stories).toEqual(expectedStories(scenario));
    expect(result.ok && result.value.stories).toHaveLength(100);
  });

  it('links that have already expired are read as they are (the page marks them)', () => {
    const scenario = storiesOf(profileOf('natgeo').highlights[0]!.id);
    const result = readStories(answerFor(scenario), { highlightId: scenario.highlightId, apiKey: KEY });
    expect(result.ok && result.value.stories[0]!.linksExpireAt).toBe((Math.floor(AT / 1000) - 3600) * 1000);
  });

  it('the highlight asked for as highlight:<digits> is the same highlight', () => {
    const scenario = storiesOf(nasa.highlights[0]!.id);
    const result = readStories(answerFor(scenario), { highlightId: `highlight:${scenario.highlightId}`, apiKey: KEY });
    expect(result.ok && result.value.highlightId).toBe(scenario.highlightId);
  });

  it('says it cannot read the stand-in’s unknown shape, and why', () => {
    const scenario = storiesOf(UNKNOWN_SHAPE_HIGHLIGHT);
    expect(scenario.shape).toBe('unknown');
    expect(readStories(answerFor(scenario), { highlightId: UNKNOWN_SHAPE_HIGHLIGHT, apiKey: KEY })).toEqual({
      ok: false,
      detail: 'no reel items in any known shape',
    });
  });
});

const ID = '17912345678901234';
const item = (pk: string) => ({ pk, id: `${pk}_528817151`, media_type: 1, taken_at: 1767225600 });
const reel = (id: string, items: unknown, extra: Record<string, unknown> = {}) => ({ id: `highlight:${id}`, items, ...extra });
const read = (body: unknown, highlightId = ID) => readStories(body, { highlightId, apiKey: KEY });
const ids = (result: ReturnType<typeof read>) => (result.ok ? result.value.stories.map((s) => s.id) : result.detail);

describe('readStories: where the reel is', () => {
  it.each<[string, unknown, StoriesShape]>([
    ['reels keyed by highlight:<id>', detailEnvelope({ reels: { [`highlight:${ID}`]: reel(ID, [item('1')]) } }), 'reels'],
    ['reels keyed by the bare id', detailEnvelope({ reels: { [ID]: { items: [item('1')] } } }), 'reels'],
    ['reels_media as an array', detailEnvelope({ reels_media: [reel(ID, [item('1')])] }), 'reels_media'],
    ['reels_media keyed', detailEnvelope({ reels_media: { '0': reel(ID, { '0': item('1') }) } }), 'reels_media'],
    [
      'GraphQL edges, nested in data',
      detailEnvelope({ data: { xdt_api__v1__feed__reels_media__connection: { edges: [{ node: reel(ID, [item('1')]) }] } } }),
      'graphql',
    ],
    [
      'GraphQL edges in the envelope’s data',
      detailEnvelope({ xdt_api__v1__feed__reels_media__connection: { edges: { '0': { node: reel(ID, [item('1')]) } } } }),
      'graphql',
    ],
    ['GraphQL’s reels_media form', detailEnvelope({ data: { xdt_api__v1__feed__reels_media: { reels_media: [reel(ID, [item('1')])] } } }), 'graphql'],
    ['a flat items list', detailEnvelope({ items: [{ id: '1', media_type: 1 }] }), 'items'],
    ['Instagram’s own answer with no envelope', { reels_media: [reel(ID, [item('1')])], status: 'ok' }, 'reels_media'],
    ['an envelope without success flags', { data: { reels_media: [reel(ID, [item('1')])] } }, 'reels_media'],
  ])('%s', (_name, body, shape) => {
    const result = read(body);
    expect(result.ok && result.shape).toBe(shape);
    expect(ids(result)).toEqual(['1']);
  });

  it('of several reels, the one asked for, whatever its place', () => {
    const body = detailEnvelope({ reels_media: [reel('111', [item('1')]), reel(ID, [item('2')]), { items: [item('3')] }] });
    expect(ids(read(body))).toEqual(['2']);
    // A reel that names no highlight is taken when none names the one asked for.
    expect(ids(read(detailEnvelope({ reels_media: [reel('111', [item('1')]), { items: [item('3')] }] })))).toEqual(['3']);
  });

  it('never shows another highlight’s stories as this one’s', () => {
    expect(read(detailEnvelope({ reels_media: [reel('111', [item('1')])] }))).toEqual({
      ok: false,
      detail: 'the answer holds the stories of another highlight',
    });
    expect(read(detailEnvelope({ reels: { 'highlight:111': { items: [item('1')] } } })).ok).toBe(false);
  });

  it('reels and reels_media side by side (as the private API sends them) read once, from reels', () => {
    const body = detailEnvelope({ reels: { [`highlight:${ID}`]: reel(ID, [item('1'), item('2')]) }, reels_media: [reel(ID, [item('1'), item('2')])] });
    expect(read(body)).toMatchObject({ ok: true, shape: 'reels' });
    expect(ids(read(body))).toEqual(['1', '2']);
  });

  it('an unreadable reel gives way to a readable one of another shape', () => {
    const body = detailEnvelope({ reels: { [`highlight:${ID}`]: reel(ID, 'broken') }, reels_media: [reel(ID, [item('1')])] });
    expect(read(body)).toMatchObject({ ok: true, shape: 'reels_media' });
  });

  it('orders keyed lists by number, not as text', () => {
    const items = Object.fromEntries(['10', '2', '0', '1', '11', '3', '4', '5', '6', '7', '8', '9'].map((k) => [k, item(`10${k}`)]));
    expect(ids(read(detailEnvelope({ reels_media: [reel(ID, items)] })))).toEqual(Array.from({ length: 12 }, (_, i) => `10${i}`));
  });

  it('reads the reel’s own parts, and the owner from its first item when the reel has none', () => {
    const withUser = reel(ID, [item('1')], { title: 'Artemis', media_count: 7, user: { pk: 528817151, username: 'NASA' } });
    expect(read(detailEnvelope({ reels_media: [withUser] }))).toMatchObject({
      ok: true,
      value: { title: 'Artemis', mediaCount: 7, ownerId: '528817151', ownerUsername: 'nasa' },
    });
    const fromItem = reel(ID, [{ ...item('1'), user: { pk: '787132', username: 'natgeo' } }]);
    expect(read(detailEnvelope({ reels_media: [fromItem] }))).toMatchObject({ value: { ownerId: '787132', ownerUsername: 'natgeo' } });
    const odd = reel(ID, [item('1')], { title: 5, media_count: -1, user: { pk: 'x', username: '' } });
    expect(read(detailEnvelope({ reels_media: [odd] }))).toMatchObject({ value: { title: null, mediaCount: null, ownerId: null, ownerUsername: null } });
  });

  it('the reel under the requested key comes before another that names the same highlight', () => {
    const body = detailEnvelope({ reels: { other: reel(ID, [item('1')]), [`highlight:${ID}`]: { items: [item('2')] } } });
    expect(ids(read(body))).toEqual(['2']);
    const bare = detailEnvelope({ reels: { other: reel(ID, [item('1')]), [ID]: { items: [item('3')] } } });
    expect(ids(read(bare))).toEqual(['3']);
  });

  it('the owner as the reel or its first item names it: user or owner, pk or id', () => {
    const ownerOf = (body: unknown) => {
      const result = read(body);
      return result.ok ? [result.value.ownerId, result.value.ownerUsername] : result.detail;
    };
    expect(ownerOf(detailEnvelope({ reels_media: [reel(ID, [item('1')], { owner: { id: '528817151', username: 'nasa' } })] }))).toEqual([
      '528817151',
      'nasa',
    ]);
    expect(ownerOf(detailEnvelope({ reels_media: [reel(ID, [{ ...item('1'), owner: { id: 787132, username: 'NatGeo' } }])] }))).toEqual([
      '787132',
      'natgeo',
    ]);
  });

  it.each([
    [7, 7],
    [0, 0],
    ['7', null],
    [1.5, null],
    [-1, null],
    [2 ** 53, null],
  ])('media_count %j → %s', (count, expected) => {
    const result = read(detailEnvelope({ reels_media: [reel(ID, [item('1')], { media_count: count })] }));
    expect(result.ok && result.value.mediaCount).toBe(expected);
  });

  it('success: false counts in the envelope and its data, not deeper in the answer', () => {
    const body = { success: true, data: { success: true, data: { success: false, reels_media: [reel(ID, [item('1')])] } } };
    expect(ids(read(body))).toEqual(['1']);
  });

  it.each<[unknown, StoriesShape]>([
    [detailEnvelope({ reels_media: [] }), 'reels_media'],
    [detailEnvelope({ reels_media: {} }), 'reels_media'],
    [detailEnvelope({ data: { xdt_api__v1__feed__reels_media__connection: { edges: [] } } }), 'graphql'],
  ])('Instagram’s empty answer %j is read in its shape, %s', (body, shape) => {
    expect(read(body)).toMatchObject({ ok: true, shape, value: { stories: [] } });
  });

  it('an empty reel is a highlight with no stories; Instagram’s empty answers too', () => {
    for (const body of [
      detailEnvelope({ reels_media: [reel(ID, [])] }),
      detailEnvelope({ reels_media: [reel(ID, {})] }),
      detailEnvelope({ items: {} }),
      detailEnvelope({ reels: {}, reels_media: [] }),
      detailEnvelope({ reels_media: {} }),
      detailEnvelope({ data: { xdt_api__v1__feed__reels_media__connection: { edges: [] } } }),
    ]) {
      expect(read(body)).toMatchObject({ ok: true, value: { highlightId: ID, stories: [] } });
    }
  });
});

describe('readStories: what it cannot read', () => {
  it.each([
    ['null', null, 'the body is not an object'],
    ['an array', [], 'the body is not an object'],
    ['a string', 'ok', 'the body is not an object'],
    ['success: false', { success: false, data: { reels_media: [reel(ID, [item('1')])] } }, 'the API reported success: false'],
    ['data.success: false', detailEnvelope({ success: false, reels_media: [reel(ID, [item('1')])] }), 'the API reported success: false'],
    ['no known part', detailEnvelope({ highlight: { stories: [item('1')] } }), 'no reel items in any known shape'],
    ['reels that are empty alone', detailEnvelope({ reels: {} }), 'no reel items in any known shape'],
    ['a reel without items', detailEnvelope({ reels_media: [{ id: `highlight:${ID}` }] }), 'a reel has no items list'],
    ['a reel that is not an object', detailEnvelope({ reels_media: ['x'] }), 'a reel is not an object'],
    ['items that are no list', detailEnvelope({ items: 'none' }), 'a reel has no items list'],
    ['items keyed by other names', detailEnvelope({ items: { a: item('1') } }), 'a reel has no items list'],
    ['an item without a media id', detailEnvelope({ reels_media: [reel(ID, [item('1'), { media_type: 1 }])] }), 'story 1 has no usable media id'],
    ['an item that is null', detailEnvelope({ items: [null] }), 'story 0 has no usable media id'],
    ['a request for no highlight id', detailEnvelope({ items: [item('1')] }), 'the highlight id asked for is no highlight id', 'story:1'],
    ['data nested too deep', { data: { data: { data: { data: { reels_media: [reel(ID, [item('1')])] } } } } }, 'no reel items in any known shape'],
  ])('%s', (_name, body, detail, highlightId = ID) => {
    expect(read(body, highlightId)).toEqual({ ok: false, detail });
  });

  it('a list keyed "__proto__" is no list, and prototype names are data', () => {
    const body = JSON.parse(`{"success":true,"data":{"success":true,"items":{"__proto__":{"pk":"1"}}}}`);
    expect(read(body).ok).toBe(false);
    const named = JSON.parse(`{"data":{"reels":{"constructor":{"items":[{"pk":"5"}]}}}}`);
    expect(ids(read(named))).toEqual(['5']);
    expect(read({ data: Object.create({ items: [item('1')] }) }).ok).toBe(false);
  });
});

describe('readStories: the key is never in what it returns', () => {
  it('titles get it replaced; links, names and stories that carry it are dropped', () => {
    const body = detailEnvelope({
      reels_media: [
        reel(ID, [item('1'), { ...item('2'), image_versions2: { candidates: [{ url: `https://x.cdninstagram.com/a.jpg?k=${KEY}` }] } }], {
          title: `Saved with ${KEY}`,
          user: { pk: '1', username: `echo_${KEY}` },
        }),
      ],
    });
    const result = read(body);
    expect(result).toMatchObject({ ok: true, value: { title: `Saved with ${REDACTED_KEY}`, ownerUsername: null } });
    expect(result.ok && result.value.stories[1]).toMatchObject({ id: '2', mediaUrl: null, thumbnailUrl: null });
    expect(JSON.stringify(result)).not.toContain(KEY);
  });

  it('the stand-in’s every highlight reads without error or key', () => {
    for (const profile of [profileOf('nasa'), profileOf('unicode.names'), profileOf('natgeo')]) {
      for (const h of profile.highlights) {
        const scenario = storiesOf(h.id);
        const result = read(answerFor(scenario), h.id);
        expect(result.ok).toBe(scenario.shape !== 'unknown');
        expect(JSON.stringify(result)).not.toContain(KEY);
      }
    }
  });
});

describe('readStories and exact ids', () => {
  it('ids past 2^53 sent as bare JSON numbers keep every digit', () => {
    const text = `{"success":true,"data":{"success":true,"reels_media":[{"id":"highlight:${ID}","user":{"pk":52881715100000000001},"items":[{"pk":31791234567890123400,"id":"31791234567890123400_1","media_type":1},{"id":"31791234567890123401_1"}]}]},"credits_used":1}`;
    const result = read(parseJsonExact(text));
    expect(ids(result)).toEqual(['31791234567890123400', '31791234567890123401']);
    expect(result.ok && result.value.ownerId).toBe('52881715100000000001');
  });
});
