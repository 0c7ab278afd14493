import { describe, expect, it, vi } from 'vitest';
import { errorForStatus, highlightsUrl, parseRetryAfter, requestHighlights } from '@/entrypoints/background/lookup/api-client';
import type { LookupError } from '@/utils/errors/lookup-error';
import example from '@/test/fixtures/openapi-example-response.json';
import { API_ORIGIN, API_PATHS } from '@/test/support/sociavault-server';

/** The documented endpoint, as the stand-in SociaVault serves it. */
const HIGHLIGHTS_URL = `${API_ORIGIN}${API_PATHS.highlights}`;

function respond(status: number, body: string, headers: Record<string, string> = {}) {
  // 204 is a null-body status: Response refuses even an empty string for it.
  return vi.fn<typeof globalThis.fetch>(async () => new Response(status === 204 ? null : body, { status, headers }));
}

const json = (value: unknown) => JSON.stringify(value);

describe('highlightsUrl', () => {
  it('asks by handle, or by user_id when known', () => {
    expect(highlightsUrl({ handle: 'nasa' })).toBe(`${HIGHLIGHTS_URL}?handle=nasa`);
    expect(highlightsUrl({ userId: '528817151' })).toBe(`${HIGHLIGHTS_URL}?user_id=528817151`);
  });
});

describe('requestHighlights', () => {
  it('sends one GET with the key in X-API-Key and nothing else identifying', async () => {
    const fetch = respond(200, json(example));
    const result = await requestHighlights({ handle: 'jane' }, { apiKey: 'sk_live_abc', fetch });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(`${HIGHLIGHTS_URL}?handle=jane`);
    expect(init?.method).toBe('GET');
    expect(new Headers(init?.headers).get('X-API-Key')).toBe('sk_live_abc');
    expect(init?.credentials).toBe('omit');
    expect(result.ok && result.value.highlights[0]!.id).toBe('18154582366360931');
  });

  const statusTable: Array<[string, number, string, Record<string, string>, LookupError]> = [
    ['400', 400, json({ error: 'Missing required parameter: handle' }), {}, { kind: 'bad-request', message: 'Missing required parameter: handle' }],
    ['401', 401, json({ error: 'Invalid API key', docs: 'https://docs.sociavault.com/authentication' }), {}, { kind: 'key-rejected', message: 'Invalid API key' }],
    ['402', 402, json({ error: 'Insufficient credits', required: 1, available: 0 }), {}, { kind: 'out-of-credits', required: 1, available: 0 }],
    ['403', 403, json({ error: 'Forbidden', message: 'Insufficient credits', statusCode: 403 }), {}, { kind: 'out-of-credits', required: null, available: null }],
    ['402 without numbers', 402, json({ error: 'Insufficient credits' }), {}, { kind: 'out-of-credits', required: null, available: null }],
    ['404', 404, json({ error: 'User not found' }), {}, { kind: 'not-found' }],
    ['429 with Retry-After', 429, json({ error: 'Too many requests' }), { 'Retry-After': '30' }, { kind: 'rate-limited', retryAfterSeconds: 30 }],
    ['429 without Retry-After', 429, '', {}, { kind: 'rate-limited', retryAfterSeconds: null }],
    ['500', 500, json({ error: 'Service configuration error' }), {}, { kind: 'server-error', status: 500 }],
    ['502 with HTML', 502, '<html><body><h1>502 Bad Gateway</h1></body></html>', { 'Content-Type': 'text/html' }, { kind: 'server-error', status: 502 }],
    ['503', 503, 'Service Unavailable', {}, { kind: 'server-error', status: 503 }],
    ['504', 504, '', {}, { kind: 'server-error', status: 504 }],
    ['418', 418, json({ error: 'teapot' }), {}, { kind: 'unexpected-status', status: 418 }],
    ['204', 204, '', {}, { kind: 'unexpected-status', status: 204 }],
    ['200 not JSON', 200, '<html>ok</html>', {}, { kind: 'bad-response', detail: 'the body is not JSON' }],
    ['200 empty', 200, '', {}, { kind: 'bad-response', detail: 'the body is not JSON' }],
  ];

  it.each(statusTable)('%s → its error', async (_name, status, body, headers, expected) => {
    const fetch = respond(status, body, headers);
    const result = await requestHighlights({ handle: 'nasa' }, { apiKey: 'sk_x', fetch });
    expect(result).toEqual({ ok: false, error: expected });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('a 200 whose JSON does not match the schema is a bad response', async () => {
    const result = await requestHighlights({ handle: 'nasa' }, { apiKey: 'sk_x', fetch: respond(200, json({ ok: 1 })) });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe('bad-response');
  });

  it('a failed connection is a network error', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await requestHighlights({ handle: 'nasa' }, { apiKey: 'sk_x', fetch })).toEqual({
      ok: false,
      error: { kind: 'network' },
    });
  });

  it('gives up after the timeout and says so', async () => {
    vi.useFakeTimers();
    try {
      const fetch = vi.fn<typeof globalThis.fetch>(
        (_url, init) =>
          new Promise((_resolve, reject) => {
            init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          }),
      );
      const pending = requestHighlights({ handle: 'nasa' }, { apiKey: 'sk_x', fetch, timeoutMs: 20_000 });
      await vi.advanceTimersByTimeAsync(19_999);
      expect(fetch.mock.calls[0]![1]!.signal!.aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await pending).toEqual({ ok: false, error: { kind: 'timeout', seconds: 20 } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('a body that stalls past the timeout is a timeout too', async () => {
    vi.useFakeTimers();
    try {
      const fetch = vi.fn<typeof globalThis.fetch>(async (_url, init) => {
        const body = new ReadableStream({
          start(controller) {
            init?.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
          },
        });
        return new Response(body, { status: 200 });
      });
      const pending = requestHighlights({ handle: 'nasa' }, { apiKey: 'sk_x', fetch, timeoutMs: 5_000 });
      await vi.advanceTimersByTimeAsync(5_000);
      expect(await pending).toEqual({ ok: false, error: { kind: 'timeout', seconds: 5 } });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('errorForStatus', () => {
  it('never puts the key or headers into an error', () => {
    const error = errorForStatus(401, { error: 'Invalid API key sk_live_secret' }, new Headers({ 'X-API-Key': 'sk_live_secret' }));
    expect(error.kind).toBe('key-rejected');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-28T12:00:00Z');
  it.each([
    [null, null],
    ['30', 30],
    [' 5 ', 5],
    ['0', 0],
    ['Sat, 28 Nov 2026 12:01:00 GMT', 60],
    ['Sat, 28 Nov 2026 11:00:00 GMT', 0],
    ['soon', null],
    ['-1', null],
    ['1.5', null],
  ])('%j → %j', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('the key in error texts', () => {
  it('is replaced when a server echoes it back', async () => {
    const apiKey = 'sk_live_9f3Kq7TzX1bW5mN8pR2sV6yA4cE0hJ';
    const fetch = vi.fn<typeof globalThis.fetch>(
      async () => new Response(JSON.stringify({ error: `Invalid API key: ${apiKey} (${apiKey})` }), { status: 401 }),
    );
    const result = await requestHighlights({ handle: 'nasa' }, { apiKey, fetch });
    expect(JSON.stringify(result)).not.toContain(apiKey);
    expect(result).toEqual({
      ok: false,
      error: { kind: 'key-rejected', message: 'Invalid API key: [your API key] ([your API key])' },
    });
  });
});
