import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { h } from '@/test/unit/helpers/handles';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { createLookupService, type LookupServiceOptions } from '@/entrypoints/background/lookup/lookup-service';
import { REDACTED_KEY } from '@/entrypoints/background/lookup/redaction';
import { MAX_RETRY_AFTER_SECONDS } from '@/entrypoints/background/lookup/retry-policy';
import { MAX_CACHED_PROFILES } from '@/entrypoints/background/cache/cache-policy';
import { apiKeyItem, cacheIndexItem, lookupsInFlightItem, ownerIdsItem, settingsItem } from '@/entrypoints/background/storage-items';
import { storage } from 'wxt/utils/storage';
import { PATIENT } from '@/test/unit/helpers/patience';

const HOUR = 3_600_000;

/** Handles with an answer in storage.local (one key each). */
async function cachedHandles(area: 'local' | 'session' = 'local'): Promise<string[]> {
  const items = await storage.snapshot(area);
  return Object.keys(items)
    .filter((key) => key.startsWith('cache:'))
    .map((key) => key.slice('cache:'.length))
    .sort();
}

function body(handle: string, ownerId: string, count = 2) {
  const highlights = Object.fromEntries(
    Array.from({ length: count }, (_, i) => [
      String(i),
      { id: `1790000000000000${i}`, title: `${handle} ${i}`, owner: { id: ownerId, username: handle } },
    ]),
  );
  return JSON.stringify({ success: true, data: { success: true, highlights }, credits_used: 1 });
}

/** A fake API: answers per handle / user_id and records every request. */
function fakeApi(owners: Record<string, string> = { nasa: '528817151', natgeo: '787132' }) {
  const fetch = vi.fn<typeof globalThis.fetch>(async (input) => {
    const url = new URL(String(input));
    const byId = url.searchParams.get('user_id');
    const handle = byId ? Object.keys(owners).find((h) => owners[h] === byId) : url.searchParams.get('handle');
    if (!handle || !owners[handle]) return new Response(JSON.stringify({ error: 'User not found' }), { status: 404 });
    return new Response(body(handle, owners[handle]!), { status: 200 });
  });
  return fetch;
}

let clock = Date.parse('2026-11-28T12:00:00Z');
function setup(extra: LookupServiceOptions = {}) {
  const fetch = fakeApi();
  const lookup = createLookupService({ fetch, now: () => clock, isOnline: () => true, ownerIdsWriteDelayMs: 5, ...extra });
  return { fetch, lookup };
}

beforeEach(async () => {
  fakeBrowser.reset();
  clock = Date.parse('2026-11-28T12:00:00Z');
  await apiKeyItem.setValue('sk_test_key');
});

