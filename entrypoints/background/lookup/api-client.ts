import { parseJsonExact } from './exact-json';
import { parseErrorBody, parseHighlightsBody, type ParsedHighlights } from './highlights-response';
import type { Balance } from '@/utils/account/balance';
import type { LookupError } from '@/utils/errors/lookup-error';

export const API_BASE_URL = 'https://api.sociavault.com';
export const HIGHLIGHTS_PATH = '/v1/scrape/instagram/highlights';
export const HIGHLIGHT_DETAIL_PATH = '/v1/scrape/instagram/highlight-detail';
export const CREDITS_PATH = '/v1/credits';
/** Well under the 30 s a user will wait; the vendor answers in a few seconds. */
export const REQUEST_TIMEOUT_MS = 20_000;

/** Look up by the owner's numeric id when known (faster), else by handle. */
export type HighlightsQuery = { userId: string } | { handle: string };

export interface ApiClientOptions {
  apiKey: string;
  baseUrl?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export type ApiResult =
  | { ok: true; value: ParsedHighlights; creditsUsed: number | null }
  | { ok: false; error: LookupError };

export type BalanceResult = { ok: true; value: Balance } | { ok: false; error: LookupError };

export function highlightsUrl(query: HighlightsQuery, baseUrl = API_BASE_URL): string {
  const url = new URL(HIGHLIGHTS_PATH, baseUrl);
  if ('userId' in query) url.searchParams.set('user_id', query.userId);
  else url.searchParams.set('handle', query.handle);
  return url.href;
}

/** `body`: the text parsed exactly, undefined when it is not JSON. */
type Fetched = { ok: true; status: number; body: unknown; text: string; headers: Headers } | { ok: false; error: LookupError };

/** One GET with the key: exactly one request, never retried here. */
async function getJson(url: string, options: ApiClientOptions): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const failed = (): Fetched => ({
    ok: false,
    error: timedOut ? { kind: 'timeout', seconds: Math.round(timeoutMs / 1000) } : { kind: 'network' },
  });

  try {
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        method: 'GET',
        headers: { 'X-API-Key': options.apiKey, Accept: 'application/json' },
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
      });
      text = await response.text();
    } catch {
      return failed();
    }
    let body: unknown;
    try {
      body = parseJsonExact(text);
    } catch {
      body = undefined;
    }
    return { ok: true, status: response.status, body, text, headers: response.headers };
  } finally {
    clearTimeout(timer);
  }
}

/** What any answer but a 200 means, with the key never echoed back. */
function failure(fetched: Extract<Fetched, { ok: true }>, apiKey: string): { ok: false; error: LookupError } {
  return { ok: false, error: withoutSecret(errorForStatus(fetched.status, fetched.body, fetched.headers), apiKey) };
}

/** One GET of the highlights endpoint (1 credit when it answers 200). */
export async function requestHighlights(query: HighlightsQuery, options: ApiClientOptions): Promise<ApiResult> {
  const fetched = await getJson(highlightsUrl(query, options.baseUrl), options);
  if (!fetched.ok) return fetched;
  if (fetched.status !== 200) return failure(fetched, options.apiKey);
  if (fetched.body === undefined) return { ok: false, error: { kind: 'bad-response', detail: 'the body is not JSON' } };
  const parsed = parseHighlightsBody(fetched.body);
  if (!parsed.ok) return { ok: false, error: { kind: 'bad-response', detail: parsed.detail } };
  return { ok: true, value: parsed.value, creditsUsed: creditsUsedOf(fetched.body) };
}

/** A 200 answer of highlight-detail, its body parsed exactly and its text as sent (for an answer no reader knows). */
export type DetailResult = { ok: true; body: unknown; text: string; creditsUsed: number | null } | { ok: false; error: LookupError };

/** One GET of highlight-detail for `highlightId` (digits; 1 credit when it answers 200). Its shape is read by ../stories/. */
export async function requestHighlightDetail(highlightId: string, options: ApiClientOptions): Promise<DetailResult> {
  const url = new URL(HIGHLIGHT_DETAIL_PATH, options.baseUrl ?? API_BASE_URL);
  url.searchParams.set('id', highlightId);
  const fetched = await getJson(url.href, options);
  if (!fetched.ok) return fetched;
  if (fetched.status !== 200) return failure(fetched, options.apiKey);
  if (fetched.body === undefined) return { ok: false, error: { kind: 'bad-response', detail: 'the body is not JSON' } };
  return { ok: true, body: fetched.body, text: fetched.text, creditsUsed: creditsUsedOf(fetched.body) };
}

/** `credits_used` of a 200 answer, when it says. */
function creditsUsedOf(body: unknown): number | null {
  const used = (body as { credits_used?: unknown } | null)?.credits_used;
  return typeof used === 'number' && Number.isInteger(used) && used >= 0 && used < 1_000 ? used : null;
}

/** One GET of the balance endpoint, which the vendor marks with no credit cost. */
export async function requestBalance(options: ApiClientOptions): Promise<BalanceResult> {
  const fetched = await getJson(new URL(CREDITS_PATH, options.baseUrl ?? API_BASE_URL).href, options);
  if (!fetched.ok) return fetched;
  if (fetched.status !== 200) return failure(fetched, options.apiKey);
  const balance = parseBalanceBody(fetched.body);
  return balance ? { ok: true, value: balance } : { ok: false, error: { kind: 'bad-response', detail: 'the body has no credits count' } };
}

/** `{credits, subscriptionStatus, subscriptionId}` as the vendor documents it, or null. */
export function parseBalanceBody(body: unknown): Balance | null {
  if (typeof body !== 'object' || body === null) return null;
  const { credits, subscriptionStatus, subscriptionId } = body as Record<string, unknown>;
  if (typeof credits !== 'number' || !Number.isFinite(credits) || credits < 0) return null;
  return {
    credits: Math.floor(credits),
    status: typeof subscriptionStatus === 'string' && /^[a-z_]{1,30}$/.test(subscriptionStatus) ? subscriptionStatus : null,
    subscriptionId: typeof subscriptionId === 'string' ? subscriptionId.slice(0, 100) : null,
  };
}

/** A server that echoes the key in its error text must not get it shown or stored. */
function withoutSecret(error: LookupError, apiKey: string): LookupError {
  if (!('message' in error) || !error.message || !apiKey) return error;
  return { ...error, message: error.message.split(apiKey).join('[your API key]') };
}

/** Maps a non-200 answer to the error the popup explains. */
export function errorForStatus(status: number, body: unknown, headers: Headers): LookupError {
  const said = parseErrorBody(body);
  const message = said.message ?? said.error ?? null;
  switch (status) {
    case 400:
      return { kind: 'bad-request', message };
    case 401:
      return { kind: 'key-rejected', message };
    case 402:
    case 403:
      return { kind: 'out-of-credits', required: said.required ?? null, available: said.available ?? null };
    case 404:
      return { kind: 'not-found' };
    case 429:
      return { kind: 'rate-limited', retryAfterSeconds: parseRetryAfter(headers.get('Retry-After')) };
  }
  if (status >= 500 && status <= 599) return { kind: 'server-error', status };
  return { kind: 'unexpected-status', status };
}

/** `Retry-After` is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d{1,7}$/.test(trimmed)) return Number(trimmed);
  // An HTTP date names its weekday and month; V8 would read "-1" or "1.5" as dates.
  if (!/^[A-Za-z]{3}, /.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
