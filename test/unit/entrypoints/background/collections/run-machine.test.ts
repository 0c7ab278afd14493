import { describe, expect, it } from 'vitest';
import { newRun, nextToStart, runFromItems, runReducer, wakeAt, type RunEvent, type RunState } from '@/entrypoints/background/collections/run-machine';
import { estimateRun, itemsOf, MAX_COLLECTION_SIZE, RUN_PART_SIZE, sizeOf, type RunItem } from '@/utils/collections/run-record';
import type { LookupErrorKind } from '@/utils/errors/lookup-error';
import { h } from '@/test/unit/helpers/handles';

type Outcome = { count: number; paid: boolean } | { error: LookupErrorKind } | { rateLimited: number | null };

const start = (run: RunState, concurrency = 2, now = 0) => runReducer(run, { type: 'start', now, concurrency });
const items = (run: RunState) => itemsOf(run);
const statuses = (run: RunState) => items(run).map((item) => item.status);

/**
 * Drives a run the way the background does, with a fake lookup: starts what
 * nextToStart names, answers in order, and records every lookup sent.
 */
function drive(
  run: RunState,
  outcomes: Record<string, Outcome | Outcome[]>,
  { maxSteps = 100_000, until = (_r: RunState): boolean => false, inFlight = [] as string[], now = 0 } = {},
) {
  const sent: string[] = [];
  let state = run;
  const seen = new Map<string, number>();
  for (let step = 0; step < maxSteps && !until(state); step++) {
    const started = nextToStart(state, now);
    if (started.length > 0) state = runReducer(state, { type: 'items-started', handles: started });
    inFlight.push(...started);
    sent.push(...started);
    const handle = inFlight.shift();
    if (!handle) break;
    const planned = outcomes[handle];
    const nth = seen.get(handle) ?? 0;
    seen.set(handle, nth + 1);
    const outcome = (Array.isArray(planned) ? planned[Math.min(nth, planned.length - 1)] : planned) ?? { count: 1, paid: true };
    const event: RunEvent =
      'error' in outcome
        ? { type: 'item-failed', handle: h(handle), error: outcome.error, now }
        : 'rateLimited' in outcome
          ? { type: 'item-rate-limited', handle: h(handle), retryAfterSeconds: outcome.rateLimited, now }
          : { type: 'item-done', handle: h(handle), ...outcome, now };
    state = runReducer(state, event);
  }
  return { state, sent, inFlight };
}

const handles = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map(h);
const many = (n: number, prefix = 'p') => Array.from({ length: n }, (_, i) => h(`${prefix}${i}`));

