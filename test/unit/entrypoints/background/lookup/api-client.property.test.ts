import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { requestHighlights, type ApiResult } from '@/entrypoints/background/lookup/api-client';
import { LOOKUP_ERROR_KINDS, type LookupError, type LookupErrorKind } from '@/utils/errors/lookup-error';

/** Runs per property (2 properties in this file: 1,200 runs). */
const RUNS = 600;


/** The error an answer with this status must give (200 aside). */
function kindForStatus(status: number): LookupErrorKind {
  if (status === 400) return 'bad-request';
  if (status === 401) return 'key-rejected';
  if (status === 402 || status === 403) return 'out-of-credits';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status >= 500 && status <= 599) return 'server-error';
  return 'unexpected-status';
}

const nullOr = (type: string) => (value: unknown) => value === null || typeof value === type;

/** The fields each error carries, and their types. */
function expectErrorShape(error: LookupError): void {
  expect(LOOKUP_ERROR_KINDS).toContain(error.kind);
  const { kind, ...rest } = error as LookupError & Record<string, unknown>;
  const fields: Partial<Record<LookupErrorKind, Record<string, (v: unknown) => boolean>>> = {
    'bad-request': { message: nullOr('string') },
    'key-rejected': { message: nullOr('string') },
    'out-of-credits': { required: nullOr('number'), available: nullOr('number') },
    'rate-limited': {
      retryAfterSeconds: (v) => v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 0),
    },
    'server-error': { status: (v) => typeof v === 'number' && v >= 500 && v <= 599 },
    'unexpected-status': { status: (v) => typeof v === 'number' },
    timeout: { seconds: (v) => typeof v === 'number' },
    'bad-response': { detail: (v) => typeof v === 'string' },
  };
  const expected = fields[kind] ?? {};
  expect(Object.keys(rest).sort()).toEqual(Object.keys(expected).sort());
  for (const [name, check] of Object.entries(expected)) expect(check(rest[name]), `${kind}.${name}`).toBe(true);
}

const apiKeyArb = fc
  .tuple(fc.constantFrom('sk_live_', 'sk_test_', 'sk_'), fc.stringMatching(/^[A-Za-z0-9]{24,40}$/))
  .map(([prefix, rest]) => prefix + rest);

/** Header values a real Headers object accepts: printable ASCII and tabs. */
const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 }),
  fc.nat({ max: 10_000_000 }).map(String),
  fc.constantFrom('0', '-1', '1.5', '30', ' 30 ', 'Wed, 21 Oct 2015 07:28:00 GMT', 'Fri, 01 Jan 2100 00:00:00 GMT', 'soon'),
  fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
);
const headersArb = fc.record(
  {
    'Retry-After': headerValue,
    'Content-Type': fc.constantFrom('application/json', 'text/html', 'text/plain; charset=utf-8', ''),
    'X-Anything': headerValue,
  },
  { requiredKeys: [] },
);

/** Bodies a real network can give: the vendor's shapes, near misses, HTML, junk. */
function bodyArb(): fc.Arbitrary<string> {
  const errorBody = fc.record(
    {
      error: fc.oneof(fc.string(), fc.anything()),
      message: fc.oneof(fc.string(), fc.anything()),
      required: fc.oneof(fc.integer(), fc.double(), fc.anything()),
      available: fc.oneof(fc.integer(), fc.double(), fc.anything()),
      statusCode: fc.integer({ min: 100, max: 599 }),
      docs: fc.webUrl(),
    },
    { requiredKeys: [] },
  );
  const highlight = fc.record(
    {
      id: fc.oneof({ weight: 6, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String) }, { weight: 1, arbitrary: fc.anything() }),
      title: fc.oneof({ weight: 3, arbitrary: fc.string({ unit: 'binary' }) }, { weight: 1, arbitrary: fc.anything() }),
      owner: fc.record({ id: fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String), username: fc.string() }, { requiredKeys: [] }),
    },
    { requiredKeys: [] },
  );
  const successBody = fc.record(
    {
      success: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.anything() }),
      data: fc.record(
        {
          success: fc.constantFrom(true, true, true, false),
          highlights: fc.oneof(
            fc.array(highlight, { maxLength: 4 }),
            fc.dictionary(fc.nat(20).map(String), highlight, { maxKeys: 4 }),
          ),
        },
        { requiredKeys: ['highlights'] },
      ),
    },
    { requiredKeys: ['data'] },
  );
  const stringify = (v: unknown) => {
    try {
      return JSON.stringify(v) ?? '';
    } catch {
      return ''; // a BigInt inside
    }
  };
  return fc.oneof(
    { weight: 4, arbitrary: successBody.map(stringify) },
    fc.constant(''),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    errorBody.map(stringify),
    // The bare big-integer id form.
    fc.bigInt({ min: 2n ** 53n, max: 10n ** 22n }).map((id) => `{"success":true,"data":{"highlights":{"0":{"id":${id}}}}}`),
    fc.constantFrom(
      '<html><body><h1>502 Bad Gateway</h1></body></html>',
      '{"error":"Insufficient credits","required":1,"available":0}',
      '{"error":',
      'null',
      '[]',
    ),
  );
}

