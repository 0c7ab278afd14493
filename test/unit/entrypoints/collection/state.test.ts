import { describe, expect, it } from 'vitest';
import { initialPageState, pageReducer, type PageEvent, type PageState } from '@/entrypoints/collection/state';
import { DEFAULT_COLLECTION_ID, type CollectionRun, type CollectionView, type RunItem } from '@/utils/collections/run-record';
import { parsePastedList } from '@/utils/collections/collection-input';
import { translatorFor } from '@/test/support/locales';
import { h } from '@/test/unit/helpers/handles';

const en = translatorFor('en');

/** A view of the default collection with `handled` of `total` profiles done, in `phase`. */
function viewOf(phase: CollectionRun['phase'], handled: number, total: number, startedAt: number | null = 1): CollectionView {
  const items: RunItem[] = Array.from({ length: total }, (_, i) => ({
    handle: h(`p${i}`),
    status: i < handled ? 'done' : phase === 'running' ? 'queued' : 'new',
    count: i < handled ? 2 : null,
    error: null,
    paid: true,
  }));
  return { id: DEFAULT_COLLECTION_ID, name: null, cached: [], run: { phase, items, spent: handled, stopReason: phase === 'stopped' ? 'out-of-credits' : null, startedAt } };
}

const run = (events: PageEvent[], state: PageState = initialPageState()) => events.reduce(pageReducer, state);
const seen = (view: CollectionView | null, at: number, id = DEFAULT_COLLECTION_ID): PageEvent => ({ type: 'view-loaded', view, id, at });

describe('the page state', () => {
  it('measures the pace from the first view of a running stretch, and starts again when the stretch does', () => {
    let state = run([seen(viewOf('running', 2, 10), 1_000), seen(viewOf('running', 4, 10), 2_000)]);
    expect(state.pace).toEqual({ startedAt: 1, at: 1_000, handled: 2 });
    expect(state.seenAt).toBe(2_000);
    state = run([seen(viewOf('paused', 5, 10, null), 3_000)], state);
    expect(state.pace).toBeNull();
    state = run([seen(viewOf('running', 5, 10, 4_000), 4_100)], state);
    expect(state.pace).toEqual({ startedAt: 4_000, at: 4_100, handled: 5 });
  });

  it('announces a phase it sees change and progress by tenths, not what it finds on opening', () => {
    let state = run([seen(viewOf('running', 3, 10), 1)]);
    expect(state.announcement).toBeNull();
    state = run([seen(viewOf('running', 3, 10), 2)], state);
    expect(state.announcement).toBeNull();
    state = run([seen(viewOf('running', 4, 10), 3)], state);
    expect(en(state.announcement!)).toBe('4 of 10 profiles');
    state = run([seen(viewOf('stopped', 6, 10), 4)], state);
    expect(en(state.announcement!)).toMatch(/^Stopped: your SociaVault account is out of credits/);
    state = run([seen(viewOf('finished', 10, 10), 5)], state);
    expect(en(state.announcement!)).toBe('Finished.');
  });

  it('keeps what the last paste did, with what was there already and what did not fit', () => {
    const paste = parsePastedList('nasa\n@NASA\nnatgeo\nexplore\nhttps://example.com/x\nunicode.names');
    const state = run([{ type: 'pasted', paste, added: 1, overLimit: 1 }]);
    expect(state.paste).toMatchObject({ added: 1, overLimit: 1, alreadyIn: 1 });
    expect(state.paste!.duplicates.map((d) => [d.line, d.of])).toEqual([[2, 'nasa']]);
    expect(state.paste!.refused.map((r) => r.reason)).toEqual(['route-word', 'not-instagram']);
  });

  it('drops an estimate once a run is going, and everything of a collection when another is chosen', () => {
    const estimated: PageEvent = { type: 'estimated', estimate: { profiles: 10, cached: 0, lookups: 10, done: 0 }, balance: null, confirm: true };
    let state = run([seen(viewOf('idle', 0, 10, null), 1), estimated]);
    expect(state.estimate?.confirm).toBe(true);
    state = run([seen(viewOf('running', 0, 10), 2)], state);
    expect(state.estimate).toBeNull();
    state = run([{ type: 'pasted', paste: parsePastedList('nasa'), added: 1, overLimit: 0 }, { type: 'selected', id: 'c-x' }], state);
    expect(state).toMatchObject({ selected: 'c-x', view: null, paste: null, estimate: null, pace: null });
  });

  it('ignores an answer for a collection no longer shown, and goes back to the default when one is gone', () => {
    let state = run([{ type: 'selected', id: 'c-x' }, seen(viewOf('idle', 0, 3, null), 1, DEFAULT_COLLECTION_ID)]);
    expect(state.view).toBeNull();
    state = run([seen(null, 2, 'c-x')], state);
    expect(state.selected).toBe(DEFAULT_COLLECTION_ID);
    state = run([{ type: 'selected', id: 'c-y' }, { type: 'collections-loaded', collections: [{ id: DEFAULT_COLLECTION_ID, name: null, size: 0, phase: 'idle' }] }], state);
    expect(state.selected).toBe(DEFAULT_COLLECTION_ID);
  });
});
