/**
 * How a run is kept in storage.local, read back by the background and
 * followed by the collection page: the head under `collection:<id>`, the
 * profiles in parts under `collectionPart:<id>:<n>`, each profile a short
 * array. Whatever storage holds is checked on the way in: what does not fit
 * is dropped, a profile seen twice counts once.
 */
import { LOOKUP_ERROR_KINDS, type LookupErrorKind } from '../errors/lookup-error';
import { toHandle, type Handle } from '../profile-url';
import { COLLECTION_PART_PREFIX, COLLECTION_PREFIX } from '../storage-keys';
import {
  CONCURRENCY_MAX,
  CONCURRENCY_MIN,
  emptyCounts,
  emptyRun,
  initialPace,
  ITEM_STATUSES,
  type CollectionRun,
  type ItemStatus,
  type RunHead,
  type RunItem,
  type RunPace,
  type RunPart,
  type RunPhase,
  type RunSettings,
} from './run-record';

/**
 * What the background tells open collection pages, on a BroadcastChannel of
 * this name, so that a page hears of a run's progress without listening to
 * every change of storage.local (the cache's answers, the owner ids):
 * - `run`: storage now holds these keys of collection `id`'s run (a head
 *   removed: `{}`), written over the state of `prevRev`;
 * - `listing`: the list of collections changed;
 * - `settings`: the run settings changed;
 * - `cache`: an answer came into the cache, or the cache was cleared.
 */
export const COLLECTION_NEWS = 'collection-news';
export type CollectionNews =
  | { kind: 'run'; id: string; prevRev: number; changes: Record<string, { newValue?: unknown }> }
  | { kind: 'listing' }
  | { kind: 'settings'; settings: RunSettings }
  | { kind: 'cache' };

/** The head's shape version: 1 kept every profile in the head, 2 keeps them in parts. */
export const RUN_FORMAT = 2;

export const runHeadKey = (id: string) => `${COLLECTION_PREFIX}${id}`;
export const runPartKey = (id: string, part: number) => `${COLLECTION_PART_PREFIX}${id}:${part}`;

/** A profile as stored: [handle, status, count, error, paid (1) or not (0)]. */
export type StoredItem = [string, ItemStatus, number | null, LookupErrorKind | null, 0 | 1];
export interface StoredPart {
  rev: number;
  items: StoredItem[];
}
export type StoredHead = RunHead & { v: typeof RUN_FORMAT };

const PHASES: ReadonlySet<string> = new Set<RunPhase>(['idle', 'running', 'paused', 'stopped', 'finished', 'cancelled']);
const STATUSES: ReadonlySet<string> = new Set(ITEM_STATUSES);
const ERRORS: ReadonlySet<string> = new Set(LOOKUP_ERROR_KINDS);

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export function encodePart(part: RunPart): StoredPart {
  return { rev: part.rev, items: part.items.map((item) => [item.handle, item.status, item.count, item.error, item.paid ? 1 : 0]) };
}

export function encodeHead(head: RunHead): StoredHead {
  return { v: RUN_FORMAT, ...head };
}

/** One stored profile, or null when it is not one. `cached` (a status of format 1) reads as new. */
function readItem(raw: unknown): RunItem | null {
  const [name, status, count, error, paid] = Array.isArray(raw) ? (raw as unknown[]) : [];
  const handle = typeof name === 'string' ? toHandle(name) : null;
  if (!handle || handle !== name) return null;
  const known = status === 'cached' ? 'new' : status;
  if (typeof known !== 'string' || !STATUSES.has(known)) return null;
  return {
    handle,
    status: known as ItemStatus,
    count: isCount(count) ? count : null,
    error: typeof error === 'string' && ERRORS.has(error) ? (error as LookupErrorKind) : null,
    paid: paid === 1,
  };
}

/** A stored part; `seen` collects the handles of the parts before it, so that a profile counts once. */
export function decodePart(raw: unknown, seen: Set<Handle> = new Set()): RunPart {
  const part = raw as Partial<StoredPart> | null | undefined;
  const items: RunItem[] = [];
  for (const stored of Array.isArray(part?.items) ? part.items : []) {
    const item = readItem(stored);
    if (!item || seen.has(item.handle)) continue;
    seen.add(item.handle);
    items.push(item);
  }
  return { rev: isCount(part?.rev) ? part.rev : 0, items };
}

function decodePace(raw: unknown): RunPace {
  const pace = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof RunPace, unknown>>;
  const limit = isCount(pace.limit) && pace.limit >= CONCURRENCY_MIN && pace.limit <= CONCURRENCY_MAX ? pace.limit : initialPace().limit;
  return {
    limit,
    current: isCount(pace.current) && pace.current >= 1 ? Math.min(pace.current, limit) : limit,
    streak: isCount(pace.streak) ? pace.streak : 0,
    strikes: isCount(pace.strikes) ? pace.strikes : 0,
    holdUntil: isTime(pace.holdUntil) ? pace.holdUntil : null,
    msPerProfile: isTime(pace.msPerProfile) && pace.msPerProfile >= 0 ? pace.msPerProfile : null,
    lastAt: isTime(pace.lastAt) ? pace.lastAt : null,
  };
}

