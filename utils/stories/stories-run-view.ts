/**
 * A stories run as the pages see it: whose highlights it covers, what it
 * would cost, and how far it is. Types only; the run itself is the
 * background's (entrypoints/background/stories/stories-run-machine.ts).
 */
import type { LookupErrorKind } from '../errors/lookup-error';
import type { RunPhase } from '../collections/run-record';
import type { Handle } from '../handle';

/** Whose highlights: a profile's (its cached list), or a collection's (its run's answers). */
export type StoriesRunOf = { profile: Handle } | { collection: string };

/** What the estimate says before anything is sent: highlights, how many the cache holds, and the credits for the rest. */
export interface StoriesEstimate {
  highlights: number;
  cached: number;
  credits: number;
}

/** How far a run is. */
export interface StoriesRunView {
  phase: RunPhase;
  /** Highlights whose stories are kept. */
  done: number;
  failed: number;
  total: number;
  /** Credits the run has spent. */
  spent: number;
  stopReason: LookupErrorKind | null;
  /** Why highlights failed, with how many each. */
  failures: Array<[LookupErrorKind, number]>;
}

/** Start's answer: the run under way, or, when the estimate is not the one the user confirmed (or there is no list), the estimate now. */
export type StoriesStartAnswer = { ok: true; view: StoriesRunView } | { ok: false; estimate: StoriesEstimate | null };
