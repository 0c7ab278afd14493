import { describe, expect, it } from 'vitest';
import {
  CLIMB_AFTER,
  FIRST_WAIT_MS,
  LONG_WAIT_SECONDS,
  openSlots,
  paceOnHandled,
  paceOnRateLimit,
  paceRestarted,
  paceWithLimit,
} from '@/entrypoints/background/collections/pace-policy';
import { initialPace, type RunPace } from '@/utils/collections/run-record';

const answers = (pace: RunPace, n: number, from = 0, every = 100) => {
  let next = pace;
  for (let i = 0; i < n; i++) next = paceOnHandled(next, from + i * every, true);
  return next;
};

describe('lookups at once', () => {
  it('as many as the setting, less what is out; none while SociaVault asked to wait', () => {
    const pace = initialPace(3);
    expect([0, 1, 3, 5].map((running) => openSlots(pace, running, 0))).toEqual([3, 2, 0, 0]);
    expect(openSlots({ ...pace, holdUntil: 1_000 }, 0, 999)).toBe(0);
    expect(openSlots({ ...pace, holdUntil: 1_000 }, 0, 1_000)).toBe(3);
  });

  it('a 429 halves them (never below one) and waits the Retry-After', () => {
    const { pace, stop } = paceOnRateLimit(initialPace(6), 7, 10_000);
    expect(pace).toMatchObject({ current: 3, holdUntil: 17_000, streak: 0, strikes: 1 });
    expect(stop).toBe(false);
    expect(paceOnRateLimit({ ...initialPace(1) }, 1, 0).pace.current).toBe(1);
    expect(paceOnRateLimit({ ...initialPace(5) }, 1, 0).pace.current).toBe(2);
  });

  it('halves once for a burst: the 429s of requests already out during the wait only make it longer if they ask', () => {
    let { pace } = paceOnRateLimit(initialPace(6), 2, 0);
    ({ pace } = paceOnRateLimit(pace, null, 500));
    expect(pace).toMatchObject({ current: 3, holdUntil: 2_000, strikes: 1 });
    ({ pace } = paceOnRateLimit(pace, 4, 600));
    expect(pace).toMatchObject({ current: 3, holdUntil: 4_600 });
    // After the wait, a new 429 is a new burst.
    ({ pace } = paceOnRateLimit(pace, 1, 5_000));
    expect(pace).toMatchObject({ current: 1, holdUntil: 6_000, strikes: 2 });
  });

  it('without a Retry-After, waits on its own, twice as long with each 429 in a row', () => {
    let { pace } = paceOnRateLimit(initialPace(6), null, 0);
    expect(pace.holdUntil).toBe(FIRST_WAIT_MS);
    ({ pace } = paceOnRateLimit(pace, null, pace.holdUntil!));
    expect(pace.holdUntil! - FIRST_WAIT_MS).toBe(2 * FIRST_WAIT_MS);
    // An answer in between starts the count again.
    pace = paceOnHandled(pace, 10_000, true);
    ({ pace } = paceOnRateLimit(pace, null, 20_000));
    expect(pace.holdUntil).toBe(20_000 + FIRST_WAIT_MS);
  });

  it('a wait longer than a minute stops the run; so do 429s that keep coming', () => {
    expect(paceOnRateLimit(initialPace(3), LONG_WAIT_SECONDS, 0).stop).toBe(false);
    expect(paceOnRateLimit(initialPace(3), LONG_WAIT_SECONDS + 1, 0).stop).toBe(true);
    let pace = initialPace(3);
    let stops = 0;
    let at = 0;
    for (; stops === 0 && at < 1e9; ) {
      const next = paceOnRateLimit(pace, null, at);
      pace = next.pace;
      at = pace.holdUntil!;
      if (next.stop) stops++;
    }
    expect(pace.strikes).toBe(Math.ceil(Math.log2((LONG_WAIT_SECONDS * 1000) / FIRST_WAIT_MS)) + 1);
  });

  it(`climbs back one at a time after ${CLIMB_AFTER} answers in a row, never above the setting`, () => {
    let pace = paceOnRateLimit(initialPace(6), 0, 0).pace;
    expect(pace.current).toBe(3);
    pace = answers(pace, CLIMB_AFTER - 1);
    expect(pace.current).toBe(3);
    pace = answers(pace, 1);
    expect(pace.current).toBe(4);
    pace = answers(pace, CLIMB_AFTER * 10);
    expect(pace.current).toBe(6);
    // A failure that is not a 429 neither climbs nor falls.
    expect(paceOnHandled(pace, 0, false)).toMatchObject({ current: 6, streak: pace.streak });
  });

  it('a new setting applies at once; a wait SociaVault asked for still holds', () => {
    const held = paceOnRateLimit(initialPace(6), 30, 0).pace;
    expect(paceWithLimit(held, 2)).toMatchObject({ limit: 2, current: 2, holdUntil: 30_000 });
  });
});

describe('the time per profile', () => {
  it('is the time between two profiles handled, averaged over the last few dozen, measured afresh after a pause', () => {
    let pace = answers(initialPace(3), 50, 0, 40);
    expect(pace.msPerProfile).toBeCloseTo(40, 5);
    pace = answers(pace, 200, pace.lastAt! + 100, 100);
    expect(pace.msPerProfile!).toBeGreaterThan(99);
    // A pause of an hour is not a profile that took an hour.
    pace = paceRestarted(pace);
    pace = answers(pace, 1, 3_600_000);
    expect(pace.msPerProfile!).toBeLessThan(101);
  });
});
