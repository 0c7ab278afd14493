/**
 * A collection run as a pure state machine: the background feeds it events
 * and starts the lookups `nextToStart` names. Because the state is stored
 * after every event, a run survives a closed page, a stopped worker and a
 * browser restart: `restarted` puts back in the queue what was in flight,
 * and the lookup service will not pay twice for what it already has.
 */
import type { CollectionRun, RunItem } from '@/utils/collections/run-record';
import { RUN_CONCURRENCY, STOPPING_ERRORS } from '@/utils/collections/run-record';
import type { LookupErrorKind } from '@/utils/errors/lookup-error';
import type { Handle } from '@/utils/profile-url';

export type RunEvent =
  | { type: 'start'; now: number }
  | { type: 'item-started'; handle: Handle }
  | { type: 'item-done'; handle: Handle; count: number; paid: boolean }
  | { type: 'item-failed'; handle: Handle; error: LookupErrorKind }
  | { type: 'pause' }
  | { type: 'resume'; now: number }
  | { type: 'cancel' }
  /** The worker that ran it was stopped: what was running goes back to the queue. */
  | { type: 'restarted'; now: number };

export function newRun(handles: readonly Handle[], cached: ReadonlySet<Handle> = new Set()): CollectionRun {
  return {
    phase: 'idle',
    items: handles.map((handle) => ({ handle, status: cached.has(handle) ? 'cached' : 'new', count: null, error: null, paid: false })),
    spent: 0,
    stopReason: null,
    startedAt: null,
  };
}

function withItem(run: CollectionRun, handle: Handle, change: (item: RunItem) => RunItem): CollectionRun {
  return { ...run, items: run.items.map((item) => (item.handle === handle ? change(item) : item)) };
}

/** A running run with nothing queued or running has finished. */
function settle(run: CollectionRun): CollectionRun {
  if (run.phase !== 'running') return run;
  const busy = run.items.some((item) => item.status === 'queued' || item.status === 'running');
  return busy ? run : { ...run, phase: 'finished', startedAt: null };
}

export function runReducer(run: CollectionRun, event: RunEvent): CollectionRun {
  switch (event.type) {
    case 'start':
    case 'resume': {
      if (run.phase === 'running') return run;
      // What is not done goes in the queue. Failed profiles get a second chance
      // only on Start, which the user confirms with its estimate; Resume goes on
      // where the run was.
      const requeue = (item: RunItem) =>
        item.status === 'new' || item.status === 'cached' || (event.type === 'start' && item.status === 'failed');
      const items = run.items.map((item): RunItem => (requeue(item) ? { ...item, status: 'queued', error: null } : item));
      return settle({ ...run, phase: 'running', items, stopReason: null, startedAt: event.now });
    }
    case 'item-started':
      return withItem(run, event.handle, (item) => (item.status === 'queued' ? { ...item, status: 'running' } : item));
    case 'item-done':
      return settle({
        ...withItem(run, event.handle, (item) => ({ ...item, status: 'done', count: event.count, error: null, paid: event.paid })),
        spent: run.spent + (event.paid ? 1 : 0),
      });
    case 'item-failed': {
      const failed = withItem(run, event.handle, (item) => ({ ...item, status: 'failed', error: event.error }));
      if (!STOPPING_ERRORS.has(event.error) || run.phase !== 'running') return settle(failed);
      // The run stops by itself: keep what is done, and put the queue back for a later resume.
      const items = failed.items.map((item): RunItem => (item.status === 'queued' ? { ...item, status: 'new' } : item));
      return { ...failed, items, phase: 'stopped', stopReason: event.error, startedAt: null };
    }
    case 'pause':
      return run.phase === 'running' ? { ...run, phase: 'paused', startedAt: null } : run;
    case 'cancel': {
      if (run.phase === 'idle' || run.phase === 'finished' || run.phase === 'cancelled') return run;
      const items = run.items.map((item): RunItem => (item.status === 'queued' ? { ...item, status: 'new' } : item));
      return { ...run, items, phase: 'cancelled', startedAt: null };
    }
    case 'restarted': {
      const items = run.items.map((item): RunItem => (item.status === 'running' ? { ...item, status: 'queued' } : item));
      return settle({ ...run, items, startedAt: run.phase === 'running' ? event.now : run.startedAt });
    }
  }
}

/** The lookups to start now: up to RUN_CONCURRENCY at once, in list order. */
export function nextToStart(run: CollectionRun, concurrency = RUN_CONCURRENCY): Handle[] {
  if (run.phase !== 'running') return [];
  const running = run.items.filter((item) => item.status === 'running').length;
  return run.items
    .filter((item) => item.status === 'queued')
    .slice(0, Math.max(0, concurrency - running))
    .map((item) => item.handle);
}
