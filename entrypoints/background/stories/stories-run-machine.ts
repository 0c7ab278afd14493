/**
 * A stories run as a pure state machine: the stories of many highlights (a
 * profile's, or a collection's), one highlight-detail request each. The
 * background feeds it events and sends the requests `nextStories` names;
 * the state is stored after each event, so a closed popup, a stopped worker
 * or a browser restart loses nothing. It goes at the pace collection runs go
 * (../collections/pace-policy.ts: the lookups-at-once setting, 429 back-off),
 * and a request that was out when the worker stopped goes back to the queue,
 * where the stories service reports it as interrupted rather than paying
 * for it again.
 */
import { initialPace, STOPPING_ERRORS, type RunPace, type RunPhase } from '@/utils/collections/run-record';
import type { LookupErrorKind } from '@/utils/errors/lookup-error';
import type { HighlightList } from '@/utils/highlights/highlight';
import { highlightIdDigits } from '@/utils/highlights/highlight-id';
import type { StoriesEstimate, StoriesRunView } from '@/utils/stories/stories-run-view';
import { openSlots, paceOnHandled, paceOnRateLimit, paceRestarted, paceWithLimit } from '../collections/pace-policy';

/** A highlight whose stories a run fetches: whose it is, and what the files call it. */
export interface StoriesTarget {
  handle: string;
  /** Digits only. */
  highlightId: string;
  title: string;
}

/** `queued`/`running`: in the run; `done`: its stories are kept; `failed`: why is in `error`; `left`: cancelled before its turn. */
export type StoriesItemStatus = 'queued' | 'running' | 'done' | 'failed' | 'left';

export interface StoriesRunItem extends StoriesTarget {
  status: StoriesItemStatus;
  error: LookupErrorKind | null;
  /** Whether its stories cost a credit in this run. */
  paid: boolean;
}

export interface StoriesRun {
  phase: RunPhase;
  items: readonly StoriesRunItem[];
  /** Credits this run has spent. */
  spent: number;
  /** Why the run stopped by itself. */
  stopReason: LookupErrorKind | null;
  pace: RunPace;
}

export type StoriesRunEvent =
  /** `cached`: the highlights whose stories the cache holds now; they are done at once, for free. */
  | { type: 'start'; targets: readonly StoriesTarget[]; cached: ReadonlySet<string>; concurrency: number }
  | { type: 'resume'; concurrency: number }
  | { type: 'started'; ids: readonly string[] }
  | { type: 'done'; id: string; paid: boolean; now: number }
  | { type: 'failed'; id: string; error: LookupErrorKind; now: number }
  /** SociaVault answered 429: the highlight goes back to the queue and the run slows down. */
  | { type: 'rate-limited'; id: string; retryAfterSeconds: number | null; now: number }
  | { type: 'pause' }
  | { type: 'cancel' }
  /** The worker that ran it was stopped: what was out goes back to the queue. */
  | { type: 'restarted' }
  | { type: 'set-concurrency'; concurrency: number };

/** A profile's highlights as a run's targets, ids as digits; one no reader knows as an id is left out. */
export function targetsOfList(list: HighlightList): StoriesTarget[] {
  return list.highlights.flatMap((highlight) => {
    const highlightId = highlightIdDigits(highlight.id);
    return highlightId === null ? [] : [{ handle: list.handle, highlightId, title: highlight.title }];
  });
}

export function emptyStoriesRun(): StoriesRun {
  return { phase: 'idle', items: [], spent: 0, stopReason: null, pace: initialPace() };
}

/** The estimate for `targets`, counting each highlight once; `cached`: those whose stories the cache holds. */
export function estimateStories(targets: readonly StoriesTarget[], cached: ReadonlySet<string>): StoriesEstimate {
  const ids = new Set(targets.map((target) => target.highlightId));
  const inCache = [...ids].filter((id) => cached.has(id)).length;
  return { highlights: ids.size, cached: inCache, credits: ids.size - inCache };
}

/** How far the run is, as the pages show it. */
export function storiesRunView(run: StoriesRun): StoriesRunView {
  const failures = new Map<LookupErrorKind, number>();
  let done = 0;
  for (const item of run.items) {
    if (item.status === 'done') done++;
    if (item.status === 'failed') failures.set(item.error!, (failures.get(item.error!) ?? 0) + 1);
  }
  const failed = run.items.filter((item) => item.status === 'failed').length;
  return { phase: run.phase, done, failed, total: run.items.length, spent: run.spent, stopReason: run.stopReason, failures: [...failures] };
}

const isOpen = (item: StoriesRunItem) => item.status === 'queued' || item.status === 'running';

/** The run with `id`'s item changed; the same run when no item has that id. */
function withItem(run: StoriesRun, id: string, change: (item: StoriesRunItem) => StoriesRunItem): StoriesRun {
  const index = run.items.findIndex((item) => item.highlightId === id);
  if (index < 0) return run;
  const items = [...run.items];
  items[index] = change(items[index]!);
  return { ...run, items };
}

/** A running run with nothing left in the queue or out has finished. */
function settled(run: StoriesRun): StoriesRun {
  return run.phase === 'running' && !run.items.some(isOpen) ? { ...run, phase: 'finished' } : run;
}

