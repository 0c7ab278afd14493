import { parseJsonExact } from './exact-json';
import { parseErrorBody, parseHighlightsBody, type ParsedHighlights } from './highlights-response';
import type { LookupError } from '@/utils/lookup-error';

export const API_BASE_URL = 'https://api.sociavault.com';
export const HIGHLIGHTS_PATH = '/v1/scrape/instagram/highlights';
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

export type ApiResult = { ok: true; value: ParsedHighlights } | { ok: false; error: LookupError };

export function highlightsUrl(query: HighlightsQuery, baseUrl = API_BASE_URL): string {
  const url = new URL(HIGHLIGHTS_PATH, baseUrl);
  if ('userId' in query) url.searchParams.set('user_id', query.userId);
  else url.searchParams.set('handle', query.handle);
  return url.href;
}

/** One GET of the highlights endpoint: exactly one request, never retried here. */
export async function requestHighlights(
  query: HighlightsQuery,
  options: ApiClientOptions,
): Promise<ApiResult> {
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const timeout: LookupError = { kind: 'timeout', seconds: Math.round(timeoutMs / 1000) };

  try {
    let response: Response;
    try {
      response = await doFetch(highlightsUrl(query, options.baseUrl), {
        method: 'GET',
        headers: { 'X-API-Key': options.apiKey, Accept: 'application/json' },
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
      });
    } catch {
      return { ok: false, error: timedOut ? timeout : { kind: 'network' } };
    }

    let text: string;
    try {
      text = await response.text();
    } catch {
      return { ok: false, error: timedOut ? timeout : { kind: 'network' } };
    }
    let body: unknown;
    try {
      body = parseJsonExact(text);
    } catch {
      body = undefined;
    }

    if (response.status === 200) {
      if (body === undefined) return { ok: false, error: { kind: 'bad-response', detail: 'the body is not JSON' } };
      const parsed = parseHighlightsBody(body);
      return parsed.ok
        ? { ok: true, value: parsed.value }
        : { ok: false, error: { kind: 'bad-response', detail: parsed.detail } };
    }
    return { ok: false, error: withoutSecret(errorForStatus(response.status, body, response.headers), options.apiKey) };
  } finally {
    clearTimeout(timer);
  }
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
