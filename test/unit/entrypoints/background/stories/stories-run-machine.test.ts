import { describe, expect, it } from 'vitest';
import {
  emptyStoriesRun,
  estimateStories,
  nextStories,
  readStoriesRun,
  storiesRunReducer,
  storiesRunView,
  storiesWakeAt,
  targetsOfList,
  type StoriesRun,
  type StoriesRunEvent,
  type StoriesTarget,
} from '@/entrypoints/background/stories/stories-run-machine';
import { FIRST_WAIT_MS, LONG_WAIT_SECONDS } from '@/entrypoints/background/collections/pace-policy';
import type { LookupErrorKind } from '@/utils/errors/lookup-error';
import { h } from '@/test/unit/helpers/handles';

const target = (n: number, handle = 'nasa'): StoriesTarget => ({ handle, highlightId: `1790000000000000${n}`, title: `T${n}` });
const targets = (count: number) => Array.from({ length: count }, (_, n) => target(n + 1));
const idOf = (n: number) => target(n).highlightId;

const reduce = (run: StoriesRun, ...events: StoriesRunEvent[]) => events.reduce(storiesRunReducer, run);
const start = (count: number, { cached = [] as number[], concurrency = 2, run = emptyStoriesRun() } = {}) =>
  reduce(run, { type: 'start', targets: targets(count), cached: new Set(cached.map(idOf)), concurrency });
const statuses = (run: StoriesRun) => run.items.map((item) => item.status).join(' ');
const sendAll = (run: StoriesRun, now = 0) => reduce(run, { type: 'started', ids: nextStories(run, now) });

describe('the estimate', () => {
  it.each([
    { what: 'nothing cached', count: 12, cached: [], expected: { highlights: 12, cached: 0, credits: 12 } },
    { what: 'some cached', count: 12, cached: [1, 5, 12], expected: { highlights: 12, cached: 3, credits: 9 } },
    { what: 'all cached', count: 2, cached: [1, 2], expected: { highlights: 2, cached: 2, credits: 0 } },
    { what: 'a cached id not in the list', count: 2, cached: [7], expected: { highlights: 2, cached: 0, credits: 2 } },
    { what: 'no highlights', count: 0, cached: [], expected: { highlights: 0, cached: 0, credits: 0 } },
  ])('$what', ({ count, cached, expected }) => {
    expect(estimateStories(targets(count), new Set(cached.map(idOf)))).toEqual(expected);
  });

  it('counts a highlight listed twice once', () => {
    expect(estimateStories([target(1), target(1), target(2)], new Set([idOf(1)]))).toEqual({ highlights: 2, cached: 1, credits: 1 });
  });
});

describe('a profile’s list as targets', () => {
  it('takes ids as digits, keeps the titles and the order, and leaves out what is no id', () => {
    const list = {
      handle: h('nasa'),
      ownerId: null,
      fetchedAt: 0,
      highlights: [
        { id: 'highlight:17900000000000001', title: 'One', coverUrl: null },
        { id: 'not-an-id', title: 'Bad', coverUrl: null },
        { id: '17900000000000002', title: '', coverUrl: null },
      ],
    };
    expect(targetsOfList(list)).toEqual([
      { handle: 'nasa', highlightId: '17900000000000001', title: 'One' },
      { handle: 'nasa', highlightId: '17900000000000002', title: '' },
    ]);
  });
});

describe('an empty run', () => {
  it('has nothing in it and has not started', () => {
    expect(emptyStoriesRun()).toMatchObject({ phase: 'idle', items: [], spent: 0, stopReason: null });
    expect(storiesRunView(emptyStoriesRun())).toMatchObject({ done: 0, failed: 0, total: 0 });
  });
});

