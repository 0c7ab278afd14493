import { describe, expect, it } from 'vitest';
import { newRun, nextToStart, runReducer, type RunEvent } from '@/entrypoints/background/collections/run-machine';
import { estimateRun, type CollectionRun } from '@/utils/collections/run-record';
import type { LookupErrorKind } from '@/utils/errors/lookup-error';
import { h } from '@/test/unit/helpers/handles';

type Outcome = { count: number; paid: boolean } | { error: LookupErrorKind };

/**
 * Drives a run the way the background does, with a fake lookup: starts what
 * nextToStart names, answers in order, and records every lookup sent.
 */
function drive(
  run: CollectionRun,
  outcomes: Record<string, Outcome>,
  { maxSteps = 1000, until = (_r: CollectionRun): boolean => false, inFlight = [] as string[] } = {},
) {
  const sent: string[] = [];
  let state = run;
  for (let step = 0; step < maxSteps && !until(state); step++) {
    for (const handle of nextToStart(state)) {
      state = runReducer(state, { type: 'item-started', handle });
      inFlight.push(handle);
      sent.push(handle);
    }
    const handle = inFlight.shift();
    if (!handle) break;
    const outcome = outcomes[handle] ?? { count: 1, paid: true };
    const event: RunEvent =
      'error' in outcome ? { type: 'item-failed', handle: h(handle), error: outcome.error } : { type: 'item-done', handle: h(handle), ...outcome };
    state = runReducer(state, event);
  }
  return { state, sent, inFlight };
}

const handles = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map(h);

describe('a collection run', () => {
  it('looks up two at a time, in order, and finishes with every profile done', () => {
    const run = runReducer(newRun(handles), { type: 'start', now: 0 });
    expect(nextToStart(run)).toEqual(['a1', 'a2']);
    const { state, sent } = drive(run, { a3: { count: 7, paid: false } });
    expect(sent).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    expect(state.phase).toBe('finished');
    expect(state.spent).toBe(5);
    expect(state.items.find((i) => i.handle === 'a3')).toMatchObject({ status: 'done', count: 7, paid: false });
    expect(state.items.map((i) => i.status)).toEqual(Array(6).fill('done'));
  });

  it('marks other errors failed and goes on', () => {
    const { state } = drive(runReducer(newRun(handles), { type: 'start', now: 0 }), { a2: { error: 'not-found' }, a4: { error: 'timeout' } });
    expect(state.phase).toBe('finished');
    expect(state.items.filter((i) => i.status === 'failed').map((i) => [i.handle, i.error])).toEqual([
      ['a2', 'not-found'],
      ['a4', 'timeout'],
    ]);
  });

  it.each(['key-rejected', 'out-of-credits', 'no-key'] as const)('stops by itself on %s, keeping what is done', (error) => {
    const { state, sent } = drive(runReducer(newRun(handles), { type: 'start', now: 0 }), { a3: { error } });
    expect(state.phase).toBe('stopped');
    expect(state.stopReason).toBe(error);
    // a4 was already running when a3 failed; nothing after it was sent.
    expect(sent).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(state.items.map((i) => i.status)).toEqual(['done', 'done', 'failed', 'done', 'new', 'new']);
    expect(nextToStart(state)).toEqual([]);
  });

  it('pauses (what runs finishes, nothing new starts) and resumes where it was', () => {
    const first = drive(runReducer(newRun(handles), { type: 'start', now: 0 }), {}, {
      until: (r) => r.items.filter((i) => i.status === 'done').length === 2,
    });
    let state = runReducer(first.state, { type: 'pause' });
    expect(nextToStart(state)).toEqual([]);
    // The lookups already out finish; nothing new is sent.
    const paused = drive(state, {}, { inFlight: first.inFlight });
    expect(paused.sent).toEqual([]);
    expect(paused.state.items.filter((i) => i.status === 'running')).toEqual([]);
    state = runReducer(paused.state, { type: 'resume', now: 10 });
    const resumed = drive(state, {});
    expect(resumed.state.phase).toBe('finished');
    expect(resumed.state.items.every((i) => i.status === 'done')).toBe(true);
  });

  it('cancel keeps what is done and sends nothing more', () => {
    let state = runReducer(newRun(handles), { type: 'start', now: 0 });
    state = runReducer(state, { type: 'item-started', handle: h('a1') });
    state = runReducer(state, { type: 'item-done', handle: h('a1'), count: 2, paid: true });
    state = runReducer(state, { type: 'cancel' });
    expect(state.phase).toBe('cancelled');
    expect(nextToStart(state)).toEqual([]);
    expect(state.items.map((i) => i.status)).toEqual(['done', 'new', 'new', 'new', 'new', 'new']);
  });

  it('after a worker restart, what was running goes back to the queue, and what is done is not asked again', () => {
    let state = runReducer(newRun(handles), { type: 'start', now: 0 });
    for (const handle of nextToStart(state)) state = runReducer(state, { type: 'item-started', handle });
    state = runReducer(state, { type: 'item-done', handle: h('a1'), count: 1, paid: true });
    // The worker is stopped here, with a2 in flight; its state was stored.
    state = runReducer(state, { type: 'restarted', now: 50 });
    expect(state.items.find((i) => i.handle === 'a2')?.status).toBe('queued');
    const { sent, state: end } = drive(state, {});
    expect(sent).toEqual(['a2', 'a3', 'a4', 'a5', 'a6']);
    expect(end.phase).toBe('finished');
  });

  it('Start after a stop gives failed profiles a second chance; Resume does not', () => {
    const stopped = drive(runReducer(newRun(handles), { type: 'start', now: 0 }), { a2: { error: 'not-found' }, a3: { error: 'out-of-credits' } }).state;
    const resumed = runReducer(stopped, { type: 'resume', now: 1 });
    expect(resumed.items.filter((i) => i.status === 'queued').map((i) => i.handle)).toEqual(['a5', 'a6']);
    const restarted = runReducer(stopped, { type: 'start', now: 1 });
    expect(restarted.items.filter((i) => i.status === 'queued').map((i) => i.handle)).toEqual(['a2', 'a3', 'a5', 'a6']);
  });

  it('an empty collection finishes at once', () => {
    expect(runReducer(newRun([]), { type: 'start', now: 0 }).phase).toBe('finished');
  });
});

describe('a run estimated again', () => {
  it('counts the profiles this run has done apart: a second run sends nothing for them', () => {
    const { state } = drive(runReducer(newRun(handles), { type: 'start', now: 0 }), {}, { until: (r) => r.items.filter((i) => i.status === 'done').length === 3 });
    expect(estimateRun(runReducer(state, { type: 'pause' }), new Set())).toMatchObject({ done: 3, lookups: 3 });
  });
});
