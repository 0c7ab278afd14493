import { createServer } from 'node:https';
import { constants as h2, createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DEFAULT_API_KEY,
  DEFAULT_DETAILS,
  DEFAULT_SCENARIOS,
  ERROR_BODIES,
  JSON_TYPE,
  detailIdDigits,
  detailScenarioFor,
  highlightDetailBody,
  highlightsResponseBody,
  normalizeHandle,
  type DetailScenario,
  type DetailScenarios,
  type Scenario,
  type Scenarios,
} from './scenarios';
import { closeServer, listen, type TlsServer } from './net';
import type { TestCertificate } from './tls';

export { DEFAULT_API_KEY };
/** The host the browser reaches this server as (its name is mapped to loopback). */
export const API_ORIGIN = 'https://api.sociavault.com';
/** The documented endpoints, written down here once rather than taken from the code under test. */
export const API_PATHS = {
  highlights: '/v1/scrape/instagram/highlights',
  highlightDetail: '/v1/scrape/instagram/highlight-detail',
  credits: '/v1/credits',
} as const;

/** highlight-detail's own refusals: no id, an id that is no highlight id, a highlight it does not know. */
export const DETAIL_ERROR_BODIES = {
  missingId: { error: 'Missing required parameter: id', endpoint: 'instagram/highlight-detail', credits_required: 1 },
  invalidId: { error: 'Invalid highlight id', endpoint: 'instagram/highlight-detail', credits_required: 1 },
  unknownHighlight: { error: 'Highlight not found' },
} as const;

/** Permissive on purpose: the extension's worker needs no CORS, but a page-side caller would. */
const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, OPTIONS',
  'Access-Control-Allow-Headers': 'X-API-Key, Content-Type',
  'Access-Control-Expose-Headers': 'Retry-After',
  'Access-Control-Max-Age': '600',
};

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  apiKey: string | null;
  /** 0 while the answer is still pending (e.g. a delayed scenario). */
  status: number;
  /** Date.now() when the request arrived. */
  at: number;
  /** The client went away before the answer was sent (e.g. it timed out). */
  aborted: boolean;
  /** The request target exactly as sent (path and query, not decoded). */
  url: string;
  /** Every request header as received (lower-case names). */
  headers: IncomingHttpHeaders;
  /** Highlights requests open when this one arrived, itself included (0 for other paths). */
  open: number;
}

export interface SociaVaultOptions extends SociaVaultContent {
  tls: Pick<TestCertificate, 'key' | 'cert'>;
  /** 0 (default) picks a free port. */
  port?: number;
  /**
   * Speak HTTP/2 (HTTP/1.1 still allowed), as a CDN-fronted API does. Over
   * HTTP/1.1 Chrome opens at most 6 connections to a host, so more requests
   * than that can only be in flight at once over HTTP/2.
   */
  http2?: boolean;
}

/** What a stand-in answers: which keys it accepts, which profiles it knows, the balance it starts from. */
export interface SociaVaultContent {
  validKeys?: string[];
  credits?: number;
  scenarios?: Scenarios;
  /**
   * highlight-detail's fixed answers by highlight id (digits), before the
   * stories it makes up for every highlight of `scenarios` (DEFAULT_DETAILS:
   * the failures, for the highlights of `storyerrors`).
   */
  details?: DetailScenarios;
}

export interface SociaVaultServer {
  port: number;
  /** https://127.0.0.1:<port>, for Node clients (browsers reach it as api.sociavault.com). */
  origin: string;
  requests: RecordedRequest[];
  credits: number;
  setCredits(n: number): void;
  /** Answer `handle` after `ms` (overrides the scenario's own delay); null removes the override. */
  setDelay(handle: string, ms: number | null): void;
  /** Answer highlight-detail for the highlight `id` (digits) after `ms`; null removes the override. */
  setDetailDelay(id: string, ms: number | null): void;
  /**
   * Answers the next `pass` highlights requests as usual, then holds the `hold`
   * after them and answers those all at once when the last one has arrived: each
   * held request has reached the server before any of them is answered.
   */
  holdHighlights(gate: { pass: number; hold: number }): void;
  /** How many highlights requests are held by `holdHighlights` right now. */
  readonly held: number;
  /**
   * A burst of "429 Too Many Requests": the `count` highlights requests
   * after the first `after` are answered 429, with `Retry-After:
   * retryAfter` (seconds) when given; the rest as usual. Nothing is charged
   * for a 429.
   */
  tooManyRequests(burst: { after: number; count: number; retryAfter: number | null }): void;
  /** Answers the held requests now and holds no more. */
  releaseHeld(): void;
  /**
   * How `/v1/credits` answers from now on: as usual (null), by dropping the
   * connection ('hangup': a network failure to the client), or with this
   * status and JSON body (a 5xx, …). The key check comes first, as for every path.
   */
  failCredits(how: 'hangup' | { status: number; body: unknown } | null): void;
  /** Holds every `/v1/credits` answer from now on, until `releaseCredits`. */
  holdCredits(): void;
  /** Sends the held `/v1/credits` answers and holds no more. */
  releaseCredits(): void;
  /** Forget requests, delay overrides, a hold (answering what it held) and credits failures; restore the starting credit balance. */
  reset(): void;
  /**
   * Answers from now on as a server started with `content` would (each part
   * left out takes its default), then resets. A browser kept across test
   * files reaches one stand-in; each file says what it should answer.
   */
  configure(content: SociaVaultContent): void;
  close(): Promise<void>;
}