export function storiesRunReducer(run: StoriesRun, event: StoriesRunEvent): StoriesRun {
  switch (event.type) {
    case 'start': {
      if (run.phase === 'running') return run;
      // Each highlight once; one whose stories this run already has keeps them, unpaid for again.
      const kept = new Map(run.items.filter((item) => item.status === 'done').map((item) => [item.highlightId, item]));
      const seen = new Set<string>();
      const items: StoriesRunItem[] = [];
      for (const target of event.targets) {
        if (seen.has(target.highlightId)) continue;
        seen.add(target.highlightId);
        const cached = event.cached.has(target.highlightId);
        items.push(kept.get(target.highlightId) ?? { ...target, status: cached ? 'done' : 'queued', error: null, paid: false });
      }
      const pace = paceRestarted(paceWithLimit(run.pace, event.concurrency));
      return settled({ phase: 'running', items, spent: 0, stopReason: null, pace });
    }
    case 'resume': {
      if (run.phase !== 'paused' && run.phase !== 'stopped') return run;
      // What a Cancel did not reach, and what failed, waits for a Start with its estimate.
      return settled({ ...run, phase: 'running', stopReason: null, pace: paceRestarted(paceWithLimit(run.pace, event.concurrency)) });
    }
    case 'started': {
      const ids = new Set(event.ids);
      return { ...run, items: run.items.map((item) => (ids.has(item.highlightId) && item.status === 'queued' ? { ...item, status: 'running' } : item)) };
    }
    case 'done': {
      // A second answer for a highlight already done (two requests for it at once) is paid for once in the run.
      if (run.items.some((item) => item.highlightId === event.id && item.status === 'done')) return run;
      const next = withItem(run, event.id, (item) => ({ ...item, status: 'done', error: null, paid: event.paid }));
      if (next === run) return run;
      if (!event.paid) return settled(next);
      // Only a request sent measures the pace.
      const pace = run.phase === 'running' ? paceOnHandled(run.pace, event.now, true) : run.pace;
      return settled({ ...next, spent: run.spent + 1, pace });
    }
    case 'failed': {
      const next = withItem(run, event.id, (item) => ({ ...item, status: 'failed', error: event.error }));
      if (next === run || run.phase !== 'running') return next;
      const pace = paceOnHandled(run.pace, event.now, false);
      if (!STOPPING_ERRORS.has(event.error)) return settled({ ...next, pace });
      return stop({ ...next, pace }, event.error);
    }
    case 'rate-limited': {
      // Back in the queue, unless the run was cancelled meanwhile.
      const back = run.phase === 'cancelled' ? 'left' : 'queued';
      const next = withItem(run, event.id, (item) => (item.status === 'running' ? { ...item, status: back } : item));
      if (next === run || run.phase !== 'running') return next;
      const slowed = paceOnRateLimit(run.pace, event.retryAfterSeconds, event.now);
      const paced = { ...next, pace: slowed.pace };
      return slowed.stop ? stop(paced, 'rate-limited') : paced;
    }
    case 'pause':
      return run.phase === 'running' ? { ...run, phase: 'paused' } : run;
    case 'cancel': {
      if (run.phase !== 'running' && run.phase !== 'paused' && run.phase !== 'stopped') return run;
      // What is out still lands (it may be paid); nothing more starts.
      return { ...run, phase: 'cancelled', items: run.items.map((item) => (item.status === 'queued' ? { ...item, status: 'left' } : item)) };
    }
    case 'restarted': {
      if (!run.items.some((item) => item.status === 'running')) return run;
      const back: StoriesItemStatus = run.phase === 'cancelled' ? 'left' : 'queued';
      const items = run.items.map((item) => (item.status === 'running' ? { ...item, status: back } : item));
      return { ...run, items, pace: paceRestarted(run.pace) };
    }
    case 'set-concurrency':
      return run.pace.limit === event.concurrency ? run : { ...run, pace: paceWithLimit(run.pace, event.concurrency) };
  }
}

/** The run stops by itself: what is queued stays queued, for Resume. */
function stop(run: StoriesRun, reason: LookupErrorKind): StoriesRun {
  return { ...run, phase: 'stopped', stopReason: reason };
}

/** The highlights whose requests to send now: as many as the pace allows, in order. */
export function nextStories(run: StoriesRun, now: number): string[] {
  if (run.phase !== 'running') return [];
  const running = run.items.filter((item) => item.status === 'running').length;
  return run.items
    .filter((item) => item.status === 'queued')
    .slice(0, openSlots(run.pace, running, now))
    .map((item) => item.highlightId);
}

/** When a run held back by SociaVault's wait may send again; null when nothing waits for that. */
export function storiesWakeAt(run: StoriesRun, now: number): number | null {
  const { holdUntil } = run.pace;
  // Stryker disable next-line ConditionalExpression: with no wait (null) the answer is null either way; the check is for the comparison's type.
  const waiting = run.phase === 'running' && holdUntil !== null && holdUntil > now && run.items.some((item) => item.status === 'queued');
  return waiting ? holdUntil : null;
}

/** A run read back from storage, checked; null when it is not one. */
export function readStoriesRun(raw: unknown): StoriesRun | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const run = raw as Partial<StoriesRun>;
  if (!Array.isArray(run.items) || typeof run.phase !== 'string' || typeof run.spent !== 'number' || typeof run.pace !== 'object') return null;
  const fine = run.items.every(
    (item: Partial<StoriesRunItem> | null) =>
      typeof item === 'object' && item !== null && typeof item.highlightId === 'string' && typeof item.handle === 'string' && typeof item.status === 'string',
  );
  return fine ? (run as StoriesRun) : null;
}
