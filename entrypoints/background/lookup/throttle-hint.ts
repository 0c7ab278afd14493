import type { LookupError } from '@/utils/errors/lookup-error';

/** Any answer of the API client: a success of some kind, or a failure. */
type Result = { ok: true } | { ok: false; error: LookupError };

/** How long after a 5xx a network failure is blamed on the browser's throttling. */
const THROTTLE_WINDOW_MS = 5 * 60_000;

/**
 * Chrome holds back an extension's requests to a server for up to a few
 * minutes after 5xx answers, and fetch reports that as a plain network
 * failure. Remembering the last 5xx lets the popup say what really happened.
 */
export function createThrottleHint(now: () => number) {
  let lastServerError: { status: number; at: number } | null = null;
  return function explain<R extends Result>(result: R): R {
    if (result.ok) {
      lastServerError = null;
      return result;
    }
    const { error } = result;
    if (error.kind === 'server-error') lastServerError = { status: error.status, at: now() };
    if (error.kind === 'network' && lastServerError && now() - lastServerError.at < THROTTLE_WINDOW_MS) {
      return { ...result, error: { kind: 'network', afterServerError: lastServerError.status } };
    }
    return result;
  };
}