/** Answers nothing: a network failure to the client. HTTP/2 resets this stream only; HTTP/1.1 drops the connection. */
function hangUp(req: IncomingMessage | Http2ServerRequest, record: RecordedRequest): void {
  record.aborted = true;
  if ('stream' in req) req.stream.close(h2.NGHTTP2_INTERNAL_ERROR);
  else req.socket.destroy();
}

/** A local stand-in for https://api.sociavault.com speaking the documented protocol. */
export async function startSociaVault(opts: SociaVaultOptions): Promise<SociaVaultServer> {
  let validKeys = new Set<string>();
  let scenarios: Scenarios = {};
  let details: DetailScenarios = {};
  let initialCredits = 0;
  const byOwnerId = new Map<string, string>();
  const delays = new Map<string, number>();
  const detailDelays = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  let credits = 0;

  const setContent = (content: SociaVaultContent) => {
    validKeys = new Set(content.validKeys ?? [DEFAULT_API_KEY]);
    scenarios = content.scenarios ?? DEFAULT_SCENARIOS;
    details = content.details ?? DEFAULT_DETAILS;
    initialCredits = content.credits ?? 1000;
    credits = initialCredits;
    byOwnerId.clear();
    for (const [handle, s] of Object.entries(scenarios)) if (s.kind === 'profile') byOwnerId.set(s.ownerId, handle);
  };
  setContent(opts);

  const requests: RecordedRequest[] = [];
  let creditsFailure: 'hangup' | { status: number; body: unknown } | null = null;
  let creditsHeld: Array<() => void> | null = null;
  const releaseCredits = () => {
    const answers = creditsHeld ?? [];
    creditsHeld = null;
    for (const answer of answers) answer();
  };
  let gate: { pass: number; hold: number; held: Array<() => void> } | null = null;
  let burst: { after: number; count: number; retryAfter: number | null } | null = null;
  /** Highlights requests not yet answered. */
  let open = 0;
  const releaseHeld = () => {
    const answers = gate?.held ?? [];
    gate = null;
    for (const answer of answers) answer();
  };

  function handle(req: IncomingMessage | Http2ServerRequest, res: ServerResponse | Http2ServerResponse): void {
    const url = new URL(req.url ?? '/', 'https://api.sociavault.com');
    const header = req.headers['x-api-key'];
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      apiKey: typeof header === 'string' ? header : null,
      status: 0,
      at: Date.now(),
      aborted: false,
      url: req.url ?? '/',
      headers: { ...req.headers },
      open: 0,
    };
    requests.push(record);
    // A highlights request counts as open from its arrival until its answer is sent (or the client goes away).
    let closed = url.pathname !== API_PATHS.highlights;
    const close = () => {
      if (!closed) open--;
      closed = true;
    };
    if (!closed) record.open = ++open;
    res.on('close', close);
    res.on('close', () => {
      if (!res.writableFinished) record.aborted = true;
    });

    const gone = () => ('stream' in res ? res.stream.destroyed : res.destroyed);
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      record.status = status;
      close();
      if (gone()) return;
      res.writeHead(status, { ...CORS_HEADERS, 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    };
    const sendJson = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      send(status, JSON.stringify(body), { 'Content-Type': JSON_TYPE, ...headers });

    // Preflight never carries the key, so it is answered before the key check.
    if (record.method === 'OPTIONS') return send(204, '');
    if (record.apiKey === null || !validKeys.has(record.apiKey)) return sendJson(401, ERROR_BODIES.invalidKey);
    if (record.method !== 'GET') return sendJson(405, { error: 'Method not allowed' });

    if (url.pathname === API_PATHS.credits) {
      const failure = creditsFailure;
      const answerCredits = () => {
        if (failure === 'hangup') return hangUp(req, record);
        if (failure) return sendJson(failure.status, failure.body);
        sendJson(200, { credits, subscriptionStatus: 'active', subscriptionId: 'sub_test' });
      };
      if (creditsHeld) creditsHeld.push(answerCredits);
      else answerCredits();
      return;
    }
    if (url.pathname === API_PATHS.highlightDetail) return answerDetail(url, req, record, send, sendJson, gone);
    if (url.pathname !== API_PATHS.highlights) return sendJson(404, ERROR_BODIES.notFound);

    const userId = url.searchParams.get('user_id')?.trim();
    const rawHandle = url.searchParams.get('handle');
    if (!userId && !rawHandle?.trim()) return sendJson(400, ERROR_BODIES.missingParam);
    if (credits <= 0) return sendJson(402, ERROR_BODIES.insufficientCredits);
    if (burst) {
      if (burst.after > 0) burst.after -= 1;
      else if (burst.count > 0) {
        burst.count -= 1;
        return sendJson(429, { error: 'Too many requests' }, burst.retryAfter === null ? {} : { 'Retry-After': String(burst.retryAfter) });
      }
    }

    // user_id wins when both are given: the vendor calls it the faster path.
    const key = userId ? byOwnerId.get(userId) : normalizeHandle(rawHandle ?? '');
    // An own property only: a handle such as "constructor" must not find Object's.
    const scenario: Scenario | undefined = key !== undefined && Object.hasOwn(scenarios, key) ? scenarios[key] : undefined;
    const answer = () => {
      if (!scenario) return sendJson(404, ERROR_BODIES.userNotFound);
      if (scenario.kind === 'hangup') return hangUp(req, record);
      const [status, body, headers] =
        scenario.kind === 'profile'
          ? [200, JSON.stringify(highlightsResponseBody(scenario)), { 'Content-Type': JSON_TYPE }]
          : [scenario.status, scenario.body, scenario.headers ?? {}];
      // Charged only when a 200 actually goes out, as the vendor bills successful requests.
      if (status === 200 && !gone()) credits = Math.max(credits - 1, 0);
      send(status, body, headers);
    };

    if (gate && gate.pass > 0) gate.pass -= 1;
    else if (gate) {
      gate.held.push(answer);
      if (gate.held.length >= gate.hold) releaseHeld();
      return;
    }
    const delay = (key !== undefined ? delays.get(key) : undefined) ?? scenario?.delayMs ?? 0;
    if (delay <= 0) return answer();
    const timer = setTimeout(() => {
      timers.delete(timer);
      answer();
    }, delay);
    timers.add(timer);
  }

  /** GET highlight-detail?id=<digits or highlight:<digits>>: a highlight's stories, 1 credit per 200. */
  function answerDetail(
    url: URL,
    req: IncomingMessage | Http2ServerRequest,
    record: RecordedRequest,
    send: (status: number, body: string, headers?: Record<string, string>) => void,
    sendJson: (status: number, body: unknown) => void,
    gone: () => boolean,
  ): void {
    const rawId = url.searchParams.get('id') ?? '';
    if (!rawId.trim()) return sendJson(400, DETAIL_ERROR_BODIES.missingId);
    const id = detailIdDigits(rawId);
    if (id === null) return sendJson(400, DETAIL_ERROR_BODIES.invalidId);
    if (credits <= 0) return sendJson(402, ERROR_BODIES.insufficientCredits);

    const scenario: DetailScenario | undefined = detailScenarioFor(id, scenarios, details);
    const answer = () => {
      if (!scenario) return sendJson(404, DETAIL_ERROR_BODIES.unknownHighlight);
      if (scenario.kind === 'hangup') return hangUp(req, record);
      const [status, body, headers] =
        scenario.kind === 'stories'
          ? [200, JSON.stringify(highlightDetailBody(scenario, Date.now())), { 'Content-Type': JSON_TYPE }]
          : [scenario.status, scenario.body, scenario.headers ?? {}];
      if (status === 200 && !gone()) credits = Math.max(credits - 1, 0);
      send(status, body, headers);
    };
    const delay = detailDelays.get(id) ?? scenario?.delayMs ?? 0;
    if (delay <= 0) return answer();
    const timer = setTimeout(() => {
      timers.delete(timer);
      answer();
    }, delay);
    timers.add(timer);
  }

  const onRequest = (req: IncomingMessage | Http2ServerRequest, res: ServerResponse | Http2ServerResponse) => {
    try {
      handle(req, res);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': JSON_TYPE });
      res.end(JSON.stringify({ error: `fake server bug: ${String(err)}` }));
    }
  };
  const tls = { key: opts.tls.key, cert: opts.tls.cert };
  const server: TlsServer = opts.http2
    ? createSecureServer({ ...tls, allowHTTP1: true }, onRequest)
    : createServer(tls, onRequest);
  await listen(server, opts.port ?? 0);
  const port = (server.address() as AddressInfo).port;

  const reset = () => {
    burst = null;
    releaseHeld();
    releaseCredits();
    creditsFailure = null;
    requests.length = 0;
    delays.clear();
    detailDelays.clear();
    credits = initialCredits;
  };

  return {
    port,
    origin: `https://127.0.0.1:${port}`,
    requests,
    get credits() {
      return credits;
    },
    set credits(n: number) {
      credits = n;
    },
    setCredits(n) {
      credits = n;
    },
    setDelay(handleName, ms) {
      if (ms === null) delays.delete(normalizeHandle(handleName));
      else delays.set(normalizeHandle(handleName), ms);
    },
    setDetailDelay(id, ms) {
      if (ms === null) detailDelays.delete(id);
      else detailDelays.set(id, ms);
    },
    holdHighlights({ pass, hold }) {
      gate = { pass, hold, held: [] };
    },
    get held() {
      return gate?.held.length ?? 0;
    },
    releaseHeld,
    tooManyRequests(next) {
      burst = { ...next };
    },
    failCredits(how) {
      creditsFailure = how;
    },
    holdCredits() {
      creditsHeld ??= [];
    },
    releaseCredits,
    reset,
    configure(content) {
      setContent(content);
      reset();
    },
    close: () => closeServer(server, timers),
  };
}