describe('lookup', () => {
  it('asks the API once, then answers from the cache without a request', async () => {
    const { fetch, lookup } = setup();
    const first = await lookup.lookup(h('nasa'), { refresh: false });
    expect(first).toMatchObject({ ok: true, fromCache: false, list: { handle: 'nasa', ownerId: '528817151' } });
    const second = await lookup.lookup(h('NASA'), { refresh: false });
    expect(second).toMatchObject({ ok: true, fromCache: true });
    expect(second.ok && second.list.highlights).toEqual(first.ok && first.list.highlights);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('shares one cache entry between every form of a handle (@handle, profile URLs)', async () => {
    const { fetch, lookup } = setup();
    await lookup.lookup(h('@nasa'), { refresh: false });
    await lookup.lookup(h('https://www.instagram.com/nasa/tagged/'), { refresh: false });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('asks again once the cached answer is older than the lifetime', async () => {
    const { fetch, lookup } = setup();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, cacheTtlHours: 2 });
    await lookup.lookup(h('nasa'), { refresh: false });
    clock += 2 * HOUR - 1;
    expect(await lookup.lookup(h('nasa'), { refresh: false })).toMatchObject({ fromCache: true });
    clock += 1;
    expect(await lookup.lookup(h('nasa'), { refresh: false })).toMatchObject({ fromCache: false });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('uses the default 24 h lifetime', async () => {
    const { fetch, lookup } = setup();
    await lookup.lookup(h('nasa'), { refresh: false });
    clock += 23 * HOUR;
    await lookup.lookup(h('nasa'), { refresh: false });
    expect(fetch).toHaveBeenCalledTimes(1);
    clock += 1 * HOUR;
    await lookup.lookup(h('nasa'), { refresh: false });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('refresh forces exactly one request even with a fresh cache', async () => {
    const { fetch, lookup } = setup();
    await lookup.lookup(h('nasa'), { refresh: false });
    clock += 1000;
    const refreshed = await lookup.lookup(h('nasa'), { refresh: true });
    expect(refreshed).toMatchObject({ ok: true, fromCache: false });
    expect(refreshed.ok && refreshed.list.fetchedAt).toBe(clock);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('10 concurrent lookups of one profile send 1 request', async () => {
    const { fetch, lookup } = setup();
    const answers = await Promise.all(Array.from({ length: 10 }, () => lookup.lookup(h('nasa'), { refresh: false })));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(answers.every((a) => a.ok && a.list.highlights.length === 2)).toBe(true);
  });

  it('concurrent lookups of different profiles each send their own request', async () => {
    const { fetch, lookup } = setup();
    await Promise.all([lookup.lookup(h('nasa'), { refresh: false }), lookup.lookup(h('natgeo'), { refresh: false })]);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(await cachedHandles()).toEqual(['nasa', 'natgeo']);
  });

  it('asks by user_id once an answer taught the owner id, even after expiry', async () => {
    const { fetch, lookup } = setup();
    await lookup.lookup(h('nasa'), { refresh: false });
    // Written a moment later, with whatever else was learned meanwhile.
    await vi.waitFor(async () => expect(await ownerIdsItem.getValue()).toEqual([['nasa', '528817151']]), PATIENT);
    clock += 25 * HOUR;
    await lookup.lookup(h('nasa'), { refresh: false });
    expect(String(fetch.mock.calls[0]![0])).toContain('handle=nasa');
    expect(String(fetch.mock.calls[1]![0])).toContain('user_id=528817151');
  });

  it('does not cache errors as answers', async () => {
    const { fetch, lookup } = setup();
    expect(await lookup.lookup(h('ghost'), { refresh: false })).toEqual({ ok: false, handle: 'ghost', error: { kind: 'not-found' } });
    await lookup.lookup(h('ghost'), { refresh: false });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(await cachedHandles()).toEqual([]);
  });

  it('without a key says so and sends nothing', async () => {
    await apiKeyItem.removeValue();
    const { fetch, lookup } = setup();
    expect(await lookup.lookup(h('nasa'), { refresh: false })).toEqual({ ok: false, handle: 'nasa', error: { kind: 'no-key' } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each<[string, string, string]>([
    ['a line break', 'sk_live_a\nsk_live_b', 'spaces'],
    ['a character beyond ASCII', 'sk_live_clé', 'not-ascii'],
    ['a megabyte of text', 'k'.repeat(1024 * 1024), 'too-long'],
  ])('a saved key no header can carry (%s) is a key problem, and nothing is sent', async (_label, saved, problem) => {
    await apiKeyItem.setValue(saved);
    const { fetch, lookup } = setup();
    expect(await lookup.lookup(h('nasa'), { refresh: false })).toEqual({ ok: false, handle: 'nasa', error: { kind: 'key-unusable', problem } });
    expect(await lookup.lookup(h('nasa'), { refresh: true })).toMatchObject({ ok: false, error: { kind: 'key-unusable' } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a saved key with spaces around it is sent trimmed, as a header carries it', async () => {
    await apiKeyItem.setValue('  sk_test_key\n');
    const { fetch, lookup } = setup();
    expect(await lookup.lookup(h('nasa'), { refresh: false })).toMatchObject({ ok: true });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(new Headers(fetch.mock.calls[0]![1]?.headers).get('X-API-Key')).toBe('sk_test_key');
  });

  it('offline says so and sends nothing', async () => {
    const { fetch, lookup } = setup({ isOnline: () => false });
    expect(await lookup.lookup(h('nasa'), { refresh: false })).toMatchObject({ ok: false, error: { kind: 'offline' } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('keeps at most MAX_CACHED_PROFILES, dropping the least recently used', async () => {
    const { lookup } = setup();
    const handles = Array.from({ length: MAX_CACHED_PROFILES }, (_, i) => `user${i}`);
    await storage.setItems(
      handles.map((handle) => ({ key: `local:cache:${handle}` as const, value: { handle, ownerId: null, highlights: [], fetchedAt: clock } })),
    );
    await cacheIndexItem.setValue(handles.map((handle, i) => [handle, clock - 1000 + i, 100]));
    await lookup.lookup(h('nasa'), { refresh: false });
    const kept = await cachedHandles();
    expect(kept).toHaveLength(MAX_CACHED_PROFILES);
    expect(kept).toContain('nasa');
    expect(kept).not.toContain('user0');
    expect(kept).toContain('user1');
    expect(((await cacheIndexItem.getValue()) as unknown[]).length).toBe(MAX_CACHED_PROFILES);
  });

  it('ignores a corrupt cache entry and asks again', async () => {
    const { fetch, lookup } = setup();
    await storage.setItem('local:cache:nasa', { handle: 'nasa', highlights: 'x', fetchedAt: clock });
    expect(await lookup.lookup(h('nasa'), { refresh: false })).toMatchObject({ ok: true, fromCache: false });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('survives a cache item that is not an object', async () => {
    const { lookup } = setup();
    await storage.setItem('local:cache:nasa', 'garbage');
    await cacheIndexItem.setValue('garbage');
    expect(await lookup.peek(h('nasa'))).toBeNull();
    expect(await lookup.lookup(h('nasa'), { refresh: false })).toMatchObject({ ok: true });
  });
});

describe('peek', () => {
  it('never sends a request', async () => {
    const { fetch, lookup } = setup();
    expect(await lookup.peek(h('nasa'))).toBeNull();
    await lookup.lookup(h('nasa'), { refresh: false });
    expect((await lookup.peek(h('nasa')))?.handle).toBe('nasa');
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('clearCache', () => {
  it('forgets every answer and says how many', async () => {
    const { fetch, lookup } = setup();
    await lookup.lookup(h('nasa'), { refresh: false });
    await lookup.lookup(h('natgeo'), { refresh: false });
    expect(await lookup.clearCache()).toEqual({ cleared: 2, keptIn: null });
    await lookup.lookup(h('nasa'), { refresh: false });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('clears owner ids too, so nothing learned from an answer outlives it', async () => {
    const { lookup } = setup();
    await lookup.lookup(h('nasa'), { refresh: false });
    await lookup.clearCache();
    expect(await ownerIdsItem.getValue()).toEqual([]);
  });

  it('keeps the one answer asked for, moving it into the cache when it was kept for the session only', async () => {
    const { fetch, lookup } = setup();
    await lookup.lookup(h('natgeo'), { refresh: false });
    // storage.local refuses the answer (it is full); other writes, such as the owner ids', still go through.
    const original = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    const set = vi
      .spyOn(fakeBrowser.storage.local, 'set')
      .mockImplementation((items) => (Object.hasOwn(items, 'cache:nasa') ? Promise.reject(new Error('QUOTA_BYTES')) : original(items)));
    expect(await lookup.lookup(h('nasa'), { refresh: false })).toMatchObject({ keptIn: 'session' });
    set.mockRestore();
    expect(await lookup.clearCache(h('nasa'))).toEqual({ cleared: 1, keptIn: 'cache' });
    expect(await cachedHandles('local')).toEqual(['nasa']);
    expect(await cachedHandles('session')).toEqual([]);
    expect(await lookup.lookup(h('nasa'), { refresh: false })).toMatchObject({ fromCache: true, keptIn: 'cache' });
    await vi.waitFor(async () => expect(await ownerIdsItem.getValue()).toEqual([['nasa', '528817151']]), PATIENT);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe('a cache that cannot be written', () => {
  const quota = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));

  it('still returns the answer that was paid for, and keeps it for the session', async () => {
    const { fetch, lookup } = setup();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(quota);
    try {
      expect(await lookup.lookup(h('nasa'), { refresh: false })).toMatchObject({ ok: true, fromCache: false, keptIn: 'session' });
      expect(await lookup.lookup(h('nasa'), { refresh: false })).toMatchObject({ ok: true, fromCache: true, keptIn: 'session' });
      expect(fetch).toHaveBeenCalledTimes(1);
      expect(await cachedHandles('session')).toEqual(['nasa']);
      // A restarted worker finds it too.
      const { fetch: fetchAgain, lookup: restarted } = setup();
      expect(await restarted.lookup(h('nasa'), { refresh: false })).toMatchObject({ ok: true, fromCache: true });
      expect(fetchAgain).not.toHaveBeenCalled();
    } finally {
      set.mockRestore();
    }
  });

  it('with session storage refused too, keeps it in memory while the worker lives', async () => {
    const { fetch, lookup } = setup();
    const local = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(quota);
    const session = vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation(quota);
    try {
      expect(await lookup.lookup(h('nasa'), { refresh: false })).toMatchObject({ ok: true, keptIn: 'memory' });
      expect(await lookup.lookup(h('nasa'), { refresh: false })).toMatchObject({ ok: true, fromCache: true, keptIn: 'memory' });
      expect(fetch).toHaveBeenCalledTimes(1);
    } finally {
      local.mockRestore();
      session.mockRestore();
    }
  });

  it('once storage takes it again, the answer moves to the cache proper', async () => {
    const { lookup } = setup();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(quota);
    await lookup.lookup(h('nasa'), { refresh: false });
    set.mockRestore();
    expect(await lookup.lookup(h('nasa'), { refresh: true })).toMatchObject({ ok: true, keptIn: 'cache' });
    expect(await cachedHandles('session')).toEqual([]);
    expect(await cachedHandles('local')).toEqual(['nasa']);
  });
});

describe('a worker stopped while a request was out', () => {
  /** The first worker sends a request and is stopped before the answer: its memory is gone, storage.session stays. */
  async function interruptedRequest() {
    let answer: (r: Response) => void = () => undefined;
    const hanging = vi.fn<typeof globalThis.fetch>(() => new Promise<Response>((resolve) => (answer = resolve)));
    const first = createLookupService({ fetch: hanging, now: () => clock, isOnline: () => true });
    void first.lookup(h('nasa'), { refresh: false });
    await vi.waitFor(() => expect(hanging).toHaveBeenCalledTimes(1), PATIENT);
    return { finishLate: () => answer(new Response(body('nasa', '528817151'))) };
  }

  it('the next worker says the request was interrupted and sends nothing', async () => {
    await interruptedRequest();
    clock += 5_000;
    const { fetch, lookup } = setup();
    expect(await lookup.lookup(h('nasa'), { refresh: false })).toEqual({
      ok: false,
      handle: 'nasa',
      error: { kind: 'interrupted', startedAt: clock - 5_000 },
    });
    expect(await lookup.lookup(h('nasa'), { refresh: false })).toMatchObject({ error: { kind: 'interrupted' } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends again only when asked to (resend or refresh), once', async () => {
    await interruptedRequest();
    const { fetch, lookup } = setup();
    expect(await lookup.lookup(h('nasa'), { refresh: false, resend: true })).toMatchObject({ ok: true, fromCache: false });
    expect(await lookup.lookup(h('nasa'), { refresh: false })).toMatchObject({ ok: true, fromCache: true });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('other handles are not affected', async () => {
    await interruptedRequest();
    const { fetch, lookup } = setup();
    expect(await lookup.lookup(h('natgeo'), { refresh: false })).toMatchObject({ ok: true });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('is forgotten after half an hour: a lookup then simply asks', async () => {
    await interruptedRequest();
    clock += 30 * 60_000;
    const { fetch, lookup } = setup();
    expect(await lookup.lookup(h('nasa'), { refresh: false })).toMatchObject({ ok: true });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('a request that finishes leaves no record, so a later worker sends as usual', async () => {
    const { lookup: first } = setup();
    await first.lookup(h('nasa'), { refresh: true });
    const { fetch, lookup } = setup();
    expect(await lookup.lookup(h('nasa'), { refresh: true })).toMatchObject({ ok: true });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('while a request of this worker is out, a second lookup joins it rather than reporting it interrupted', async () => {
    let answer: (r: Response) => void = () => undefined;
    const slow = vi.fn<typeof globalThis.fetch>(() => new Promise<Response>((resolve) => (answer = resolve)));
    const lookup = createLookupService({ fetch: slow, now: () => clock, isOnline: () => true });
    const first = lookup.lookup(h('nasa'), { refresh: false });
    await vi.waitFor(() => expect(slow).toHaveBeenCalledTimes(1), PATIENT);
    const second = lookup.lookup(h('nasa'), { refresh: false });
    answer(new Response(body('nasa', '528817151')));
    expect(await first).toMatchObject({ ok: true });
    expect(await second).toMatchObject({ ok: true });
    expect(slow).toHaveBeenCalledTimes(1);
  });
});

// Retries: each status and fault of the API, the requests it costs, and what the user is shown.

type Step = { status: number; body?: string; headers?: Record<string, string> } | 'network-error' | 'hang';

const ok = JSON.stringify({ success: true, data: { success: true, highlights: { '0': { id: '17', title: 'a' } } } });
const html502 = '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';

/** A fetch that plays the given answers in order, the last one repeating. */
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

// Each status and fault → requests sent, and what the user is shown.
const table: Array<[string, Step[], number, string]> = [
  ['200', [{ status: 200, body: ok }], 1, 'list'],
  ['400', [{ status: 400, body: '{"error":"bad"}' }], 1, 'bad-request'],
  ['401', [{ status: 401, body: '{"error":"Invalid API key"}' }], 1, 'key-rejected'],
  ['402', [{ status: 402, body: '{"error":"x","required":1,"available":0}' }], 1, 'out-of-credits'],
  ['403', [{ status: 403, body: '{"error":"x"}' }], 1, 'out-of-credits'],
  ['404', [{ status: 404, body: '{"error":"User not found"}' }], 1, 'not-found'],
  ['429 then 200', [{ status: 429 }, { status: 200, body: ok }], 2, 'list'],
  ['429 with Retry-After 2 then 200', [{ status: 429, headers: { 'Retry-After': '2' } }, { status: 200, body: ok }], 2, 'list'],
  ['429 three times', [{ status: 429 }], 3, 'rate-limited'],
  [`429 with Retry-After ${MAX_RETRY_AFTER_SECONDS + 1}`, [{ status: 429, headers: { 'Retry-After': String(MAX_RETRY_AFTER_SECONDS + 1) } }], 1, 'rate-limited'],
  ['500', [{ status: 500, body: '{"error":"Service configuration error"}' }], 1, 'server-error'],
  ['502 HTML then 200', [{ status: 502, body: html502 }, { status: 200, body: ok }], 2, 'list'],
  ['503, 504, then 200', [{ status: 503 }, { status: 504 }, { status: 200, body: ok }], 3, 'list'],
  ['502 three times', [{ status: 502, body: html502 }], 3, 'server-error'],
  ['418', [{ status: 418 }], 1, 'unexpected-status'],
  ['200 not JSON', [{ status: 200, body: 'not json' }], 1, 'bad-response'],
  ['200 wrong shape', [{ status: 200, body: '{"data":[]}' }], 1, 'bad-response'],
  ['network error', ['network-error'], 1, 'network'],
  ['timeout', ['hang'], 1, 'timeout'],
];

describe('retries: status or fault → requests sent → what the user sees', () => {
  it.each(table)('%s → %i request(s) → %s', async (_name, steps, requests, shown) => {
    const fetch = scripted(steps);
    const sleep = vi.fn(async (_ms: number) => undefined);
    const lookup = createLookupService({ fetch, sleep, isOnline: () => true, timeoutMs: 50, random: () => 0.5 });
    const result = await lookup.lookup(h('nasa'), { refresh: false });
    expect(fetch).toHaveBeenCalledTimes(requests);
    expect(result.ok ? 'list' : result.error.kind).toBe(shown);
    expect(sleep).toHaveBeenCalledTimes(requests - 1);
  });

  it('honours Retry-After when it is within the cap', async () => {
    const fetch = scripted([{ status: 429, headers: { 'Retry-After': '3' } }, { status: 200, body: ok }]);
    const sleep = vi.fn(async (_ms: number) => undefined);
    await createLookupService({ fetch, sleep, isOnline: () => true }).lookup(h('nasa'), { refresh: false });
    expect(sleep).toHaveBeenCalledWith(3000);
  });

  it('a caller that slows down as a whole (a collection run) gets a 429 at once, with its Retry-After; other retries stay', async () => {
    const sleep = vi.fn(async (_ms: number) => undefined);
    const limited = scripted([{ status: 429, headers: { 'Retry-After': '3' } }, { status: 200, body: ok }]);
    const answer = await createLookupService({ fetch: limited, sleep, isOnline: () => true }).lookup(h('nasa'), { refresh: false, waitOn429: false });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'rate-limited', retryAfterSeconds: 3 } });
    expect(limited).toHaveBeenCalledTimes(1);
    expect(sleep).not.toHaveBeenCalled();
    const proxy = scripted([{ status: 503 }, { status: 200, body: ok }]);
    expect((await createLookupService({ fetch: proxy, sleep, isOnline: () => true }).lookup(h('nasa'), { refresh: false, waitOn429: false })).ok).toBe(true);
    expect(proxy).toHaveBeenCalledTimes(2);
  });
});

describe('a network failure right after 5xx answers', () => {
  it('is explained as the browser holding requests back, not as a broken connection', async () => {
    let clock = 0;
    const fetch = scripted([{ status: 503 }, { status: 503 }, { status: 503 }, 'network-error']);
    const lookup = createLookupService({ fetch, sleep: async () => undefined, isOnline: () => true, now: () => clock });
    expect(await lookup.lookup(h('nasa'), { refresh: false })).toMatchObject({ error: { kind: 'server-error', status: 503 } });
    clock += 10_000;
    expect(await lookup.lookup(h('nasa'), { refresh: false })).toMatchObject({
      error: { kind: 'network', afterServerError: 503 },
    });
    clock += 5 * 60_000;
    expect(await lookup.lookup(h('nasa'), { refresh: false })).toEqual({ ok: false, handle: 'nasa', error: { kind: 'network' } });
  });

  it('is a plain network failure once an answer came through', async () => {
    const fetch = scripted([{ status: 503 }, { status: 503 }, { status: 200, body: ok }, 'network-error']);
    const lookup = createLookupService({ fetch, sleep: async () => undefined, isOnline: () => true });
    expect(await lookup.lookup(h('nasa'), { refresh: false })).toMatchObject({ ok: true });
    expect(await lookup.lookup(h('natgeo'), { refresh: false })).toEqual({ ok: false, handle: 'natgeo', error: { kind: 'network' } });
  });
});

const KEY = 'sk_live_Secret123';

describe('the key in answers', () => {
  beforeEach(() => fakeBrowser.reset());

  const answering = (title: string) =>
    vi.fn<typeof globalThis.fetch>(async () =>
      new Response(JSON.stringify({ success: true, data: { success: true, highlights: [{ id: '1', title }] } })),
    );

  it('is never stored: the cache holds the redacted answer', async () => {
    await apiKeyItem.setValue(KEY);
    const lookup = createLookupService({ fetch: answering(`title ${KEY}`), isOnline: () => true });
    expect(await lookup.lookup(h('nasa'), { refresh: false })).toMatchObject({ list: { highlights: [{ title: `title ${REDACTED_KEY}` }] } });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(`title ${KEY}`);
  });

  it('an answer cached before a key was saved that carries that key is forgotten', async () => {
    await apiKeyItem.setValue('sk_live_old');
    const fetch = answering(`title ${KEY}`);
    const lookup = createLookupService({ fetch, isOnline: () => true });
    await lookup.lookup(h('nasa'), { refresh: false });
    expect(await lookup.forgetAnswersContaining(KEY)).toBe(1);
    expect(await lookup.peek(h('nasa'))).toBeNull();
  });
});

/** One highlight of nasa's, with `title`. */
function oneHighlight(title = 'a') {
  return vi.fn<typeof globalThis.fetch>(
    async () =>
      new Response(
        JSON.stringify({
          success: true,
          data: { success: true, highlights: { '0': { id: '17900000000000001', title, owner: { id: '528817151', username: 'nasa' } } } },
        }),
      ),
  );
}

/** storage.local.set held until `release`: the cache write of an answer is under way meanwhile. */
function holdLocalWrites() {
  const original = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
    await gate;
    return original(items);
  });
  return { set, release };
}

const refuse = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
const cacheKeys = async () => Object.keys(await fakeBrowser.storage.local.get(null)).filter((key) => key.startsWith('cache:'));

describe('an answer told before it is stored (`early`, as the popup asks)', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await apiKeyItem.setValue(KEY);
  });

  it('comes with keptIn null while the cache write is held; keptIn() says where it went once written', async () => {
    const fetch = oneHighlight();
    const lookup = createLookupService({ fetch, isOnline: () => true });
    const { set, release } = holdLocalWrites();
    const answer = await lookup.lookup(h('nasa'), { refresh: false, early: true });
    expect(answer).toMatchObject({ ok: true, fromCache: false, keptIn: null, list: { handle: 'nasa' } });
    await vi.waitFor(() => expect(set).toHaveBeenCalled(), PATIENT);
    expect(await cacheKeys()).toEqual([]);
    let kept: string | null = null;
    const where = lookup.keptIn(h('nasa')).then((k) => (kept = k));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(kept).toBeNull();
    release();
    expect(await where).toBe('cache');
    expect(await cacheKeys()).toEqual(['cache:nasa']);
    set.mockRestore();
  });

  it('closes the request’s record only after the answer is stored, so a worker stopped in between never pays twice silently', async () => {
    const lookup = createLookupService({ fetch: oneHighlight(), isOnline: () => true });
    const { set, release } = holdLocalWrites();
    await lookup.lookup(h('nasa'), { refresh: false, early: true });
    await vi.waitFor(() => expect(set).toHaveBeenCalled(), PATIENT);
    expect(await lookupsInFlightItem.getValue()).toEqual([['nasa', expect.any(Number)]]);
    // A worker that starts now finds the request on record: it reports it rather than sending it again.
    const fetch = oneHighlight();
    const next = createLookupService({ fetch, isOnline: () => true });
    expect(await next.lookup(h('nasa'), { refresh: false })).toMatchObject({ ok: false, error: { kind: 'interrupted' } });
    expect(fetch).not.toHaveBeenCalled();
    release();
    expect(await lookup.keptIn(h('nasa'))).toBe('cache');
    await vi.waitFor(async () => expect(await lookupsInFlightItem.getValue()).toEqual([]), PATIENT);
    set.mockRestore();
  });

  it('a lookup, a peek and an estimate meanwhile wait for the write and find the answer cached: one request in all', async () => {
    const fetch = oneHighlight();
    const lookup = createLookupService({ fetch, isOnline: () => true });
    const { set, release } = holdLocalWrites();
    await lookup.lookup(h('nasa'), { refresh: false, early: true });
    await vi.waitFor(() => expect(set).toHaveBeenCalled(), PATIENT);
    const again = lookup.lookup(h('nasa'), { refresh: false, early: true });
    const peeked = lookup.peek(h('nasa'));
    const among = lookup.cachedAmong([h('nasa'), h('natgeo')]);
    release();
    expect(await again).toMatchObject({ ok: true, fromCache: true, keptIn: 'cache' });
    expect(await peeked).toMatchObject({ handle: 'nasa' });
    expect([...(await among)]).toEqual(['nasa']);
    expect(fetch).toHaveBeenCalledTimes(1);
    set.mockRestore();
  });

  it('a refresh meanwhile does not wait: it is a new request the user asked for', async () => {
    const fetch = oneHighlight();
    const lookup = createLookupService({ fetch, isOnline: () => true });
    const { set, release } = holdLocalWrites();
    await lookup.lookup(h('nasa'), { refresh: false, early: true });
    await vi.waitFor(() => expect(set).toHaveBeenCalled(), PATIENT);
    expect(await lookup.lookup(h('nasa'), { refresh: true, early: true })).toMatchObject({ ok: true, fromCache: false });
    expect(fetch).toHaveBeenCalledTimes(2);
    release();
    set.mockRestore();
  });

  it('a key saved meanwhile is dropped from the answer once it is written, never after', async () => {
    await apiKeyItem.setValue('sk_live_old');
    const lookup = createLookupService({ fetch: oneHighlight(`title ${KEY}`), isOnline: () => true });
    const { set, release } = holdLocalWrites();
    await lookup.lookup(h('nasa'), { refresh: false, early: true });
    await vi.waitFor(() => expect(set).toHaveBeenCalled(), PATIENT);
    const forgotten = lookup.forgetAnswersContaining(KEY);
    release();
    expect(await forgotten).toBe(1);
    expect(await lookup.peek(h('nasa'))).toBeNull();
    set.mockRestore();
  });

  it('says session or memory when storage.local refuses it, and memory for a profile with no answer kept', async () => {
    const local = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(refuse);
    const lookup = createLookupService({ fetch: oneHighlight(), isOnline: () => true });
    expect(await lookup.lookup(h('nasa'), { refresh: false, early: true })).toMatchObject({ keptIn: null });
    expect(await lookup.keptIn(h('nasa'))).toBe('session');
    const session = vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation(refuse);
    expect(await lookup.lookup(h('nasa'), { refresh: true, early: true })).toMatchObject({ keptIn: null });
    expect(await lookup.keptIn(h('nasa'))).toBe('memory');
    expect(await lookup.keptIn(h('natgeo'))).toBe('memory');
    local.mockRestore();
    session.mockRestore();
  });

  it('without `early`, the answer comes once stored, with where', async () => {
    const lookup = createLookupService({ fetch: oneHighlight(), isOnline: () => true });
    expect(await lookup.lookup(h('nasa'), { refresh: false })).toMatchObject({ ok: true, fromCache: false, keptIn: 'cache' });
    expect(await cacheKeys()).toEqual(['cache:nasa']);
    expect(await lookupsInFlightItem.getValue()).toEqual([]);
  });

  it('a failure is told once its record is closed', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response('{"error":"User not found"}', { status: 404 }));
    const lookup = createLookupService({ fetch, isOnline: () => true });
    expect(await lookup.lookup(h('nasa'), { refresh: false, early: true })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(await lookupsInFlightItem.getValue()).toEqual([]);
  });
});
