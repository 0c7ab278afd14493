/**
 * A collection's run, as the background keeps it and the collection page
 * shows it. Plain data: it crosses the message boundary and lives in storage.
 */
import type { LookupErrorKind } from '../errors/lookup-error';
import type { Handle } from '../profile-url';

/**
 * `new`: not looked up in this run; `cached`: an answer is in the cache (free);
 * `queued`/`running`: in the run; `done`: has its answer; `failed`: an error
 * other than the ones that stop a run.
 */
export type ItemStatus = 'new' | 'cached' | 'queued' | 'running' | 'done' | 'failed';

export interface RunItem {
  handle: Handle;
  status: ItemStatus;
  /** Highlights in its answer, once done. */
  count: number | null;
  /** Why it failed. */
  error: LookupErrorKind | null;
  /** Whether its answer cost a credit in this run. */
  paid: boolean;
}

/**
 * `idle`: not started; `running`; `paused` by the user; `stopped` by itself
 * (rejected key, no credits): all done so far is kept; `finished`; `cancelled`.
 */
export type RunPhase = 'idle' | 'running' | 'paused' | 'stopped' | 'finished' | 'cancelled';

export interface CollectionRun {
  phase: RunPhase;
  items: RunItem[];
  /** Credits this run has spent (answers that were not in the cache). */
  spent: number;
  /** Why the run stopped by itself. */
  stopReason: LookupErrorKind | null;
  /**
   * Epoch ms when the current stretch of running began (null while not
   * running). The page measures its pace for "time left" from there.
   */
  startedAt: number | null;
}

/** Profiles a collection holds at most. */
export const MAX_COLLECTION_SIZE = 1000;

/** The collection "Add to collection" adds to unless told otherwise. */
export const DEFAULT_COLLECTION_ID = 'default';

/** A collection as the pages see it; `name` null: the default one, named in the user's language. */
export interface CollectionView {
  id: string;
  name: string | null;
  run: CollectionRun;
  /** Profiles not yet under way whose answer is in the cache now: a run takes them for free. */
  cached: string[];
}

/** How many lookups a run has going at once: fast enough, yet gentle on the API and on the machine. */
export const RUN_CONCURRENCY = 2;

/** Errors after which going on would only fail again or cost more than the user meant: the run stops. */
export const STOPPING_ERRORS: ReadonlySet<LookupErrorKind> = new Set(['no-key', 'key-unusable', 'key-rejected', 'out-of-credits']);

export interface Estimate {
  profiles: number;
  cached: number;
  /** Lookups the run would send: one credit each. */
  lookups: number;
  /** Already done in this run (their answers are kept). */
  done: number;
}

/** What "Estimate" says before anything is spent. `cached`: handles whose answer is in the cache now. */
export function estimateRun(run: CollectionRun, cached: ReadonlySet<Handle>): Estimate {
  let cachedCount = 0;
  let lookups = 0;
  let done = 0;
  for (const item of run.items) {
    if (item.status === 'done') done++;
    else if (cached.has(item.handle)) cachedCount++;
    else lookups++;
  }
  return { profiles: run.items.length, cached: cachedCount, lookups, done };
}