describe('start', () => {
  it('queues the uncached highlights, each once, and takes the cached ones as done and unpaid', () => {
    const run = reduce(emptyStoriesRun(), { type: 'start', targets: [target(1), target(2), target(1), target(3)], cached: new Set([idOf(2)]), concurrency: 4 });
    expect(run.items.map((item) => [item.highlightId, item.status, item.paid, item.error])).toEqual([
      [idOf(1), 'queued', false, null],
      [idOf(2), 'done', false, null],
      [idOf(3), 'queued', false, null],
    ]);
    expect(run).toMatchObject({ phase: 'running', spent: 0, stopReason: null });
    expect(run.pace).toMatchObject({ limit: 4, current: 4, lastAt: null });
  });

  it('finishes at once when the cache holds every highlight, and when there are none', () => {
    expect(start(2, { cached: [1, 2] }).phase).toBe('finished');
    expect(start(0).phase).toBe('finished');
  });

  it('does nothing while running', () => {
    const run = start(3);
    expect(storiesRunReducer(run, { type: 'start', targets: targets(5), cached: new Set(), concurrency: 1 })).toBe(run);
  });

  it('again, keeps what the last run has and queues what failed or was left', () => {
    let run = sendAll(start(3, { concurrency: 3 }));
    run = reduce(run, { type: 'done', id: idOf(1), paid: true, now: 1 }, { type: 'failed', id: idOf(2), error: 'interrupted', now: 2 }, { type: 'cancel' });
    expect(statuses(run)).toBe('done failed running');
    run = reduce(run, { type: 'done', id: idOf(3), paid: true, now: 3 });
    expect(run.spent).toBe(2);
    const again = reduce(run, { type: 'start', targets: targets(4), cached: new Set(), concurrency: 1 });
    expect(statuses(again)).toBe('done queued done queued');
    expect(again.items[0]!.paid).toBe(true);
    expect(again).toMatchObject({ phase: 'running', spent: 0 });
  });
});

describe('sending', () => {
  it('names as many queued highlights as the pace allows, in order, and none when not running', () => {
    let run = start(5, { concurrency: 2, cached: [1] });
    expect(nextStories(run, 0)).toEqual([idOf(2), idOf(3)]);
    run = sendAll(run);
    expect(statuses(run)).toBe('done running running queued queued');
    expect(nextStories(run, 0)).toEqual([]);
    run = reduce(run, { type: 'done', id: idOf(2), paid: true, now: 5 });
    expect(nextStories(run, 0)).toEqual([idOf(4)]);
    expect(nextStories(reduce(run, { type: 'pause' }), 0)).toEqual([]);
    expect(nextStories(emptyStoriesRun(), 0)).toEqual([]);
  });

  it('counts a highlight paid once, however many answers come for it', () => {
    let run = sendAll(start(3, { concurrency: 3 }));
    run = reduce(run, { type: 'done', id: idOf(1), paid: true, now: 5 });
    const once = run;
    run = reduce(run, { type: 'done', id: idOf(1), paid: true, now: 6 }, { type: 'done', id: idOf(1), paid: false, now: 7 });
    expect(run).toBe(once);
    expect(run).toMatchObject({ spent: 1, phase: 'running' });
    run = reduce(run, { type: 'done', id: idOf(2), paid: true, now: 8 }, { type: 'done', id: idOf(3), paid: true, now: 9 });
    expect(run).toMatchObject({ spent: 3, phase: 'finished' });
  });

  it('marks only queued highlights as running', () => {
    const run = start(2, { cached: [1] });
    const started = reduce(run, { type: 'started', ids: [idOf(1), idOf(2), 'other'] });
    expect(statuses(started)).toBe('done running');
  });
});

