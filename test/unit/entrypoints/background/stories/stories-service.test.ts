import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { createCacheStore } from '@/entrypoints/background/cache/cache-store';
import { createLookupService } from '@/entrypoints/background/lookup/lookup-service';
import { REDACTED_KEY } from '@/entrypoints/background/lookup/redaction';
import { createStoriesService, type StoriesServiceOptions } from '@/entrypoints/background/stories/stories-service';
import { apiKeyItem, cacheIndexItem, settingsItem } from '@/entrypoints/background/storage-items';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { DEFAULT_SCENARIOS, highlightDetailBody, profileScenarios, storiesScenario, type StoriesScenario } from '@/test/support/scenarios';
import { h } from '@/test/unit/helpers/handles';
import { PATIENT } from '@/test/unit/helpers/patience';

const KEY = 'sk_test_Key123';
const HOUR = 3_600_000;
let clock = Date.parse('2026-11-28T12:00:00Z');

const nasa = profileScenarios(DEFAULT_SCENARIOS).find((p) => p.username === 'nasa')!;
/** nasa's highlights 0–3 are answered in the shapes reels, reels_media, graphql and items. */
const scenario = (index: number, extra: Partial<StoriesScenario> = {}): StoriesScenario => ({ ...storiesScenario(nasa, index), ...extra });
const ID = nasa.highlights[0]!.id;

/** A fake SociaVault that answers highlight-detail for the given scenarios and records every request. */
function fakeApi(scenarios: StoriesScenario[] = [0, 1, 2, 3].map((i) => scenario(i))) {
  return vi.fn<typeof globalThis.fetch>(async (input) => {
    const url = new URL(String(input));
    const found = scenarios.find((s) => s.highlightId === url.searchParams.get('id'));
    if (!found || url.pathname !== '/v1/scrape/instagram/highlight-detail') {
      return new Response(JSON.stringify({ error: 'Highlight not found' }), { status: 404 });
    }
    return new Response(JSON.stringify(highlightDetailBody(found, clock)), { status: 200 });
  });
}

function setup(extra: StoriesServiceOptions = {}) {
  const fetch = fakeApi();
  const service = createStoriesService({ fetch, now: () => clock, isOnline: () => true, sleep: async () => undefined, ...extra });
  return { fetch, service };
}

async function storedKeys(area: 'local' | 'session'): Promise<string[]> {
  return Object.keys(await storage.snapshot(area)).filter((key) => key.startsWith('cache:')).sort();
}

