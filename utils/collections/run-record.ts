/**
 * A collection's run, as the background keeps it and the collection page
 * shows it. Plain data: it crosses the message boundary and lives in storage.
 *
 * A run is a small head (phase, counts, pace) and its profiles in parts of
 * at most RUN_PART_SIZE. Each step of a run changes one profile, so it
 * rewrites the head and one part: a bounded amount, however big the
 * collection (utils/collections/run-storage.ts says how they are stored).
 */
import type { LookupErrorKind } from '../errors/lookup-error';
import type { Handle } from '../profile-url';

/**
 * `new`: not in the run; `queued`/`running`: in the run; `done`: has its
 * answer; `failed`: an error other than the ones that stop a run.
 */
export type ItemStatus = 'new' | 'queued' | 'running' | 'done' | 'failed';
export const ITEM_STATUSES: readonly ItemStatus[] = ['new', 'queued', 'running', 'done', 'failed'];

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

/** Profiles in each status. */
export type StatusCounts = Record<ItemStatus, number>;

/**
 * `idle`: not started; `running`; `paused` by the user; `stopped` by itself
 * (rejected key, no credits, SociaVault asked to wait long): all done so far
 * is kept; `finished`; `cancelled`.
 */
export type RunPhase = 'idle' | 'running' | 'paused' | 'stopped' | 'finished' | 'cancelled';

/**
 * How fast the run goes: how many lookups it has out at once now (the
 * setting, or fewer after SociaVault answered 429), and what it measured.
 */
export interface RunPace {
  /** The setting this run goes by: never more lookups at once than this. */
  limit: number;
  /** Lookups at once now: at most `limit`; halved by a 429, one more after a run of answers. */
  current: number;
  /** Answers in a row since the last 429 or the last step up. */
  streak: number;
  /** 429s since the last answer: each one doubles our own wait when SociaVault names none. */
  strikes: number;
  /** No lookup starts before this (epoch ms): SociaVault's Retry-After, or our own wait. */
  holdUntil: number | null;
  /** Measured time between two profiles handled (ms, a moving average), for the time left. */
  msPerProfile: number | null;
  /** When the last profile was handled (epoch ms). */
  lastAt: number | null;
}

export interface RunHead {
  phase: RunPhase;
  /** Credits this run has spent (answers that were not in the cache). */
  spent: number;
  /** Why the run stopped by itself. */
  stopReason: LookupErrorKind | null;
  /** Epoch ms when the current stretch of running began (null while not running). */
  startedAt: number | null;
  counts: StatusCounts;
  /** Highlights in the answers of the done profiles. */
  highlights: number;
  /** How many parts the profiles are kept in. */
  parts: number;
  /** Goes up with every change; each part carries the `rev` of its last change, so a reader can tell old news. */
  rev: number;
  pace: RunPace;
}

/** Up to RUN_PART_SIZE profiles of a run, in the collection's order. */
export interface RunPart {
  rev: number;
  items: readonly RunItem[];
}

export interface CollectionRun {
  head: RunHead;
  parts: readonly RunPart[];
}

/** Profiles a collection holds at most. */
export const MAX_COLLECTION_SIZE = 10_000;

/** Profiles per stored part: a step rewrites about 3 kB. */
export const RUN_PART_SIZE = 100;

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

/** Lookups a run has out at once: the setting's bounds and default. */
export const CONCURRENCY_MIN = 1;
export const CONCURRENCY_MAX = 6;
export const DEFAULT_CONCURRENCY = 3;

/** What the user chose for every run: how many lookups at once, and whether to be told when a run ends. */
export interface RunSettings {
  concurrency: number;
  notify: boolean;
}

export const DEFAULT_RUN_SETTINGS: RunSettings = { concurrency: DEFAULT_CONCURRENCY, notify: false };

export function normaliseRunSettings(raw: unknown): RunSettings {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof RunSettings, unknown>>;
  const { concurrency, notify } = value;
  return {
    concurrency:
      typeof concurrency === 'number' && Number.isInteger(concurrency) && concurrency >= CONCURRENCY_MIN && concurrency <= CONCURRENCY_MAX
        ? concurrency
        : DEFAULT_CONCURRENCY,
    notify: notify === true,
  };
}

/** Errors after which going on would only fail again or cost more than the user meant: the run stops. */
export const STOPPING_ERRORS: ReadonlySet<LookupErrorKind> = new Set(['no-key', 'key-unusable', 'key-rejected', 'out-of-credits']);

export const emptyCounts = (): StatusCounts => ({ new: 0, queued: 0, running: 0, done: 0, failed: 0 });

export function initialPace(concurrency = DEFAULT_CONCURRENCY): RunPace {
  return { limit: concurrency, current: concurrency, streak: 0, strikes: 0, holdUntil: null, msPerProfile: null, lastAt: null };
}

export function emptyRun(): CollectionRun {
  return {
    head: { phase: 'idle', spent: 0, stopReason: null, startedAt: null, counts: emptyCounts(), highlights: 0, parts: 0, rev: 0, pace: initialPace() },
    parts: [],
  };
}

/** Profiles in the run, whatever their status. */
export function sizeOf(head: RunHead): number {
  const { counts } = head;
  return counts.new + counts.queued + counts.running + counts.done + counts.failed;
}

/** Profiles handled (done or failed) and in all, as the progress bar shows them. */
export function progressOf(head: RunHead): { handled: number; total: number } {
  return { handled: head.counts.done + head.counts.failed, total: sizeOf(head) };
}

/** Every profile of a run, in order. */
export function itemsOf(run: CollectionRun): RunItem[] {
  return run.parts.flatMap((part) => part.items);
}

export interface Estimate {
  profiles: number;
  cached: number;
  /** Lookups the run would send: one credit each. */
  lookups: number;
  /** Already done in this run (their answers are kept). */
  done: number;
}

/** What "Estimate" says before anything is spent. `cached`: handles whose answer is in the cache now. */
export function estimateRun(items: Iterable<RunItem>, cached: ReadonlySet<Handle>): Estimate {
  let profiles = 0;
  let cachedCount = 0;
  let lookups = 0;
  let done = 0;
  for (const item of items) {
    profiles++;
    if (item.status === 'done') done++;
    else if (cached.has(item.handle)) cachedCount++;
    else lookups++;
  }
  return { profiles, cached: cachedCount, lookups, done };
}