describe('a collection run', () => {
  it('looks up as many at a time as its setting says, in order, and finishes with every profile done', () => {
    const run = start(newRun(handles), 2);
    expect(nextToStart(run, 0)).toEqual(['a1', 'a2']);
    expect(nextToStart(start(newRun(handles), 3), 0)).toEqual(['a1', 'a2', 'a3']);
    const { state, sent } = drive(run, { a3: { count: 7, paid: false } });
    expect(sent).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    expect(state.head.phase).toBe('finished');
    expect(state.head.spent).toBe(5);
    expect(state.head.highlights).toBe(12);
    expect(items(state).find((i) => i.handle === 'a3')).toMatchObject({ status: 'done', count: 7, paid: false });
    expect(statuses(state)).toEqual(Array(6).fill('done'));
    expect(state.head.counts).toEqual({ new: 0, queued: 0, running: 0, done: 6, failed: 0 });
  });

  it('marks other errors failed and goes on', () => {
    const { state } = drive(start(newRun(handles)), { a2: { error: 'not-found' }, a4: { error: 'timeout' } });
    expect(state.head.phase).toBe('finished');
    expect(items(state).filter((i) => i.status === 'failed').map((i) => [i.handle, i.error])).toEqual([
      ['a2', 'not-found'],
      ['a4', 'timeout'],
    ]);
  });

  it.each(['key-rejected', 'out-of-credits', 'no-key'] as const)('stops by itself on %s, keeping what is done', (error) => {
    const { state, sent } = drive(start(newRun(handles)), { a3: { error } });
    expect(state.head.phase).toBe('stopped');
    expect(state.head.stopReason).toBe(error);
    // a4 was already running when a3 failed; nothing after it was sent.
    expect(sent).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(statuses(state)).toEqual(['done', 'done', 'failed', 'done', 'new', 'new']);
    expect(nextToStart(state, 0)).toEqual([]);
  });

  it('pauses (what runs finishes, nothing new starts) and resumes where it was', () => {
    const first = drive(start(newRun(handles)), {}, { until: (r) => r.head.counts.done === 2 });
    let state = runReducer(first.state, { type: 'pause' });
    expect(nextToStart(state, 0)).toEqual([]);
    // The lookups already out finish; nothing new is sent.
    const paused = drive(state, {}, { inFlight: first.inFlight });
    expect(paused.sent).toEqual([]);
    expect(paused.state.head.counts.running).toBe(0);
    state = runReducer(paused.state, { type: 'resume', now: 10, concurrency: 2 });
    const resumed = drive(state, {});
    expect(resumed.state.head.phase).toBe('finished');
    expect(statuses(resumed.state).every((s) => s === 'done')).toBe(true);
  });

  it('cancel keeps what is done and sends nothing more', () => {
    let state = start(newRun(handles));
    state = runReducer(state, { type: 'items-started', handles: [h('a1')] });
    state = runReducer(state, { type: 'item-done', handle: h('a1'), count: 2, paid: true, now: 1 });
    state = runReducer(state, { type: 'cancel' });
    expect(state.head.phase).toBe('cancelled');
    expect(nextToStart(state, 0)).toEqual([]);
    expect(statuses(state)).toEqual(['done', 'new', 'new', 'new', 'new', 'new']);
  });

  it('after a worker restart, what was running goes back to the queue, and what is done is not asked again', () => {
    let state = start(newRun(handles));
    state = runReducer(state, { type: 'items-started', handles: nextToStart(state, 0) });
    state = runReducer(state, { type: 'item-done', handle: h('a1'), count: 1, paid: true, now: 1 });
    // The worker is stopped here, with a2 in flight; its state was stored.
    state = runReducer(runFromItems(state.head, items(state)), { type: 'restarted', now: 50 });
    expect(items(state).find((i) => i.handle === 'a2')?.status).toBe('queued');
    const { sent, state: end } = drive(state, {});
    expect(sent).toEqual(['a2', 'a3', 'a4', 'a5', 'a6']);
    expect(end.head.phase).toBe('finished');
  });

  it('Start after a stop gives failed profiles a second chance; Resume does not', () => {
    const stopped = drive(start(newRun(handles)), { a2: { error: 'not-found' }, a3: { error: 'out-of-credits' } }).state;
    const resumed = runReducer(stopped, { type: 'resume', now: 1, concurrency: 2 });
    expect(items(resumed).filter((i) => i.status === 'queued').map((i) => i.handle)).toEqual(['a5', 'a6']);
    const restarted = runReducer(stopped, { type: 'start', now: 1, concurrency: 2 });
    expect(items(restarted).filter((i) => i.status === 'queued').map((i) => i.handle)).toEqual(['a2', 'a3', 'a5', 'a6']);
  });

  it('an empty collection finishes at once', () => {
    expect(start(newRun([])).head.phase).toBe('finished');
  });

  it('profiles added while a run goes on wait for the next Start: no credit is spent on what was not confirmed', () => {
    let state = start(newRun(handles.slice(0, 2)));
    state = runReducer(state, { type: 'add', handles: [h('late1'), h('late2')] });
    const { state: end, sent } = drive(state, {});
    expect(sent).toEqual(['a1', 'a2']);
    expect(end.head.phase).toBe('finished');
    expect(items(end).filter((i) => i.status === 'new').map((i) => i.handle)).toEqual(['late1', 'late2']);
  });
});

describe('a step of a run touches one part', () => {
  it('keeps its profiles in parts of 100, and a step makes a new copy of the head and of one part only', () => {
    let state = start(newRun(many(1_050)), 3);
    expect(state.parts.map((part) => part.items.length)).toEqual([...Array(10).fill(RUN_PART_SIZE), 50]);
    // Into the last part, far from the first.
    state = drive(state, {}, { until: (r) => r.head.counts.done === 1_000 }).state;
    const before = state;
    const [next] = nextToStart(state, 0);
    state = runReducer(state, { type: 'items-started', handles: [next!] });
    state = runReducer(state, { type: 'item-done', handle: next!, count: 3, paid: true, now: 5 });
    const changed = state.parts.filter((part, i) => part !== before.parts[i]);
    expect(changed).toHaveLength(1);
    expect(changed[0]!.rev).toBe(state.head.rev);
    expect(state.head.rev).toBe(before.head.rev + 2);
    expect(state.head.counts.done).toBe(before.head.counts.done + 1);
  });

  it('finds the next queued profile without going over the done ones again', () => {
    let state = start(newRun(many(3_000)), 1);
    state = drive(state, {}, { until: (r) => r.head.counts.done === 2_950 }).state;
    expect(state.cursor).toBe(29);
    expect(nextToStart(state, 0)).toEqual(['p2950']);
  });
});

