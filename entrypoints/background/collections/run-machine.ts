/**
 * A collection run as a pure state machine: the background feeds it events
 * and starts the lookups `nextToStart` names. Each step of a run (a lookup
 * started, answered or failed) changes one profile: it makes a new copy of
 * the head and of that profile's part only, so that storing the change
 * costs the same at the ten-thousandth profile as at the first. The parts a
 * change made are the ones with a new `rev`.
 *
 * Because the state is stored after every event, a run survives a closed
 * page, a stopped worker and a browser restart: `restarted` puts back in the
 * queue what was in flight, and the lookup service will not pay twice for
 * what it already has.
 */
import { emptyCounts, emptyRun, RUN_PART_SIZE, STOPPING_ERRORS, type CollectionRun, type RunHead, type RunItem, type RunPart } from '@/utils/collections/run-record';
import type { LookupErrorKind } from '@/utils/errors/lookup-error';
import type { Handle } from '@/utils/profile-url';
import { openSlots, paceOnHandled, paceOnRateLimit, paceRestarted, paceWithLimit } from './pace-policy';
import { addTo, Draft, removeFrom, unqueue, withStatus } from './run-draft';

/** A run with what finding a profile and the next queued one takes. */
export interface RunState extends CollectionRun {
  /** Which part each profile is in. */
  where: ReadonlyMap<Handle, number>;
  /** No part before this one holds a queued profile. */
  cursor: number;
}

export type RunEvent =
  /** `concurrency`: the user's setting, which the run goes by. */
  | { type: 'start'; now: number; concurrency: number }
  | { type: 'resume'; now: number; concurrency: number }
  | { type: 'items-started'; handles: readonly Handle[] }
  | { type: 'item-done'; handle: Handle; count: number; paid: boolean; now: number }
  | { type: 'item-failed'; handle: Handle; error: LookupErrorKind; now: number }
  /** SociaVault answered 429: the profile goes back to the queue and the run slows down. */
  | { type: 'item-rate-limited'; handle: Handle; retryAfterSeconds: number | null; now: number }
  | { type: 'pause' }
  | { type: 'cancel' }
  /** The worker that ran it was stopped: what was running goes back to the queue. */
  | { type: 'restarted'; now: number }
  | { type: 'set-concurrency'; concurrency: number }
  /** Profiles added at the end, each once, up to MAX_COLLECTION_SIZE. */
  | { type: 'add'; handles: readonly Handle[] }
  /** Profiles taken out, unless a lookup of theirs is out. */
  | { type: 'remove'; handles: readonly Handle[] };

/** A run of `items`, laid out in parts, counted. */
export function runFromItems(head: RunHead, items: readonly RunItem[]): RunState {
  const parts: RunPart[] = [];
  for (let i = 0; i < items.length; i += RUN_PART_SIZE) parts.push({ rev: head.rev, items: items.slice(i, i + RUN_PART_SIZE) });
  return runFromParts(head, parts);
}

/** A run read from its parts: counts, highlights and size are counted from them, not taken on trust. */
export function runFromParts(head: RunHead, parts: readonly RunPart[]): RunState {
  const counts = emptyCounts();
  const where = new Map<Handle, number>();
  let highlights = 0;
  parts.forEach((part, index) => {
    for (const item of part.items) {
      counts[item.status]++;
      where.set(item.handle, index);
      if (item.status === 'done') highlights += item.count ?? 0;
    }
  });
  return { head: { ...head, counts, highlights, parts: parts.length }, parts, where, cursor: 0 };
}

export function newRun(handles: readonly Handle[] = []): RunState {
  return runFromItems(emptyRun().head, handles.map((handle) => ({ handle, status: 'new', count: null, error: null, paid: false })));
}

