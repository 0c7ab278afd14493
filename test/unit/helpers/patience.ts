/**
 * For vi.waitFor: how long to wait for something that will happen, before
 * calling it a hang. Not a time limit: vitest's default (1 s) fails on a
 * shared two-core machine under load, where a microtask-paced background
 * step can take seconds.
 */
export const PATIENT = { timeout: 60_000, interval: 5 } as const;
