import { describe, expect, it } from 'vitest';
import { newRun, nextToStart, runReducer, type RunState } from '@/entrypoints/background/collections/run-machine';
import { emptyRun, itemsOf, type CollectionRun } from '@/utils/collections/run-record';
import { applyStoredChanges, decodeHead, encodeHead, encodePart, newerRun, runHeadKey, runPartKey } from '@/utils/collections/run-storage';
import { h } from '@/test/unit/helpers/handles';

const many = (n: number) => Array.from({ length: n }, (_, i) => h(`p${i}`));
const plain = (run: RunState): CollectionRun => ({ head: run.head, parts: run.parts });

/** What one storage.set of a change from `before` to `after` tells a listener. */
function changesOf(id: string, before: CollectionRun, after: CollectionRun): Record<string, { newValue?: unknown }> {
  const changes: Record<string, { newValue?: unknown }> = { [runHeadKey(id)]: { newValue: encodeHead(after.head) } };
  after.parts.forEach((part, n) => {
    if (part !== before.parts[n]) changes[runPartKey(id, n)] = { newValue: encodePart(part) };
  });
  return changes;
}

describe('a page following a run through storage', () => {
  it('applies the head and the parts a change carries, and ends where the background is', () => {
    let run = runReducer(newRun(many(250)), { type: 'start', now: 0, concurrency: 3 });
    let followed = plain(run);
    for (let step = 0; step < 40; step++) {
      const before = run;
      const started = nextToStart(run, 0);
      run = runReducer(run, { type: 'items-started', handles: started });
      for (const handle of started) run = runReducer(run, { type: 'item-done', handle, count: 2, paid: true, now: step });
      followed = applyStoredChanges(followed, 'default', changesOf('default', before, run));
    }
    expect(followed).toEqual(JSON.parse(JSON.stringify(plain(run))));
    expect(itemsOf(followed).filter((item) => item.status === 'done')).toHaveLength(120);
  });

  it('new parts (profiles added) arrive with the head that counts them', () => {
    const before = newRun(many(50));
    const after = runReducer(before, { type: 'add', handles: many(300) });
    const followed = applyStoredChanges(plain(before), 'default', changesOf('default', before, after));
    expect(followed.parts.map((part) => part.items.length)).toEqual([100, 100, 100]);
  });

  it('ignores what is older than what it has, and what belongs to another collection', () => {
    const one = runReducer(newRun(many(10)), { type: 'start', now: 0, concurrency: 1 });
    const two = runReducer(one, { type: 'item-done', handle: h('p0'), count: 1, paid: true, now: 1 });
    const late = changesOf('default', newRun(many(10)), one);
    expect(applyStoredChanges(plain(two), 'default', late)).toEqual(plain(two));
    expect(applyStoredChanges(plain(one), 'c-other', changesOf('default', one, two))).toEqual(plain(one));
  });

  it('a removed head empties the run on screen (the collection was cleared)', () => {
    const run = plain(newRun(many(10)));
    expect(applyStoredChanges(run, 'default', { [runHeadKey('default')]: {} })).toEqual(emptyRun());
  });

  it('an answer from the background that is older than the changes already seen does not undo them', () => {
    const one = runReducer(newRun(many(150)), { type: 'start', now: 0, concurrency: 1 });
    const two = runReducer(one, { type: 'item-done', handle: h('p120'), count: 1, paid: true, now: 1 });
    expect(newerRun(plain(two), plain(one))).toEqual(plain(two));
    expect(newerRun(plain(one), plain(two))).toEqual(plain(two));
  });

  it('a head that is not of this format reads as none', () => {
    expect(decodeHead({ phase: 'running', items: [] })).toBeNull();
    expect(decodeHead(null)).toBeNull();
    expect(decodeHead({ ...encodeHead(newRun(many(3)).head), phase: 'flying', pace: { current: 99, limit: 2 } })).toMatchObject({ phase: 'idle', pace: { limit: 2, current: 2 } });
  });
});
