import { describe, expect, it } from 'vitest';
import { createRateLimiter, memoryTimestamps } from '@/entrypoints/background/tabs/rate-limit';

describe('createRateLimiter', () => {
  it('allows max per window, then again once the window slides', async () => {
    let t = 0;
    const limiter = createRateLimiter({ max: 2, windowMs: 1000, now: () => t });
    expect(await Promise.all([limiter.tryTake(), limiter.tryTake(), limiter.tryTake()])).toEqual([true, true, false]);
    t = 999;
    expect(await limiter.tryTake()).toBe(false);
    t = 1000;
    expect(await limiter.tryTake()).toBe(true);
  });

  it('a new limiter on the same store (a restarted worker) keeps counting', async () => {
    const store = memoryTimestamps();
    const first = createRateLimiter({ max: 2, windowMs: 60_000, store, now: () => 5 });
    expect([await first.tryTake(), await first.tryTake()]).toEqual([true, true]);
    const second = createRateLimiter({ max: 2, windowMs: 60_000, store, now: () => 6 });
    expect(await second.tryTake()).toBe(false);
  });

  it('ignores junk in the store', async () => {
    const store = memoryTimestamps();
    await store.setValue(['x', null, 1e15] as never);
    expect(await createRateLimiter({ max: 1, windowMs: 1000, store, now: () => 10 }).tryTake()).toBe(true);
  });
});