/**
 * A stored head of format 2, or null. Its counts are taken as stored; the
 * background counts again from the parts when it loads a run.
 */
export function decodeHead(raw: unknown): RunHead | null {
  const head = raw as Partial<StoredHead> | null | undefined;
  if (typeof head !== 'object' || head === null || head.v !== RUN_FORMAT) return null;
  const counts = emptyCounts();
  for (const status of ITEM_STATUSES) {
    const n = (head.counts as Partial<Record<ItemStatus, unknown>> | undefined)?.[status];
    if (isCount(n)) counts[status] = n;
  }
  return {
    phase: PHASES.has(String(head.phase)) ? head.phase! : 'idle',
    spent: isCount(head.spent) ? head.spent : 0,
    stopReason: typeof head.stopReason === 'string' && ERRORS.has(head.stopReason) ? head.stopReason : null,
    startedAt: isTime(head.startedAt) ? head.startedAt : null,
    counts,
    highlights: isCount(head.highlights) ? head.highlights : 0,
    parts: isCount(head.parts) ? head.parts : 0,
    rev: isCount(head.rev) ? head.rev : 0,
    pace: decodePace(head.pace),
  };
}

/**
 * A run as format 1 kept it (every profile in the head, as objects), read as
 * its profiles and head; null when `raw` is not one.
 */
export function decodeLegacyRun(raw: unknown): { head: RunHead; items: RunItem[] } | null {
  const run = raw as { phase?: unknown; items?: unknown; spent?: unknown; stopReason?: unknown; startedAt?: unknown } | null | undefined;
  if (typeof run !== 'object' || run === null || !Array.isArray(run.items)) return null;
  const seen = new Set<Handle>();
  const items: RunItem[] = [];
  for (const entry of run.items as unknown[]) {
    const object = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const item = readItem([object.handle, object.status, object.count, object.error, object.paid === true ? 1 : 0]);
    if (!item || seen.has(item.handle)) continue;
    seen.add(item.handle);
    items.push(item);
  }
  const { head } = emptyRun();
  return {
    head: {
      ...head,
      phase: PHASES.has(String(run.phase)) ? (run.phase as RunPhase) : 'idle',
      spent: isCount(run.spent) ? run.spent : 0,
      stopReason: typeof run.stopReason === 'string' && ERRORS.has(run.stopReason) ? (run.stopReason as LookupErrorKind) : null,
      startedAt: isTime(run.startedAt) ? run.startedAt : null,
    },
    items,
  };
}

/**
 * What a reader of storage (the collection page) makes of one changed key of
 * the run it shows: a newer head or part replaces the one it has; an older one
 * (a change it has already seen, arriving late) is ignored. `key` must be
 * collection `id`'s; anything else leaves the run as it is.
 */
export function applyStoredChange(run: CollectionRun, id: string, key: string, value: unknown): CollectionRun {
  if (key === runHeadKey(id)) {
    const head = value === undefined ? emptyRun().head : decodeHead(value);
    if (!head || (value !== undefined && head.rev <= run.head.rev)) return run;
    const parts = run.parts.slice(0, head.parts);
    while (parts.length < head.parts) parts.push({ rev: 0, items: [] });
    return { head, parts };
  }
  const prefix = `${COLLECTION_PART_PREFIX}${id}:`;
  if (!key.startsWith(prefix) || value === undefined) return run;
  const index = Number(key.slice(prefix.length));
  // A change of storage names the head before its parts (applyStoredChanges), so a new part is within the head's count.
  if (!Number.isInteger(index) || index < 0 || index >= run.head.parts) return run;
  const part = decodePart(value);
  if (part.rev <= (run.parts[index]?.rev ?? -1)) return run;
  const parts = run.parts.slice();
  parts[index] = part;
  return { head: run.head, parts };
}

/** Every change of one storage event that concerns collection `id`, the head first. */
export function applyStoredChanges(run: CollectionRun, id: string, changes: Record<string, { newValue?: unknown }>): CollectionRun {
  const headKey = runHeadKey(id);
  let next = Object.hasOwn(changes, headKey) ? applyStoredChange(run, id, headKey, changes[headKey]!.newValue) : run;
  for (const [key, change] of Object.entries(changes)) if (key !== headKey) next = applyStoredChange(next, id, key, change.newValue);
  return next;
}

/**
 * The newer of two copies of one run, part by part: an answer from the
 * background may arrive after change events that are newer than it.
 */
export function newerRun(held: CollectionRun, incoming: CollectionRun): CollectionRun {
  if (held.head.rev <= incoming.head.rev && held.parts.every((part, i) => part.rev <= (incoming.parts[i]?.rev ?? Infinity))) return incoming;
  const head = held.head.rev > incoming.head.rev ? held.head : incoming.head;
  const parts = Array.from({ length: head.parts }, (_, i) => {
    const mine = held.parts[i];
    const theirs = incoming.parts[i];
    return !theirs || (mine && mine.rev > theirs.rev) ? (mine ?? { rev: 0, items: [] }) : theirs;
  });
  return { head, parts };
}