describe('answers', () => {
  it('counts a paid answer, measures the pace from it, and finishes with the last one', () => {
    let run = sendAll(start(2));
    run = reduce(run, { type: 'done', id: idOf(1), paid: true, now: 1000 });
    expect(run).toMatchObject({ spent: 1, phase: 'running' });
    // An answer counts towards taking one more request at once.
    expect(run.pace).toMatchObject({ lastAt: 1000, streak: 1 });
    run = reduce(run, { type: 'done', id: idOf(2), paid: true, now: 1600 });
    expect(run).toMatchObject({ spent: 2, phase: 'finished' });
    expect(run.pace.msPerProfile).toBe(600);
  });

  it('an answer from the cache costs nothing and measures no pace', () => {
    const run = reduce(sendAll(start(2)), { type: 'done', id: idOf(1), paid: false, now: 1000 });
    expect(run.spent).toBe(0);
    expect(run.items[0]).toMatchObject({ status: 'done', paid: false });
    expect(run.pace.lastAt).toBeNull();
  });

  it('an answer for a highlight not in the run changes nothing', () => {
    const run = sendAll(start(2));
    expect(storiesRunReducer(run, { type: 'done', id: 'other', paid: true, now: 1 })).toBe(run);
    expect(storiesRunReducer(run, { type: 'failed', id: 'other', error: 'timeout', now: 1 })).toBe(run);
    expect(storiesRunReducer(run, { type: 'rate-limited', id: 'other', retryAfterSeconds: 1, now: 1 })).toBe(run);
  });

  it('a paid answer after Pause is counted but measures no pace', () => {
    const run = reduce(sendAll(start(2)), { type: 'pause' }, { type: 'done', id: idOf(1), paid: true, now: 50 });
    expect(run).toMatchObject({ spent: 1, phase: 'paused' });
    expect(run.pace.lastAt).toBeNull();
  });

  it.each<[LookupErrorKind, string]>([
    ['not-found', 'finished'],
    ['timeout', 'finished'],
    ['interrupted', 'finished'],
    ['bad-response', 'finished'],
    ['key-rejected', 'stopped'],
    ['out-of-credits', 'stopped'],
    ['no-key', 'stopped'],
    ['key-unusable', 'stopped'],
  ])('a failure %s leaves the run %s', (error, phase) => {
    const run = reduce(sendAll(start(1)), { type: 'failed', id: idOf(1), error, now: 7 });
    expect(run.items[0]).toMatchObject({ status: 'failed', error });
    expect(run.phase).toBe(phase);
    expect(run.stopReason).toBe(phase === 'stopped' ? error : null);
    // A failure is no answer: it does not count towards taking one more request at once.
    expect(run.pace).toMatchObject({ lastAt: 7, streak: 0 });
  });

  it('a stopping failure keeps the queue for Resume', () => {
    const run = reduce(sendAll(start(3, { concurrency: 1 })), { type: 'failed', id: idOf(1), error: 'out-of-credits', now: 1 });
    expect(statuses(run)).toBe('failed queued queued');
    expect(nextStories(run, 2)).toEqual([]);
    const resumed = reduce(run, { type: 'resume', concurrency: 1 });
    expect(resumed).toMatchObject({ phase: 'running', stopReason: null });
    expect(nextStories(resumed, 2)).toEqual([idOf(2)]);
  });

  it('a failure after Pause is recorded without measuring the pace', () => {
    const run = reduce(sendAll(start(2)), { type: 'pause' }, { type: 'failed', id: idOf(1), error: 'key-rejected', now: 5 });
    expect(run).toMatchObject({ phase: 'paused', stopReason: null });
    expect(run.items[0]!.status).toBe('failed');
    expect(run.pace.lastAt).toBeNull();
  });
});

