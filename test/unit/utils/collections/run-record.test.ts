import { describe, expect, it } from 'vitest';
import { estimateRun, type CollectionRun, type ItemStatus } from '@/utils/collections/run-record';
import { h } from '@/test/unit/helpers/handles';

/** A run whose profiles a1, a2, … are in the given states. */
function runOf(...statuses: ItemStatus[]): CollectionRun {
  const items = statuses.map((status, i) => ({ handle: h(`a${i + 1}`), status, count: null, error: null, paid: false }));
  return { phase: 'idle', items, spent: 0, stopReason: null, startedAt: null };
}

describe('the estimate', () => {
  it('counts cached profiles as free and the rest as one credit each', () => {
    const run = runOf('new', 'new', 'new', 'new', 'new', 'new');
    expect(estimateRun(run, new Set([h('a2'), h('a5')]))).toEqual({ profiles: 6, cached: 2, lookups: 4, done: 0 });
  });

  it('counts a done profile as done, even when its answer is also in the cache', () => {
    const run = runOf('done', 'done', 'failed', 'queued', 'new');
    expect(estimateRun(run, new Set([h('a1'), h('a5')]))).toEqual({ profiles: 5, cached: 1, lookups: 2, done: 2 });
  });

  it('asks nothing of an empty collection', () => {
    expect(estimateRun(runOf(), new Set([h('a1')]))).toEqual({ profiles: 0, cached: 0, lookups: 0, done: 0 });
  });
});
