import { describe, expect, it } from 'vitest';
import { MAX_RETRIES, MAX_RETRY_AFTER_SECONDS, retryDelayMs } from '@/entrypoints/background/lookup/retry-policy';

describe('retryDelayMs', () => {
  it('backs off with jitter and stops after two retries', () => {
    const error = { kind: 'server-error', status: 503 } as const;
    expect(retryDelayMs(error, 0, () => 0)).toBe(400);
    expect(retryDelayMs(error, 0, () => 0.999)).toBeLessThan(800);
    expect(retryDelayMs(error, 1, () => 0)).toBe(800);
    expect(retryDelayMs(error, 2, () => 0)).toBeNull();
  });

  it.each([
    // [retries so far, random(), delay]: half the backoff plus random() times the other half.
    [0, 0, 400],
    [0, 0.5, 600],
    [0, 0.999, 799],
    [1, 0, 800],
    [1, 0.25, 1000],
    [1, 0.999, 1599],
  ])('after %i retries with random() = %d waits %i ms', (retries, random, delay) => {
    expect(retryDelayMs({ kind: 'server-error', status: 502 }, retries, () => random)).toBe(delay);
  });

  it.each([
    [{ kind: 'timeout', seconds: 20 }],
    [{ kind: 'network' }],
    [{ kind: 'server-error', status: 500 }],
    [{ kind: 'server-error', status: 501 }],
    [{ kind: 'server-error', status: 505 }],
    // A 502–504 that is not a proxy's answer of a server error is not retried either.
    [{ kind: 'unexpected-status', status: 503 }],
    [{ kind: 'out-of-credits', required: 1, available: 0 }],
    [{ kind: 'bad-response', detail: 'x' }],
  ] as const)('never retries %j', (error) => {
    expect(retryDelayMs(error, 0)).toBeNull();
  });
});

describe('retryDelayMs after a 429', () => {
  const rateLimited = (retryAfterSeconds: number | null) => ({ kind: 'rate-limited', retryAfterSeconds }) as const;

  it('waits what Retry-After asks, when that is longer than the backoff and within the cap', () => {
    expect(retryDelayMs(rateLimited(3), 0, () => 0)).toBe(3000);
    expect(retryDelayMs(rateLimited(MAX_RETRY_AFTER_SECONDS), 0, () => 0)).toBe(MAX_RETRY_AFTER_SECONDS * 1000);
    // A Retry-After of 0 does not make the client hammer: the backoff still applies.
    expect(retryDelayMs(rateLimited(0), 1, () => 0)).toBe(800);
  });

  it('waits the backoff when it is longer than Retry-After', () => {
    expect(retryDelayMs(rateLimited(1), 1, () => 0.5)).toBe(1200);
  });

  it('leaves a longer Retry-After to the user', () => {
    expect(retryDelayMs(rateLimited(MAX_RETRY_AFTER_SECONDS + 1), 0, () => 0)).toBeNull();
  });

  it('backs off without a Retry-After, and stops after the last retry', () => {
    expect(retryDelayMs(rateLimited(null), 0, () => 0)).toBe(400);
    expect(retryDelayMs(rateLimited(null), 1, () => 0.5)).toBe(1200);
    expect(retryDelayMs(rateLimited(null), MAX_RETRIES, () => 0)).toBeNull();
    expect(retryDelayMs(rateLimited(1), MAX_RETRIES, () => 0)).toBeNull();
  });

  it.each([502, 503, 504])('retries a %i from a proxy', (status) => {
    expect(retryDelayMs({ kind: 'server-error', status }, 0, () => 0)).toBe(400);
  });
});