describe('429', () => {
  it('puts the highlight back in the queue, halves the pace and holds the run for what SociaVault asked', () => {
    const run = reduce(sendAll(start(3, { concurrency: 2 })), { type: 'rate-limited', id: idOf(1), retryAfterSeconds: 5, now: 1000 });
    expect(statuses(run)).toBe('queued running queued');
    expect(run.pace).toMatchObject({ current: 1, holdUntil: 6000 });
    expect(nextStories(run, 5999)).toEqual([]);
    expect(storiesWakeAt(run, 1000)).toBe(6000);
    expect(storiesWakeAt(run, 6000)).toBeNull();
  });

  it('without a Retry-After waits our own first wait', () => {
    const run = reduce(sendAll(start(1)), { type: 'rate-limited', id: idOf(1), retryAfterSeconds: null, now: 0 });
    expect(run.pace.holdUntil).toBe(FIRST_WAIT_MS);
  });

  it('stops the run when the wait is too long', () => {
    const run = reduce(sendAll(start(1)), { type: 'rate-limited', id: idOf(1), retryAfterSeconds: LONG_WAIT_SECONDS + 1, now: 0 });
    expect(run).toMatchObject({ phase: 'stopped', stopReason: 'rate-limited' });
    expect(statuses(run)).toBe('queued');
  });

  it('after Pause the highlight waits in the queue, after Cancel it is left, and the pace is not touched', () => {
    const sent = sendAll(start(2));
    const paused = reduce(sent, { type: 'pause' }, { type: 'rate-limited', id: idOf(1), retryAfterSeconds: 5, now: 0 });
    expect(statuses(paused)).toBe('queued running');
    expect(paused.pace).toEqual(sent.pace);
    const cancelled = reduce(sent, { type: 'cancel' }, { type: 'rate-limited', id: idOf(1), retryAfterSeconds: 5, now: 0 });
    expect(statuses(cancelled)).toBe('left running');
    expect(cancelled.pace).toEqual(sent.pace);
  });

  it('a 429 to a highlight not out leaves it as it is', () => {
    const run = reduce(start(2, { concurrency: 1 }), { type: 'rate-limited', id: idOf(2), retryAfterSeconds: 1, now: 0 });
    expect(statuses(run)).toBe('queued queued');
    const done = reduce(sendAll(start(2, { concurrency: 1 })), { type: 'done', id: idOf(1), paid: true, now: 0 }, { type: 'rate-limited', id: idOf(1), retryAfterSeconds: 1, now: 0 });
    expect(statuses(done)).toBe('done queued');
  });

  it('nothing waits when the run is not running or has no queue', () => {
    const held = reduce(sendAll(start(2, { concurrency: 1 })), { type: 'rate-limited', id: idOf(1), retryAfterSeconds: 5, now: 0 });
    expect(storiesWakeAt(held, 0)).toBe(5000);
    expect(storiesWakeAt(reduce(held, { type: 'pause' }), 0)).toBeNull();
    const noQueue = reduce(sendAll(start(2, { concurrency: 2 })), { type: 'rate-limited', id: idOf(1), retryAfterSeconds: 5, now: 0 }, { type: 'started', ids: [idOf(1)] });
    expect(storiesWakeAt(noQueue, 0)).toBeNull();
    expect(storiesWakeAt(start(1), 0)).toBeNull();
  });
});

describe('pause, resume, cancel, a stopped worker', () => {
  it('pauses only a running run', () => {
    const paused = reduce(start(2), { type: 'pause' });
    expect(paused.phase).toBe('paused');
    expect(storiesRunReducer(paused, { type: 'pause' })).toBe(paused);
  });

  it('resumes a paused run at the setting of now, measuring the pace afresh', () => {
    const paused = reduce(sendAll(start(3, { concurrency: 1 })), { type: 'done', id: idOf(1), paid: true, now: 10 }, { type: 'pause' });
    expect(paused.pace.lastAt).toBe(10);
    const run = reduce(paused, { type: 'resume', concurrency: 3 });
    expect(run.phase).toBe('running');
    expect(run.pace).toMatchObject({ limit: 3, current: 3, lastAt: null });
  });

  it('resume applies only to a paused or stopped run', () => {
    for (const run of [emptyStoriesRun(), start(1), start(1, { cached: [1] }), reduce(start(1), { type: 'cancel' })]) {
      expect(storiesRunReducer(run, { type: 'resume', concurrency: 2 })).toBe(run);
    }
  });

  it('resumes to finished when nothing is left', () => {
    const run = reduce(sendAll(start(1)), { type: 'pause' }, { type: 'done', id: idOf(1), paid: true, now: 1 }, { type: 'resume', concurrency: 1 });
    expect(run.phase).toBe('finished');
  });

  it('cancel leaves what is queued, lets what is out land, and applies to running, paused and stopped runs only', () => {
    const run = reduce(sendAll(start(3, { concurrency: 1 })), { type: 'cancel' });
    expect(run.phase).toBe('cancelled');
    expect(statuses(run)).toBe('running left left');
    expect(nextStories(run, 0)).toEqual([]);
    const landed = reduce(run, { type: 'done', id: idOf(1), paid: true, now: 1 });
    expect(landed).toMatchObject({ phase: 'cancelled', spent: 1 });
    expect(reduce(start(1), { type: 'pause' }, { type: 'cancel' }).phase).toBe('cancelled');
    const stopped = reduce(sendAll(start(2, { concurrency: 1 })), { type: 'failed', id: idOf(1), error: 'out-of-credits', now: 0 }, { type: 'cancel' });
    expect(stopped.phase).toBe('cancelled');
    for (const done of [emptyStoriesRun(), start(1, { cached: [1] }), run]) expect(storiesRunReducer(done, { type: 'cancel' })).toBe(done);
  });

  it('a stopped worker: what was out goes back to the queue (or is left, after Cancel)', () => {
    const run = sendAll(reduce(sendAll(start(3, { concurrency: 1 })), { type: 'done', id: idOf(1), paid: true, now: 10 }));
    expect(run.pace.lastAt).toBe(10);
    const restarted = reduce(run, { type: 'restarted' });
    expect(statuses(restarted)).toBe('done queued queued');
    expect(restarted.pace.lastAt).toBeNull();
    expect(statuses(reduce(run, { type: 'cancel' }, { type: 'restarted' }))).toBe('done left left');
    expect(statuses(reduce(run, { type: 'pause' }, { type: 'restarted' }))).toBe('done queued queued');
    const nothingOut = start(2);
    expect(storiesRunReducer(nothingOut, { type: 'restarted' })).toBe(nothingOut);
  });

  it('takes a new setting of lookups at once, and the same one changes nothing', () => {
    const run = start(2, { concurrency: 2 });
    expect(storiesRunReducer(run, { type: 'set-concurrency', concurrency: 2 })).toBe(run);
    expect(reduce(run, { type: 'set-concurrency', concurrency: 5 }).pace).toMatchObject({ limit: 5, current: 5 });
  });
});