beforeEach(async () => {
  fakeBrowser.reset();
  clock = Date.parse('2026-11-28T12:00:00Z');
  await apiKeyItem.setValue(KEY);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('stories of one highlight', () => {
  it('asks highlight-detail once with the key and the digits, then answers from the cache for free', async () => {
    const { fetch, service } = setup();
    const first = await service.stories(`highlight:${ID}`, { refresh: false });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(String(url)).toBe(`https://api.sociavault.com/v1/scrape/instagram/highlight-detail?id=${ID}`);
    expect(new Headers(init?.headers).get('X-API-Key')).toBe(KEY);
    expect(first).toMatchObject({ ok: true, fromCache: false, keptIn: 'cache', answer: { highlightId: ID, content: { kind: 'read' } } });
    const ids = first.ok && first.answer.content.kind === 'read' ? first.answer.content.stories.stories.map((s) => s.id) : [];
    expect(ids).toEqual(scenario(0).stories.map((s) => s.pk));

    const second = await service.stories(ID, { refresh: false });
    expect(second).toMatchObject({ ok: true, fromCache: true, keptIn: 'cache' });
    expect(second.ok && second.answer).toEqual(first.ok && first.answer);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await storedKeys('local')).toEqual([`cache:stories:${ID}`]);
  });

  it('reads each shape the stand-in answers in, ids exact past 2^53', async () => {
    const { service } = setup();
    for (const index of [0, 1, 2, 3]) {
      const answer = await service.stories(scenario(index).highlightId, { refresh: false });
      const content = answer.ok ? answer.answer.content : null;
      expect(content?.kind === 'read' && content.shape).toBe(['reels', 'reels_media', 'graphql', 'items'][index]);
      expect(content?.kind === 'read' && content.stories.stories.map((s) => s.id)).toEqual(scenario(index).stories.map((s) => s.pk));
    }
  });

  it('keeps an answer in no known shape, raw with the key taken out, and serves it again for free', async () => {
    const unknown = scenario(0, { shape: 'unknown', title: `echo ${KEY}` });
    const fetch = fakeApi([unknown]);
    const service = createStoriesService({ fetch, now: () => clock, isOnline: () => true });
    const first = await service.stories(ID, { refresh: false });
    expect(first).toMatchObject({ ok: true, fromCache: false, answer: { content: { kind: 'raw' } } });
    const raw = first.ok && first.answer.content.kind === 'raw' ? first.answer.content.raw : '';
    expect(raw).toContain(unknown.stories[0]!.pk);
    expect(raw).not.toContain(KEY);
    expect(raw).toContain(REDACTED_KEY);
    expect(await service.stories(ID, { refresh: false })).toMatchObject({ ok: true, fromCache: true, answer: { content: { kind: 'raw' } } });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('refresh sends exactly one request even when cached', async () => {
    const { fetch, service } = setup();
    await service.stories(ID, { refresh: false });
    expect(await service.stories(ID, { refresh: true })).toMatchObject({ ok: true, fromCache: false });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('asks again once the cached stories are older than the lifetime in the settings', async () => {
    const { fetch, service } = setup();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, cacheTtlHours: 2 });
    await service.stories(ID, { refresh: false });
    clock += 2 * HOUR - 1;
    await service.stories(ID, { refresh: false });
    expect(fetch).toHaveBeenCalledTimes(1);
    clock += 1;
    await service.stories(ID, { refresh: false });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('ten asks at once for one highlight send one request', async () => {
    const { fetch, service } = setup();
    const answers = await Promise.all(Array.from({ length: 10 }, () => service.stories(ID, { refresh: false })));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(answers.every((a) => a.ok)).toBe(true);
  });

  it('without a key or offline says so and sends nothing', async () => {
    const { fetch, service } = setup({ isOnline: () => false });
    expect(await service.stories(ID, { refresh: false })).toMatchObject({ ok: false, highlightId: ID, error: { kind: 'offline' } });
    await apiKeyItem.removeValue();
    expect(await service.stories(ID, { refresh: false })).toMatchObject({ ok: false, error: { kind: 'no-key' } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses what is no highlight id without a request', async () => {
    const { fetch, service } = setup();
    expect(await service.stories('highlight:12a', { refresh: false })).toMatchObject({ ok: false, error: { kind: 'bad-request' } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('ignores a corrupt cache entry and asks again', async () => {
    const { fetch, service } = setup();
    await fakeBrowser.storage.local.set({ [`cache:stories:${ID}`]: { highlightId: ID, fetchedAt: clock, content: { kind: 'read' } } });
    expect(await service.stories(ID, { refresh: false })).toMatchObject({ ok: true, fromCache: false });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('one cache, one budget for profiles and stories', () => {
  function listBody(handle: string) {
    const highlights = { '0': { id: '17900000000000001', title: `${handle}`, owner: { id: '528817151', username: handle } } };
    return JSON.stringify({ success: true, data: { success: true, highlights }, credits_used: 1 });
  }

  it('the least recently used entry goes first, whichever kind it is', async () => {
    const cache = createCacheStore({ now: () => clock, budget: { maxEntries: 2 } });
    const listFetch = vi.fn<typeof globalThis.fetch>(async (input) => new Response(listBody(new URL(String(input)).searchParams.get('handle')!)));
    const lookup = createLookupService({ cache, fetch: listFetch, now: () => clock, isOnline: () => true });
    const { service, fetch } = setup({ cache });
    await lookup.lookup(h('nasa'), { refresh: false });
    clock += 1;
    await service.stories(ID, { refresh: false });
    clock += 1;
    await lookup.lookup(h('natgeo'), { refresh: false });
    // Two entries fit: nasa, the oldest, went; the stories stayed.
    expect(await storedKeys('local')).toEqual(['cache:natgeo', `cache:stories:${ID}`]);
    clock += 1;
    await service.stories(ID, { refresh: false }); // served, so used last
    clock += 1;
    await lookup.lookup(h('nasa'), { refresh: false });
    expect(await storedKeys('local')).toEqual(['cache:nasa', `cache:stories:${ID}`]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(((await cacheIndexItem.getValue()) as unknown[]).length).toBe(2);
  });

  it('clearing the cache forgets stories too, and counts only profiles', async () => {
    const cache = createCacheStore({ now: () => clock });
    const listFetch = vi.fn<typeof globalThis.fetch>(async () => new Response(listBody('nasa')));
    const lookup = createLookupService({ cache, fetch: listFetch, now: () => clock, isOnline: () => true });
    const { service, fetch } = setup({ cache });
    await lookup.lookup(h('nasa'), { refresh: false });
    await service.stories(ID, { refresh: false });
    expect(await lookup.clearCache()).toEqual({ cleared: 1, keptIn: null });
    expect(await storedKeys('local')).toEqual([]);
    await service.stories(ID, { refresh: false });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('a key saved later drops cached stories that carry it', async () => {
    const cache = createCacheStore({ now: () => clock });
    const lookup = createLookupService({ cache, now: () => clock });
    const fetch = fakeApi([scenario(0, { shape: 'unknown' })]);
    const service = createStoriesService({ cache, fetch, now: () => clock, isOnline: () => true });
    await service.stories(ID, { refresh: false });
    expect(await lookup.forgetAnswersContaining(scenario(0).stories[0]!.pk)).toBe(1);
    expect(await storedKeys('local')).toEqual([]);
  });
});

describe('a cache that cannot be written', () => {
  const quota = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));

  it('keeps paid stories for the session, then in memory, and never asks twice', async () => {
    const { fetch, service } = setup();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(quota);
    expect(await service.stories(ID, { refresh: false })).toMatchObject({ ok: true, keptIn: 'session' });
    expect(await service.stories(ID, { refresh: false })).toMatchObject({ ok: true, fromCache: true, keptIn: 'session' });
    vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation(quota);
    const other = scenario(1).highlightId;
    expect(await service.stories(other, { refresh: false })).toMatchObject({ ok: true, keptIn: 'memory' });
    expect(await service.stories(other, { refresh: false })).toMatchObject({ ok: true, fromCache: true, keptIn: 'memory' });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('a corrupt index is read as empty and the answer is still kept', async () => {
    const { fetch, service } = setup();
    await cacheIndexItem.setValue({ not: 'an index' });
    expect(await service.stories(ID, { refresh: false })).toMatchObject({ ok: true, keptIn: 'cache' });
    expect(await service.stories(ID, { refresh: false })).toMatchObject({ ok: true, fromCache: true });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('a worker stopped while a request was out', () => {
  async function interruptedRequest() {
    const hanging = vi.fn<typeof globalThis.fetch>(() => new Promise<Response>(() => undefined));
    const first = createStoriesService({ fetch: hanging, now: () => clock, isOnline: () => true });
    void first.stories(ID, { refresh: false });
    await vi.waitFor(() => expect(hanging).toHaveBeenCalledTimes(1), PATIENT);
  }

  it('the next worker says the request was interrupted and sends nothing', async () => {
    await interruptedRequest();
    clock += 5_000;
    const { fetch, service } = setup();
    expect(await service.stories(ID, { refresh: false })).toEqual({
      ok: false,
      highlightId: ID,
      error: { kind: 'interrupted', startedAt: clock - 5_000 },
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends again only when asked to (resend or refresh), once', async () => {
    await interruptedRequest();
    const { fetch, service } = setup();
    expect(await service.stories(ID, { refresh: false, resend: true })).toMatchObject({ ok: true, fromCache: false });
    expect(await service.stories(ID, { refresh: false })).toMatchObject({ ok: true, fromCache: true });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('other highlights, and the list lookups, are not affected', async () => {
    await interruptedRequest();
    const { fetch, service } = setup();
    expect(await service.stories(scenario(1).highlightId, { refresh: false })).toMatchObject({ ok: true });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await storage.getItem('session:lookupsInFlight')).toBeNull();
  });
});

// Each status and fault → requests sent, and what the user is shown.

type Step = { status: number; body?: string; headers?: Record<string, string> } | 'network-error' | 'hang';

function scripted(steps: Step[]) {
  let call = 0;
  return vi.fn<typeof globalThis.fetch>((_input, init) => {
    const step = steps[Math.min(call++, steps.length - 1)]!;
    if (step === 'network-error') return Promise.reject(new TypeError('Failed to fetch'));
    if (step === 'hang') {
      return new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    }
    return Promise.resolve(new Response(step.body ?? '', { status: step.status, headers: step.headers }));
  });
}

const ok = () => JSON.stringify(highlightDetailBody(scenario(0), clock));
const html502 = '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';

const table: Array<[string, Step[], number, string]> = [
  ['200', [{ status: 200, body: 'OK' }], 1, 'read'],
  ['400 invalid id', [{ status: 400, body: '{"error":"Invalid highlight id"}' }], 1, 'bad-request'],
  ['401', [{ status: 401, body: '{"error":"Invalid API key"}' }], 1, 'key-rejected'],
  ['402', [{ status: 402, body: '{"error":"x","required":1,"available":0}' }], 1, 'out-of-credits'],
  ['403', [{ status: 403, body: '{"error":"x"}' }], 1, 'out-of-credits'],
  ['404 unknown highlight', [{ status: 404, body: '{"error":"Highlight not found"}' }], 1, 'not-found'],
  ['429 then 200', [{ status: 429 }, { status: 200, body: 'OK' }], 2, 'read'],
  ['429 three times', [{ status: 429 }], 3, 'rate-limited'],
  ['500', [{ status: 500, body: '{"error":"Service configuration error"}' }], 1, 'server-error'],
  ['502 HTML then 200', [{ status: 502, body: html502 }, { status: 200, body: 'OK' }], 2, 'read'],
  ['503 three times', [{ status: 503 }], 3, 'server-error'],
  ['200 not JSON', [{ status: 200, body: 'OK<br>not json {' }], 1, 'bad-response'],
  ['200 success: false', [{ status: 200, body: '{"success":false,"data":{"success":false}}' }], 1, 'raw'],
  ['network error', ['network-error'], 1, 'network'],
  ['timeout', ['hang'], 1, 'timeout'],
];

describe('retries: status or fault → requests sent → what the user sees', () => {
  it.each(table)('%s → %i request(s) → %s', async (_name, steps, requests, shown) => {
    const fetch = scripted(steps.map((step) => (typeof step === 'object' && step.body === 'OK' ? { ...step, body: ok() } : step)));
    const sleep = vi.fn(async (_ms: number) => undefined);
    const service = createStoriesService({ fetch, sleep, isOnline: () => true, timeoutMs: 1, random: () => 0.5 });
    const result = await service.stories(ID, { refresh: false });
    expect(fetch).toHaveBeenCalledTimes(requests);
    expect(result.ok ? result.answer.content.kind : result.error.kind).toBe(shown);
    expect(sleep).toHaveBeenCalledTimes(requests - 1);
    // Only a paid answer is kept; a failure leaves nothing to serve.
    expect((await storedKeys('local')).length).toBe(result.ok ? 1 : 0);
  });

  it('never shows the key a refusal echoes', async () => {
    const fetch = scripted([{ status: 400, body: JSON.stringify({ error: `Invalid id for key ${KEY}` }) }]);
    const result = await createStoriesService({ fetch, isOnline: () => true }).stories(ID, { refresh: false });
    expect(JSON.stringify(result)).not.toContain(KEY);
  });

  it('tells the balance what a paid answer used, and what an out-of-credits one says is left', async () => {
    const onBalanceHint = vi.fn();
    await setup({ onBalanceHint }).service.stories(ID, { refresh: false });
    expect(onBalanceHint).toHaveBeenCalledWith({ spent: 1 });
    const fetch = scripted([{ status: 402, body: '{"error":"x","required":1,"available":0}' }]);
    await createStoriesService({ fetch, isOnline: () => true, onBalanceHint }).stories(scenario(1).highlightId, { refresh: false });
    expect(onBalanceHint).toHaveBeenCalledWith({ available: 0 });
  });
});
