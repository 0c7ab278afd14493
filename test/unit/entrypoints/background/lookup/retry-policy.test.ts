import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { h } from '@/test/unit/helpers/handles';
import { createLookupService } from '@/entrypoints/background/lookup/lookup-service';
import { MAX_RETRY_AFTER_SECONDS, retryDelayMs } from '@/entrypoints/background/lookup/retry-policy';
import { apiKeyItem } from '@/entrypoints/background/storage-items';

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

beforeEach(async () => {
  fakeBrowser.reset();
  await apiKeyItem.setValue('sk_test_key');
});

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
});

describe('retryDelayMs', () => {
  it('backs off with jitter and stops after two retries', () => {
    const error = { kind: 'server-error', status: 503 } as const;
    expect(retryDelayMs(error, 0, () => 0)).toBe(400);
    expect(retryDelayMs(error, 0, () => 0.999)).toBeLessThan(800);
    expect(retryDelayMs(error, 1, () => 0)).toBe(800);
    expect(retryDelayMs(error, 2, () => 0)).toBeNull();
  });

  it.each([
    [{ kind: 'timeout', seconds: 20 }],
    [{ kind: 'network' }],
    [{ kind: 'server-error', status: 500 }],
    [{ kind: 'out-of-credits', required: 1, available: 0 }],
    [{ kind: 'bad-response', detail: 'x' }],
  ] as const)('never retries %j', (error) => {
    expect(retryDelayMs(error, 0)).toBeNull();
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