describe('the view', () => {
  it('counts done and failed, the failures by kind, and says the phase, spent and stop reason', () => {
    let run = sendAll(start(5, { concurrency: 5, cached: [5] }));
    run = reduce(
      run,
      { type: 'done', id: idOf(1), paid: true, now: 1 },
      { type: 'failed', id: idOf(2), error: 'timeout', now: 2 },
      { type: 'failed', id: idOf(3), error: 'timeout', now: 3 },
      { type: 'failed', id: idOf(4), error: 'not-found', now: 4 },
    );
    expect(storiesRunView(run)).toEqual({
      phase: 'finished',
      done: 2,
      failed: 3,
      total: 5,
      spent: 1,
      stopReason: null,
      failures: [
        ['timeout', 2],
        ['not-found', 1],
      ],
    });
  });
});

describe('reading a stored run back', () => {
  it('takes a run as it was written', () => {
    const run = sendAll(start(2));
    expect(readStoriesRun(JSON.parse(JSON.stringify(run)))).toEqual(run);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'run'],
    ['no items', { phase: 'running', spent: 0, pace: {} }],
    ['items not a list', { phase: 'running', spent: 0, pace: {}, items: {} }],
    ['no phase', { spent: 0, pace: {}, items: [] }],
    ['no spent', { phase: 'running', pace: {}, items: [] }],
    ['no pace', { phase: 'running', spent: 0, items: [] }],
    ['a null item', { phase: 'running', spent: 0, pace: {}, items: [null] }],
    ['an item missing', { phase: 'running', spent: 0, pace: {}, items: [undefined] }],
    ['one bad item among good ones', { phase: 'running', spent: 0, pace: {}, items: [{ highlightId: '1', handle: 'a', status: 'done' }, { highlightId: '2' }] }],
    ['an item without an id', { phase: 'running', spent: 0, pace: {}, items: [{ handle: 'a', status: 'queued' }] }],
    ['an item without a handle', { phase: 'running', spent: 0, pace: {}, items: [{ highlightId: '1', status: 'queued' }] }],
    ['an item without a status', { phase: 'running', spent: 0, pace: {}, items: [{ highlightId: '1', handle: 'a' }] }],
  ])('refuses %s', (_what, raw) => {
    expect(readStoriesRun(raw)).toBeNull();
  });
});