describe('adding and removing', () => {
  it('adds each profile once, fills the last part before making a new one, and stops at the size limit', () => {
    let state = newRun(many(150));
    state = runReducer(state, { type: 'add', handles: [h('p3'), h('x1'), h('x1'), h('x2')] });
    expect(sizeOf(state.head)).toBe(152);
    expect(state.parts.map((part) => part.items.length)).toEqual([100, 52]);
    state = runReducer(state, { type: 'add', handles: many(MAX_COLLECTION_SIZE, 'y') });
    expect(sizeOf(state.head)).toBe(MAX_COLLECTION_SIZE);
    expect(state.head.parts).toBe(MAX_COLLECTION_SIZE / RUN_PART_SIZE);
    expect(runReducer(state, { type: 'add', handles: [h('z')] })).toBe(state);
  });

  it('removes profiles (not one whose lookup is out), and lays the parts out again once many are empty', () => {
    let state = start(newRun(many(1_000)), 1);
    state = runReducer(state, { type: 'items-started', handles: [h('p0')] });
    state = runReducer(state, { type: 'remove', handles: [h('p0'), h('p1'), h('p500')] });
    expect(sizeOf(state.head)).toBe(998);
    expect(items(state)[0]!.handle).toBe('p0');
    expect(state.parts.map((part) => part.items.length).slice(0, 6)).toEqual([99, 100, 100, 100, 100, 99]);
    // p0 stays (its lookup is out), with p900 to p999.
    state = runReducer(state, { type: 'remove', handles: many(900, 'p').slice(2) });
    expect(sizeOf(state.head)).toBe(101);
    expect(state.parts.map((part) => part.items.length)).toEqual([100, 1]);
    expect(state.where.get(h('p999'))).toBe(1);
    expect(nextToStart(state, 0)).toEqual([]);
    state = runReducer(state, { type: 'item-done', handle: h('p0'), count: 1, paid: true, now: 1 });
    expect(nextToStart(state, 0)).toEqual(['p900']);
  });
});

describe('SociaVault asks to slow down', () => {
  it('a 429 puts the profile back in the queue, halves the lookups at once and waits what SociaVault asks', () => {
    let state = start(newRun(many(20)), 6);
    state = runReducer(state, { type: 'items-started', handles: nextToStart(state, 0) });
    state = runReducer(state, { type: 'item-rate-limited', handle: h('p2'), retryAfterSeconds: 5, now: 1_000 });
    expect(items(state)[2]!.status).toBe('queued');
    expect(state.head.pace).toMatchObject({ limit: 6, current: 3, holdUntil: 6_000 });
    expect(nextToStart(state, 5_999)).toEqual([]);
    expect(wakeAt(state, 5_999)).toBe(6_000);
    // Five are still out: none may start until fewer than three are.
    expect(nextToStart(state, 6_000)).toEqual([]);
    for (const handle of ['p0', 'p1', 'p3']) state = runReducer(state, { type: 'item-done', handle: h(handle), count: 1, paid: true, now: 6_100 });
    expect(nextToStart(state, 6_100)).toEqual(['p2']);
    const { state: end } = drive(state, {}, { inFlight: ['p4', 'p5'], now: 6_200 });
    expect(end.head.phase).toBe('finished');
    expect(end.head.counts.done).toBe(20);
  });

  it('a long wait stops the run, with the time it may go on; nothing is lost and Resume waits that long', () => {
    let state = start(newRun(many(5)), 3);
    state = runReducer(state, { type: 'items-started', handles: nextToStart(state, 0) });
    state = runReducer(state, { type: 'item-rate-limited', handle: h('p1'), retryAfterSeconds: 3_600, now: 10_000 });
    expect(state.head).toMatchObject({ phase: 'stopped', stopReason: 'rate-limited' });
    expect(state.head.pace.holdUntil).toBe(3_610_000);
    expect(statuses(state)).toEqual(['running', 'new', 'running', 'new', 'new']);
    state = runReducer(state, { type: 'resume', now: 20_000, concurrency: 3 });
    expect(nextToStart(state, 20_000)).toEqual([]);
    expect(wakeAt(state, 20_000)).toBe(3_610_000);
    const { state: end } = drive(state, {}, { inFlight: ['p0', 'p2'], now: 3_610_000 });
    expect(end.head.phase).toBe('finished');
    expect(end.head.counts.done).toBe(5);
  });

  it('a storm of 429s loses no profile, and every profile is asked for until it is answered', () => {
    const storm: Record<string, Outcome[]> = Object.fromEntries(many(60).slice(10, 30).map((handle) => [handle, [{ rateLimited: 0 }, { rateLimited: 0 }, { count: 1, paid: true }]]));
    const { state, sent } = drive(start(newRun(many(60)), 6), storm);
    expect(state.head.phase).toBe('finished');
    expect(state.head.counts.done).toBe(60);
    expect(state.head.spent).toBe(60);
    expect(sent.filter((handle) => handle === 'p15')).toHaveLength(3);
    expect(sent.filter((handle) => handle === 'p40')).toHaveLength(1);
  });

  it('the user choosing another number of lookups at once applies from the next start', () => {
    let state = start(newRun(many(10)), 2);
    state = runReducer(state, { type: 'set-concurrency', concurrency: 5 });
    expect(nextToStart(state, 0)).toHaveLength(5);
    expect(runReducer(state, { type: 'set-concurrency', concurrency: 5 })).toBe(state);
  });
});

