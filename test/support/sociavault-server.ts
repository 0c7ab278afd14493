import { createServer, type Server } from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DEFAULT_API_KEY,
  DEFAULT_SCENARIOS,
  ERROR_BODIES,
  JSON_TYPE,
  highlightsResponseBody,
  normalizeHandle,
  type Scenario,
  type Scenarios,
} from './scenarios';
import { closeServer, listen } from './net';
import type { TestCertificate } from './tls';

export { DEFAULT_API_KEY };
const HIGHLIGHTS_PATH = '/v1/scrape/instagram/highlights';
const CREDITS_PATH = '/v1/credits';

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
}

export interface SociaVaultOptions {
  tls: Pick<TestCertificate, 'key' | 'cert'>;
  validKeys?: string[];
  credits?: number;
  /** 0 (default) picks a free port. */
  port?: number;
  scenarios?: Scenarios;
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
  /** Forget requests and delay overrides, restore the starting credit balance. */
  reset(): void;
  close(): Promise<void>;
}

/** A local stand-in for https://api.sociavault.com speaking the documented protocol. */
export async function startSociaVault(opts: SociaVaultOptions): Promise<SociaVaultServer> {
  const validKeys = new Set(opts.validKeys ?? [DEFAULT_API_KEY]);
  const scenarios = opts.scenarios ?? DEFAULT_SCENARIOS;
  const initialCredits = opts.credits ?? 1000;
  const delays = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  let credits = initialCredits;

  const byOwnerId = new Map<string, string>();
  for (const [handle, s] of Object.entries(scenarios)) if (s.kind === 'profile') byOwnerId.set(s.ownerId, handle);

  const requests: RecordedRequest[] = [];

  function handle(req: IncomingMessage, res: ServerResponse): void {
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
    };
    requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished) record.aborted = true;
    });

    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      record.status = status;
      if (res.destroyed) return;
      res.writeHead(status, { ...CORS_HEADERS, 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    };
    const sendJson = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      send(status, JSON.stringify(body), { 'Content-Type': JSON_TYPE, ...headers });

    // Preflight never carries the key, so it is answered before the key check.
    if (record.method === 'OPTIONS') return send(204, '');
    if (record.apiKey === null || !validKeys.has(record.apiKey)) return sendJson(401, ERROR_BODIES.invalidKey);
    if (record.method !== 'GET') return sendJson(405, { error: 'Method not allowed' });

    if (url.pathname === CREDITS_PATH) {
      return sendJson(200, { credits, subscriptionStatus: 'active', subscriptionId: 'sub_test' });
    }
    if (url.pathname !== HIGHLIGHTS_PATH) return sendJson(404, ERROR_BODIES.notFound);

    const userId = url.searchParams.get('user_id')?.trim();
    const rawHandle = url.searchParams.get('handle');
    if (!userId && !rawHandle?.trim()) return sendJson(400, ERROR_BODIES.missingParam);
    if (credits <= 0) return sendJson(402, ERROR_BODIES.insufficientCredits);

    // user_id wins when both are given: the vendor calls it the faster path.
    const key = userId ? byOwnerId.get(userId) : normalizeHandle(rawHandle ?? '');
    // An own property only: a handle such as "constructor" must not find Object's.
    const scenario: Scenario | undefined = key !== undefined && Object.hasOwn(scenarios, key) ? scenarios[key] : undefined;
    const answer = () => {
      if (!scenario) return sendJson(404, ERROR_BODIES.userNotFound);
      if (scenario.kind === 'hangup') {
        record.aborted = true;
        req.socket.destroy();
        return;
      }
      const [status, body, headers] =
        scenario.kind === 'profile'
          ? [200, JSON.stringify(highlightsResponseBody(scenario)), { 'Content-Type': JSON_TYPE }]
          : [scenario.status, scenario.body, scenario.headers ?? {}];
      // Charged only when a 200 actually goes out, as the vendor bills successful requests.
      if (status === 200 && !res.destroyed) credits = Math.max(credits - 1, 0);
      send(status, body, headers);
    };

    const delay = (key !== undefined ? delays.get(key) : undefined) ?? scenario?.delayMs ?? 0;
    if (delay <= 0) return answer();
    const timer = setTimeout(() => {
      timers.delete(timer);
      answer();
    }, delay);
    timers.add(timer);
  }

  const server: Server = createServer({ key: opts.tls.key, cert: opts.tls.cert }, (req, res) => {
    try {
      handle(req, res);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': JSON_TYPE });
      res.end(JSON.stringify({ error: `fake server bug: ${String(err)}` }));
    }
  });
  await listen(server, opts.port ?? 0);
  const port = (server.address() as AddressInfo).port;

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
    reset() {
      requests.length = 0;
      delays.clear();
      credits = initialCredits;
    },
    close: () => closeServer(server, timers),
  };
}
