import { describe, expect, it } from 'vitest';
import { estimateRun, normaliseRunSettings, progressOf, type ItemStatus, type RunItem } from '@/utils/collections/run-record';
import { newRun, runReducer } from '@/entrypoints/background/collections/run-machine';
import { h } from '@/test/unit/helpers/handles';

/** Profiles a1, a2, … in the given states. */
function itemsOf(...statuses: ItemStatus[]): RunItem[] {
  return statuses.map((status, i) => ({ handle: h(`a${i + 1}`), status, count: null, error: null, paid: false }));
}

describe('the estimate', () => {
  it('counts cached profiles as free and the rest as one credit each', () => {
    expect(estimateRun(itemsOf('new', 'new', 'new', 'new', 'new', 'new'), new Set([h('a2'), h('a5')]))).toEqual({ profiles: 6, cached: 2, lookups: 4, done: 0 });
  });

  it('counts a done profile as done, even when its answer is also in the cache', () => {
    expect(estimateRun(itemsOf('done', 'done', 'failed', 'queued', 'new'), new Set([h('a1'), h('a5')]))).toEqual({ profiles: 5, cached: 1, lookups: 2, done: 2 });
  });

  it('asks nothing of an empty collection', () => {
    expect(estimateRun(itemsOf(), new Set([h('a1')]))).toEqual({ profiles: 0, cached: 0, lookups: 0, done: 0 });
  });
});

describe('a run head', () => {
  it('says how far the run is from its counts, without the profiles', () => {
    const run = runReducer(newRun([h('a1'), h('a2'), h('a3')]), { type: 'start', now: 0, concurrency: 3 });
    const done = runReducer(runReducer(run, { type: 'item-done', handle: h('a1'), count: 4, paid: true, now: 1 }), { type: 'item-failed', handle: h('a2'), error: 'not-found', now: 2 });
    expect(progressOf(done.head)).toEqual({ handled: 2, total: 3 });
  });
});

describe('the run settings', () => {
  it('are 1 to 6 lookups at once (3 unless chosen) and notifications off unless chosen', () => {
    expect(normaliseRunSettings(undefined)).toEqual({ concurrency: 3, notify: false });
    expect(normaliseRunSettings({ concurrency: 6, notify: true })).toEqual({ concurrency: 6, notify: true });
    expect([0, 7, 2.5, '4', null].map((concurrency) => normaliseRunSettings({ concurrency }).concurrency)).toEqual([3, 3, 3, 3, 3]);
    expect(normaliseRunSettings({ notify: 'yes' }).notify).toBe(false);
  });
});