describe('a run estimated again', () => {
  it('counts the profiles this run has done apart: a second run sends nothing for them', () => {
    const { state } = drive(start(newRun(handles)), {}, { until: (r) => r.head.counts.done === 3 });
    expect(estimateRun(items(runReducer(state, { type: 'pause' })) as RunItem[], new Set())).toMatchObject({ done: 3, lookups: 3 });
  });
});

describe('events that come at the wrong moment change nothing they should not', () => {
  it('a run with a lookup still out is not finished, even with nothing left in the queue', () => {
    let state = start(newRun(handles.slice(0, 2)));
    state = runReducer(state, { type: 'items-started', handles: [h('a1'), h('a2')] });
    state = runReducer(state, { type: 'item-done', handle: h('a1'), count: 1, paid: true, now: 1 });
    expect(state.head.counts).toMatchObject({ queued: 0, running: 1 });
    expect(state.head.phase).toBe('running');
    state = runReducer(state, { type: 'item-done', handle: h('a2'), count: 1, paid: true, now: 2 });
    expect(state.head.phase).toBe('finished');
  });

  it('a second Start while running changes nothing: failed profiles are not queued again without a confirmed estimate', () => {
    let state = start(newRun(handles));
    state = runReducer(state, { type: 'items-started', handles: [h('a1')] });
    state = runReducer(state, { type: 'item-failed', handle: h('a1'), error: 'not-found', now: 1 });
    expect(state.head.phase).toBe('running');
    const again = runReducer(state, { type: 'start', now: 2, concurrency: 2 });
    expect(again).toBe(state);
    expect(items(again)[0]!.status).toBe('failed');
  });

  it('a late or repeated items-started touches only queued profiles', () => {
    let state = start(newRun(handles.slice(0, 2)));
    state = runReducer(state, { type: 'items-started', handles: [h('a1')] });
    state = runReducer(state, { type: 'item-done', handle: h('a1'), count: 3, paid: true, now: 1 });
    state = runReducer(state, { type: 'items-started', handles: [h('a1')] });
    expect(items(state)[0]).toMatchObject({ status: 'done', count: 3 });
    expect(state.head.counts).toMatchObject({ done: 1, running: 0, queued: 1 });
  });

  it('an out-of-credits answer after Pause or Cancel records the profile and leaves the run as the user left it', () => {
    for (const userAction of ['pause', 'cancel'] as const) {
      let state = start(newRun(handles.slice(0, 3)));
      state = runReducer(state, { type: 'items-started', handles: [h('a1')] });
      state = runReducer(state, { type: userAction });
      const phase = state.head.phase;
      state = runReducer(state, { type: 'item-failed', handle: h('a1'), error: 'out-of-credits', now: 1 });
      expect(state.head.phase, userAction).toBe(phase);
      expect(state.head.stopReason, userAction).toBeNull();
      expect(items(state)[0]!.status, userAction).toBe('failed');
    }
  });

  it('Pause when not running and Cancel when ended change nothing', () => {
    const idle = newRun(handles.slice(0, 2));
    expect(runReducer(idle, { type: 'pause' })).toBe(idle);
    const finished = drive(start(newRun(handles.slice(0, 1))), {}).state;
    expect(finished.head.phase).toBe('finished');
    expect(runReducer(finished, { type: 'cancel' })).toBe(finished);
    expect(runReducer(finished, { type: 'pause' })).toBe(finished);
    const cancelled = runReducer(start(newRun(handles.slice(0, 2))), { type: 'cancel' });
    expect(runReducer(cancelled, { type: 'cancel' })).toBe(cancelled);
    expect(runReducer(idle, { type: 'cancel' })).toBe(idle);
  });

  it('Cancel takes the queued profiles out of the queue, and a paused run can be cancelled', () => {
    let state = start(newRun(handles.slice(0, 3)), 1);
    state = runReducer(state, { type: 'pause' });
    state = runReducer(state, { type: 'cancel' });
    expect(state.head.phase).toBe('cancelled');
    expect(state.head.counts.queued).toBe(0);
    expect(nextToStart(state, 0)).toEqual([]);
  });
});