export function runReducer(run: RunState, event: RunEvent): RunState {
  const draft = new Draft(run);
  const { head } = draft;
  switch (event.type) {
    case 'start':
    case 'resume': {
      if (head.phase === 'running') return run;
      // What is not done goes in the queue. Failed profiles get a second chance
      // only on Start, which the user confirms with its estimate; Resume goes on
      // where the run was.
      const again = event.type === 'start';
      draft.everyItem((item) =>
        item.status === 'new' || (again && item.status === 'failed') ? { ...item, status: 'queued', error: null } : item,
      );
      draft.cursor = 0;
      // A wait SociaVault asked for still holds after Resume: paceWithLimit keeps it.
      Object.assign(head, { phase: 'running', stopReason: null, startedAt: event.now, pace: paceRestarted(paceWithLimit(head.pace, event.concurrency)) });
      draft.settle();
      return draft.done();
    }
    case 'items-started': {
      for (const handle of event.handles) draft.item(handle, (item) => (item.status === 'queued' ? withStatus(item, 'running') : item));
      while (draft.cursor < draft.parts.length && !draft.parts[draft.cursor]!.items.some((item) => item.status === 'queued')) draft.cursor++;
      return draft.done();
    }
    case 'item-done': {
      const before = draft.item(event.handle, (item) => ({ ...item, status: 'done', count: event.count, error: null, paid: event.paid }));
      if (!before) return run;
      if (event.paid) head.spent++;
      // Only a request sent measures the pace: an answer from the cache took none.
      if (event.paid && head.phase === 'running') head.pace = paceOnHandled(head.pace, event.now, true);
      draft.settle();
      return draft.done();
    }
    case 'item-failed': {
      if (!draft.item(event.handle, (item) => ({ ...item, status: 'failed', error: event.error }))) return run;
      if (head.phase !== 'running') return draft.done();
      head.pace = paceOnHandled(head.pace, event.now, false);
      if (STOPPING_ERRORS.has(event.error)) draft.stop(event.error);
      else draft.settle();
      return draft.done();
    }
    case 'item-rate-limited': {
      const before = draft.item(event.handle, (item) => (item.status === 'running' ? withStatus(item, 'queued') : item));
      if (!before) return run;
      draft.cursor = Math.min(draft.cursor, draft.where.get(event.handle)!);
      if (head.phase !== 'running') {
        // Paused or cancelled meanwhile: the profile is simply not done.
        draft.item(event.handle, unqueue);
        return draft.done();
      }
      const slowed = paceOnRateLimit(head.pace, event.retryAfterSeconds, event.now);
      head.pace = slowed.pace;
      if (slowed.stop) draft.stop('rate-limited');
      return draft.done();
    }
    case 'pause':
      if (head.phase !== 'running') return run;
      Object.assign(head, { phase: 'paused', startedAt: null });
      return draft.done();
    case 'cancel':
      if (head.phase === 'idle' || head.phase === 'finished' || head.phase === 'cancelled') return run;
      Object.assign(head, { phase: 'cancelled', startedAt: null });
      draft.everyItem(unqueue);
      return draft.done();
    case 'restarted': {
      draft.everyItem((item) => (item.status === 'running' ? withStatus(item, 'queued') : item));
      draft.cursor = 0;
      if (head.phase === 'running') Object.assign(head, { startedAt: event.now, pace: paceRestarted(head.pace) });
      draft.settle();
      return draft.done();
    }
    case 'set-concurrency':
      if (head.pace.limit === event.concurrency) return run;
      head.pace = paceWithLimit(head.pace, event.concurrency);
      return draft.done();
    case 'add':
      return addTo(draft, event.handles) === 0 ? run : draft.done();
    case 'remove':
      return removeFrom(draft, event.handles) === 0 ? run : draft.done();
  }
}

/** The lookups to start now: as many as the run's pace allows, in list order. */
export function nextToStart(run: RunState, now: number): Handle[] {
  if (run.head.phase !== 'running') return [];
  let wanted = openSlots(run.head.pace, run.head.counts.running, now);
  const handles: Handle[] = [];
  for (let index = run.cursor; wanted > 0 && index < run.parts.length; index++) {
    for (const item of run.parts[index]!.items) {
      if (item.status !== 'queued') continue;
      handles.push(item.handle);
      if (--wanted === 0) break;
    }
  }
  return handles;
}

/** When a run held back by a wait may start lookups again; null when nothing waits for that. */
export function wakeAt(run: RunState, now: number): number | null {
  const { phase, counts, pace } = run.head;
  return phase === 'running' && counts.queued > 0 && pace.holdUntil !== null && pace.holdUntil > now ? pace.holdUntil : null;
}