/** What the fake fetch does: answer (real Response, or a 1xx that Response cannot carry), fail, or fail mid-body. */
type Behaviour =
  | { type: 'respond'; status: number; body: string; headers: Record<string, string> }
  | { type: 'informational'; status: number; body: string }
  | { type: 'throw'; error: unknown }
  | { type: 'body-fails'; status: number };

const NULL_BODY_STATUSES = new Set([204, 205, 304]);

function behaviourArb(): fc.Arbitrary<Behaviour> {
  const status = fc.oneof(
    fc.integer({ min: 200, max: 599 }),
    fc.constantFrom(400, 401, 402, 403, 404, 429, 500, 502, 503, 504),
    fc.constant(200),
  );
  return fc.oneof(
    { weight: 8, arbitrary: fc.record({ type: fc.constant('respond' as const), status, body: bodyArb(), headers: headersArb }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('informational' as const), status: fc.integer({ min: 100, max: 199 }), body: bodyArb() }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('throw' as const), error: fc.oneof(fc.anything(), fc.constant(new TypeError('Failed to fetch')), fc.constant(new DOMException('aborted', 'AbortError'))) }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('body-fails' as const), status }) },
  );
}

function fakeFetch(behaviour: Behaviour) {
  return vi.fn<typeof globalThis.fetch>(async () => {
    switch (behaviour.type) {
      case 'respond':
        return new Response(NULL_BODY_STATUSES.has(behaviour.status) ? null : behaviour.body, {
          status: behaviour.status,
          headers: behaviour.headers,
        });
      case 'informational': {
        // Response refuses 1xx; a fetch implementation could still hand one over.
        const { body, status } = behaviour;
        return { status, ok: false, headers: new Headers(), text: async () => body } as unknown as Response;
      }
      case 'throw':
        throw behaviour.error;
      case 'body-fails':
        return new Response(
          new ReadableStream({
            start(controller) {
              controller.error(new TypeError('connection reset'));
            },
          }),
          { status: behaviour.status },
        );
    }
  });
}

const queryArb = fc.oneof(
  fc.record({ handle: fc.string({ maxLength: 40 }) }),
  fc.record({ userId: fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String) }),
);

describe('requestHighlights properties', () => {
  it('never throws, sends one request, returns a typed result and never echoes the key', async () => {
    await fc.assert(
      fc.asyncProperty(
        apiKeyArb,
        behaviourArb(),
        queryArb,
        async (apiKey, behaviour, query) => {
          const fetch = fakeFetch(behaviour);
          let result: ApiResult;
          try {
            result = await requestHighlights(query, { apiKey, fetch });
          } catch (error) {
            expect.fail(`requestHighlights threw ${String(error)}`);
          }

          expect(fetch).toHaveBeenCalledTimes(1);
          const [url, init] = fetch.mock.calls[0]!;
          expect(new Headers(init?.headers).get('X-API-Key')).toBe(apiKey);
          expect(String(url)).not.toContain(apiKey);

          expect(JSON.stringify(result)).not.toContain(apiKey);
          if (result.ok) {
            expect(behaviour.type === 'respond' && behaviour.status === 200).toBe(true);
            expect(Object.keys(result.value).sort()).toEqual(['highlights', 'ownerId', 'ownerUsername']);
            return;
          }
          expectErrorShape(result.error);
          if (behaviour.type === 'throw' || behaviour.type === 'body-fails') {
            expect(result.error).toEqual({ kind: 'network' });
          } else if (behaviour.status === 200) {
            expect(result.error.kind).toBe('bad-response');
          } else {
            expect(result.error.kind).toBe(kindForStatus(behaviour.status));
            if (result.error.kind === 'server-error' || result.error.kind === 'unexpected-status') {
              expect(result.error.status).toBe(behaviour.status);
            }
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a 200 with a list of string ids always succeeds, ids intact', async () => {
    await fc.assert(
      fc.asyncProperty(
        apiKeyArb,
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String), { maxLength: 6 }),
        fc.boolean(),
        async (apiKey, ids, bare) => {
          const items = ids.map((id, i) => `"${i}":{"id":${bare ? id : JSON.stringify(id)},"title":"t${i}"}`).join(',');
          const fetch = fakeFetch({ type: 'respond', status: 200, body: `{"success":true,"data":{"success":true,"highlights":{${items}}}}`, headers: {} });
          const result = await requestHighlights({ handle: 'nasa' }, { apiKey, fetch });
          expect(fetch).toHaveBeenCalledTimes(1);
          expect(result.ok && result.value.highlights.map((h) => h.id)).toEqual(ids);
          expect(JSON.stringify(result)).not.toContain(apiKey);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