describe('what a run counts and measures', () => {
  it('counts highlights of done profiles only, and a new run has paid for nothing', () => {
    const base = newRun([h('a1')]);
    expect(items(base)[0]!.paid).toBe(false);
    const counted = runFromItems(base.head, [
      { handle: h('a1'), status: 'done', count: 4, error: null, paid: true },
      { handle: h('a2'), status: 'failed', count: 7, error: 'not-found', paid: false },
    ]);
    expect(counted.head.highlights).toBe(4);
  });

  it('an answer for a profile the run does not hold changes nothing', () => {
    const state = start(newRun(handles.slice(0, 2)));
    expect(runReducer(state, { type: 'item-done', handle: h('zz'), count: 1, paid: true, now: 1 })).toBe(state);
    expect(runReducer(state, { type: 'item-rate-limited', handle: h('zz'), retryAfterSeconds: null, now: 1 })).toBe(state);
  });

  it('measures the pace from paid answers of a running run only', () => {
    let state = start(newRun(handles.slice(0, 3)), 3, 0);
    state = runReducer(state, { type: 'items-started', handles: [h('a1'), h('a2'), h('a3')] });
    const before = state.head.pace;
    const fromCache = runReducer(state, { type: 'item-done', handle: h('a1'), count: 1, paid: false, now: 500 });
    expect(fromCache.head.pace).toEqual(before);
    const paid = runReducer(state, { type: 'item-done', handle: h('a1'), count: 1, paid: true, now: 500 });
    expect(paid.head.pace).toMatchObject({ lastAt: 500, streak: before.streak + 1 });
    const paused = runReducer(state, { type: 'pause' });
    expect(paused.head.phase).toBe('paused');
    expect(runReducer(paused, { type: 'item-done', handle: h('a1'), count: 1, paid: true, now: 500 }).head.pace).toEqual(before);
  });

  it('a 429 after Pause leaves the profile not done and the pace as it was; a 429 for a done profile keeps it done', () => {
    let state = start(newRun(handles.slice(0, 2)), 2, 0);
    state = runReducer(state, { type: 'items-started', handles: [h('a1'), h('a2')] });
    const done = runReducer(state, { type: 'item-done', handle: h('a2'), count: 1, paid: true, now: 1 });
    expect(items(runReducer(done, { type: 'item-rate-limited', handle: h('a2'), retryAfterSeconds: null, now: 2 }))[1]!.status).toBe('done');
    const paused = runReducer(state, { type: 'pause' });
    const after = runReducer(paused, { type: 'item-rate-limited', handle: h('a1'), retryAfterSeconds: 5, now: 2 });
    expect(after.head.pace).toEqual(paused.head.pace);
    expect(after.head.phase).toBe('paused');
    expect(items(after)[0]!.status).not.toBe('running');
    expect(nextToStart(after, 10_000)).toEqual([]);
  });

  it('a restarted worker restarts the clock of a running run only', () => {
    const running = start(newRun(handles.slice(0, 2)), 2, 0);
    expect(runReducer(running, { type: 'restarted', now: 70 }).head.startedAt).toBe(70);
    const paused = runReducer(running, { type: 'pause' });
    expect(runReducer(paused, { type: 'restarted', now: 70 }).head.startedAt).toBeNull();
  });

  it('wakes a run only while it runs, has profiles queued and is held back by a wait still to come', () => {
    let state = start(newRun(handles.slice(0, 3)), 2, 0);
    state = runReducer(state, { type: 'items-started', handles: [h('a1')] });
    state = runReducer(state, { type: 'item-rate-limited', handle: h('a1'), retryAfterSeconds: 5, now: 1_000 });
    const until = state.head.pace.holdUntil;
    expect(until).toBeGreaterThan(1_000);
    expect(wakeAt(state, 1_000)).toBe(until);
    expect(wakeAt(state, until!)).toBeNull();
    expect(wakeAt(runReducer(state, { type: 'pause' }), 1_000)).toBeNull();
    expect(wakeAt(start(newRun(handles.slice(0, 1)), 2, 0), 0)).toBeNull();
  });
});
