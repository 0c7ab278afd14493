/**
 * How fast a collection run goes, as pure functions of its pace: how many
 * lookups may be out at once, how a 429 slows the run down, and how it
 * speeds up again. SociaVault's `Retry-After` is honoured; a long one stops
 * the run, with a message, rather than leaving it waiting unseen.
 */
import type { RunPace } from '@/utils/collections/run-record';

/** Answers in a row after which the run takes one more lookup at once (up to its setting). */
export const CLIMB_AFTER = 20;
/** A wait longer than this (seconds) stops the run: the user resumes it later. */
export const LONG_WAIT_SECONDS = 60;
/** Our own wait after a 429 that names none; it doubles with each 429 in a row. */
export const FIRST_WAIT_MS = 2000;
/** Weight of the newest measurement in the time per profile. */
const SMOOTHING = 0.1;

/** How many more lookups may start now, with `running` out. */
export function openSlots(pace: RunPace, running: number, now: number): number {
  if (pace.holdUntil !== null && now < pace.holdUntil) return 0;
  return Math.max(0, Math.min(pace.current, pace.limit) - running);
}

/** A profile handled (answered, or failed for a reason other than 429): the time per profile is measured. */
export function paceOnHandled(pace: RunPace, now: number, answered: boolean): RunPace {
  const gap = pace.lastAt === null ? null : Math.max(0, now - pace.lastAt);
  const msPerProfile = gap === null ? pace.msPerProfile : pace.msPerProfile === null ? gap : pace.msPerProfile + SMOOTHING * (gap - pace.msPerProfile);
  if (!answered) return { ...pace, msPerProfile, lastAt: now };
  const streak = pace.streak + 1;
  const climbs = streak >= CLIMB_AFTER && pace.current < pace.limit;
  return { ...pace, msPerProfile, lastAt: now, strikes: 0, streak: climbs ? 0 : streak, current: climbs ? pace.current + 1 : pace.current };
}

/**
 * SociaVault answered 429. The first 429 of a burst halves the lookups at
 * once and waits what it asks (`retryAfterSeconds`), or our own wait,
 * doubling with each 429 in a row; 429s to requests that were already out
 * during that wait only make it longer if they ask for more. `stop`: the
 * wait is too long to leave a run waiting unseen.
 */
export function paceOnRateLimit(pace: RunPace, retryAfterSeconds: number | null, now: number): { pace: RunPace; stop: boolean } {
  const waiting = pace.holdUntil !== null && now < pace.holdUntil;
  const strikes = waiting ? pace.strikes : pace.strikes + 1;
  const waitMs = retryAfterSeconds !== null ? retryAfterSeconds * 1000 : waiting ? 0 : FIRST_WAIT_MS * 2 ** (strikes - 1);
  const holdUntil = Math.max(pace.holdUntil ?? 0, now + waitMs);
  const next: RunPace = {
    ...pace,
    current: waiting ? pace.current : Math.max(1, Math.floor(pace.current / 2)),
    streak: 0,
    strikes,
    holdUntil,
  };
  return { pace: next, stop: holdUntil - now > LONG_WAIT_SECONDS * 1000 };
}

/** The user chose another number of lookups at once: the run goes by it from now. */
export function paceWithLimit(pace: RunPace, limit: number): RunPace {
  return { ...pace, limit, current: limit, streak: 0 };
}

/** A new stretch of running (start, resume, a new worker): the time between profiles is measured afresh. */
export function paceRestarted(pace: RunPace): RunPace {
  return { ...pace, lastAt: null };
}
