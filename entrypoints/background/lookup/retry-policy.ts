import type { LookupError } from '@/utils/errors/lookup-error';

/** At most this many requests after the first. */
export const MAX_RETRIES = 2;
/** A Retry-After longer than this is left to the user rather than waited out in a popup. */
export const MAX_RETRY_AFTER_SECONDS = 10;
const BASE_DELAY_MS = 800;

/**
 * How long to wait before asking again, or null to stop. Only answers that
 * cannot have been charged are retried: 429 (the server asks for it) and
 * 502/503/504 (a proxy answered, not the API). Nothing else is retried: a
 * timeout may have been billed, and any other error would only come back.
 */
export function retryDelayMs(error: LookupError, retriesSoFar: number, random: () => number = Math.random): number | null {
  if (retriesSoFar >= MAX_RETRIES) return null;
  const backoff = BASE_DELAY_MS * 2 ** retriesSoFar;
  // A random delay in [backoff/2, backoff), so that many clients retrying do not line up.
  const jittered = Math.floor(backoff / 2 + (random() * backoff) / 2);
  if (error.kind === 'rate-limited') {
    // No Retry-After asks for no wait: the backoff alone.
    const asked = error.retryAfterSeconds ?? 0;
    if (asked > MAX_RETRY_AFTER_SECONDS) return null;
    return Math.max(asked * 1000, jittered);
  }
  if (error.kind === 'server-error' && (error.status === 502 || error.status === 503 || error.status === 504)) {
    return jittered;
  }
  return null;
}
