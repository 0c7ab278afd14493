import { describe, expect, it } from 'vitest';
import { initialPageState, pageReducer, type PageEvent, type PageState } from '@/entrypoints/collection/state';
import { newRun, runReducer, type RunState } from '@/entrypoints/background/collections/run-machine';
import { DEFAULT_COLLECTION_ID, itemsOf, type CollectionView, type RunPhase } from '@/utils/collections/run-record';
import { parsePastedList } from '@/utils/collections/collection-input';
import { encodeHead, encodePart, runHeadKey, runPartKey } from '@/utils/collections/run-storage';
import { translatorFor } from '@/test/support/locales';
import { h } from '@/test/unit/helpers/handles';

const en = translatorFor('en');

/** The default collection's run with `handled` of `total` profiles done, in `phase`. */
function runOf(phase: RunPhase, handled: number, total: number): RunState {
  let run = newRun(Array.from({ length: total }, (_, i) => h(`p${i}`)));
  if (phase === 'idle') return run;
  run = runReducer(run, { type: 'start', now: 1, concurrency: 3 });
  for (let i = 0; i < handled; i++) run = runReducer(run, { type: 'item-done', handle: h(`p${i}`), count: 2, paid: true, now: 1 });
  if (phase === 'stopped') run = runReducer(runReducer(run, { type: 'items-started', handles: [h(`p${handled}`)] }), { type: 'item-failed', handle: h(`p${handled}`), error: 'out-of-credits', now: 2 });
  if (phase === 'paused') run = runReducer(run, { type: 'pause' });
  return run;
}

const viewOf = (run: RunState, id = DEFAULT_COLLECTION_ID): CollectionView => ({ id, name: null, cached: [], run: { head: run.head, parts: run.parts } });
const reduce = (events: PageEvent[], state: PageState = initialPageState()) => events.reduce(pageReducer, state);
const seen = (view: CollectionView | null, at: number, id = DEFAULT_COLLECTION_ID): PageEvent => ({ type: 'view-loaded', view, id, at });
/** The storage change event of going from `before` to `after`. */
function changed(before: RunState, after: RunState, at: number, id = DEFAULT_COLLECTION_ID): PageEvent {
  const changes: Record<string, { newValue?: unknown }> = { [runHeadKey(id)]: { newValue: encodeHead(after.head) } };
  after.parts.forEach((part, n) => {
    if (part !== before.parts[n]) changes[runPartKey(id, n)] = { newValue: encodePart(part) };
  });
  return { type: 'run-changed', id, changes, at };
}

describe('the page state', () => {
  it('follows the run from storage changes, and notes when it last heard of it (for the time left)', () => {
    const start = runOf('running', 2, 10);
    const next = runReducer(start, { type: 'item-done', handle: h('p2'), count: 5, paid: true, now: 3 });
    const state = reduce([seen(viewOf(start), 1_000), changed(start, next, 2_000)]);
    expect(state.seenAt).toBe(2_000);
    expect(state.view!.run.head.counts.done).toBe(3);
    expect(itemsOf(state.view!.run)[2]).toMatchObject({ status: 'done', count: 5 });
    // A change it has seen already, arriving late, changes nothing.
    expect(reduce([changed(runOf('running', 2, 10), start, 3_000)], state)).toBe(state);
  });

  it('an answer of the background older than the changes already seen does not undo them', () => {
    const start = runOf('running', 2, 10);
    const next = runReducer(start, { type: 'item-done', handle: h('p2'), count: 5, paid: true, now: 3 });
    const state = reduce([seen(viewOf(start), 1), changed(start, next, 2), seen(viewOf(start), 3)]);
    expect(state.view!.run.head.counts.done).toBe(3);
  });

  it('ignores changes of another collection', () => {
    const start = runOf('running', 2, 10);
    const next = runReducer(start, { type: 'item-done', handle: h('p2'), count: 5, paid: true, now: 3 });
    const state = reduce([seen(viewOf(start), 1)]);
    expect(reduce([changed(start, next, 2, 'c-other')], state)).toBe(state);
  });

  it('announces a phase it sees change and progress by tenths, not what it finds on opening', () => {
    let state = reduce([seen(viewOf(runOf('running', 3, 10)), 1)]);
    expect(state.announcement).toBeNull();
    state = reduce([seen(viewOf(runOf('running', 3, 10)), 2)], state);
    expect(state.announcement).toBeNull();
    state = reduce([seen(viewOf(runOf('running', 4, 10)), 3)], state);
    expect(en(state.announcement!)).toBe('4 of 10 profiles');
    state = reduce([seen(viewOf(runOf('stopped', 6, 10)), 4)], state);
    expect(en(state.announcement!)).toMatch(/^Stopped: your SociaVault account is out of credits/);
    state = reduce([seen(viewOf(runOf('running', 10, 10)), 5)], state);
    expect(en(state.announcement!)).toBe('Finished.');
  });

  it('keeps what the last paste did: what was there already, what did not fit, the lines read as text and those left in the box', () => {
    const paste = parsePastedList('nasa\n@NASA\nnatgeo\nexplore\nhttps://example.com/x\nunicode.names\nLoved @bbc!');
    const state = reduce([{ type: 'pasted', paste, added: 1, overLimit: 1, linesLeft: 5 }]);
    expect(state.paste).toMatchObject({ added: 1, overLimit: 1, alreadyIn: 2, linesRead: 7, linesLeft: 5 });
    expect(state.paste!.duplicates.map((d) => [d.line, d.of])).toEqual([[2, 'nasa']]);
    expect(state.paste!.refused.map((r) => r.reason)).toEqual(['route-word', 'not-instagram']);
    expect(state.paste!.textLines).toEqual([{ line: 7, text: 'Loved @bbc!', taken: ['bbc'] }]);
  });

  it('drops an estimate once a run is going, and everything of a collection when another is chosen (but the settings)', () => {
    const estimated: PageEvent = { type: 'estimated', estimate: { profiles: 10, cached: 0, lookups: 10, done: 0 }, balance: null, confirm: true };
    let state = reduce([{ type: 'settings-loaded', settings: { concurrency: 4, notify: true } }, seen(viewOf(runOf('idle', 0, 10)), 1), estimated]);
    expect(state.estimate?.confirm).toBe(true);
    state = reduce([seen(viewOf(runOf('running', 0, 10)), 2)], state);
    expect(state.estimate).toBeNull();
    state = reduce([{ type: 'pasted', paste: parsePastedList('nasa'), added: 1, overLimit: 0, linesLeft: 0 }, { type: 'selected', id: 'c-x' }], state);
    expect(state).toMatchObject({ selected: 'c-x', view: null, paste: null, estimate: null, settings: { concurrency: 4, notify: true } });
  });

  it('ignores an answer for a collection no longer shown, and goes back to the default when one is gone', () => {
    let state = reduce([{ type: 'selected', id: 'c-x' }, seen(viewOf(runOf('idle', 0, 3)), 1, DEFAULT_COLLECTION_ID)]);
    expect(state.view).toBeNull();
    state = reduce([seen(null, 2, 'c-x')], state);
    expect(state.selected).toBe(DEFAULT_COLLECTION_ID);
    state = reduce([{ type: 'selected', id: 'c-y' }, { type: 'collections-loaded', collections: [{ id: DEFAULT_COLLECTION_ID, name: null, size: 0, phase: 'idle' }] }], state);
    expect(state.selected).toBe(DEFAULT_COLLECTION_ID);
  });
});
