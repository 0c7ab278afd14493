import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { newRun, nextToStart, runReducer, type RunState } from '@/entrypoints/background/collections/run-machine';
import { createRunStore } from '@/entrypoints/background/collections/run-store';
import { itemsOf, sizeOf, type CollectionRun } from '@/utils/collections/run-record';
import { applyStoredChanges, decodeHead, newerRun } from '@/utils/collections/run-storage';
import { h } from '@/test/unit/helpers/handles';

const many = (n: number, prefix = 'p') => Array.from({ length: n }, (_, i) => h(`${prefix}${i}`));

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

/** Every key storage.local.set was called with, call by call. */
function watchWrites() {
  const set = vi.spyOn(fakeBrowser.storage.local, 'set');
  return () => set.mock.calls.map(([items]) => Object.keys(items).sort());
}

async function stored(): Promise<Record<string, unknown>> {
  return fakeBrowser.storage.local.get(null);
}

describe('a run in storage', () => {
  it('is its head under collection:<id> and its profiles in parts of 100', async () => {
    const store = createRunStore();
    await store.load('default');
    store.put('default', runReducer(await store.load('default'), { type: 'add', handles: many(250) }));
    await store.flush('default');
    const all = await stored();
    expect(Object.keys(all).sort()).toEqual(['collection:default', 'collectionPart:default:0', 'collectionPart:default:1', 'collectionPart:default:2']);
    expect(all['collection:default']).toMatchObject({ v: 2, parts: 3, counts: { new: 250 } });
    expect((all['collectionPart:default:2'] as { items: unknown[] }).items[0]).toEqual(['p200', 'new', null, null, 0]);

    // A new worker reads it back as it was.
    const again = await createRunStore().load('default');
    expect(itemsOf(again).map((item) => item.handle)).toEqual(many(250));
    expect(sizeOf(again.head)).toBe(250);
  });

  it('a step writes the head and the one part it changed, whatever the size of the collection', async () => {
    const store = createRunStore();
    let run: RunState = runReducer(runReducer(newRun(), { type: 'add', handles: many(10_000) }), { type: 'start', now: 0, concurrency: 1 });
    store.put('default', run);
    await store.load('default');
    await store.flush('default');
    const writes = watchWrites();
    for (let i = 0; i < 5; i++) {
      const [handle] = nextToStart(run, 0);
      run = runReducer(run, { type: 'items-started', handles: [handle!] });
      run = runReducer(run, { type: 'item-done', handle: handle!, count: 2, paid: true, now: i });
      store.put('default', run);
      await store.flush('default');
    }
    expect(writes()).toEqual(Array(5).fill(['collection:default', 'collectionPart:default:0']));
  });

  it('changes made while a write is under way go out together in the next one', async () => {
    const store = createRunStore();
    let run = runReducer(newRun(many(300)), { type: 'start', now: 0, concurrency: 3 });
    store.put('default', run);
    await store.load('default');
    await store.flush('default');
    // Storage takes its time over the first write.
    const original = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    let release = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementationOnce(async (items) => {
      await slow;
      return original(items);
    });
    const done = (handle: string) => {
      run = runReducer(run, { type: 'item-done', handle: h(handle), count: 1, paid: true, now: 1 });
      store.put('default', run);
      return store.flush('default');
    };
    const first = done('p0');
    await vi.waitFor(() => expect(set).toHaveBeenCalledTimes(1));
    const later = [done('p150'), done('p299')];
    release();
    await Promise.all([first, ...later]);
    const writes = () => set.mock.calls.map(([items]) => Object.keys(items).sort());
    // The first change went out alone; the two made while it was written, in one write.
    expect(writes()).toEqual([
      ['collection:default', 'collectionPart:default:0'],
      ['collection:default', 'collectionPart:default:1', 'collectionPart:default:2'],
    ]);
    expect(itemsOf(await createRunStore().load('default')).filter((item) => item.status === 'done')).toHaveLength(3);
  });

  it('reads a run that an older version kept in one key, and rewrites it in parts', async () => {
    await fakeBrowser.storage.local.set({
      'collection:default': {
        phase: 'stopped',
        spent: 1,
        stopReason: 'out-of-credits',
        startedAt: null,
        items: [
          { handle: 'nasa', status: 'done', count: 2, error: null, paid: true },
          { handle: 'natgeo', status: 'cached', count: null, error: null, paid: false },
          { handle: 'bbc', status: 'failed', count: null, error: 'not-found', paid: false },
        ],
      },
    });
    const store = createRunStore();
    const run = await store.load('default');
    expect(run.head).toMatchObject({ phase: 'stopped', spent: 1, stopReason: 'out-of-credits', counts: { done: 1, new: 1, failed: 1 }, highlights: 2 });
    expect(itemsOf(run).map((item) => [item.handle, item.status])).toEqual([
      ['nasa', 'done'],
      ['natgeo', 'new'],
      ['bbc', 'failed'],
    ]);
    expect((await store.heads(['default'])).get('default')?.counts.done).toBe(1);
    await store.flush('default');
    const all = await stored();
    expect(all['collection:default']).toMatchObject({ v: 2, parts: 1 });
    expect(all['collection:default']).not.toHaveProperty('items');
    expect(itemsOf(await createRunStore().load('default'))).toEqual(itemsOf(run));
  });

  it('keeps what fits of a damaged run: a broken head starts over, bad profiles and repeats are dropped', async () => {
    await fakeBrowser.storage.local.set({
      'collection:default': { v: 2, phase: 'sideways', parts: 2, rev: 'x', counts: { done: 99 } },
      'collectionPart:default:0': { rev: 1, items: [['nasa', 'done', 2, null, 1], ['NASA', 'new'], null, ['explore', 'new'], ['natgeo', 'weird']] },
      'collectionPart:default:1': { rev: 1, items: [['nasa', 'new', null, null, 0], ['bbc', 'failed', null, 'no-such-error', 0]] },
    });
    const run = await createRunStore().load('default');
    expect(run.head.phase).toBe('idle');
    expect(itemsOf(run)).toEqual([
      { handle: 'nasa', status: 'done', count: 2, error: null, paid: true },
      { handle: 'bbc', status: 'failed', count: null, error: null, paid: false },
    ]);
    expect(run.head.counts).toEqual({ new: 0, queued: 0, running: 0, done: 1, failed: 1 });
  });

  it('removes a run, head and parts, and a write under way cannot put it back', async () => {
    const store = createRunStore();
    store.put('c-1', newRun(many(120)));
    await store.load('c-1');
    const writing = store.flush('c-1');
    await store.remove('c-1');
    await writing;
    expect(Object.keys(await stored())).toEqual([]);
    expect(sizeOf((await store.load('c-1')).head)).toBe(0);
  });

  it('empties a run that stays: an empty head one rev on, no parts, so that a page holding the old run takes the empty one', async () => {
    const told: Array<{ prevRev: number; changes: Record<string, { newValue?: unknown }> }> = [];
    const store = createRunStore({ onWritten: (news) => told.push(news) });
    store.put('default', runReducer(newRun(), { type: 'add', handles: many(250) }));
    await store.load('default');
    await store.flush('default');
    const page: CollectionRun = { head: decodeHead((await stored())['collection:default'])!, parts: [] };
    expect(page.head.rev).toBeGreaterThan(0);

    await store.empty('default');
    expect(Object.keys(await stored())).toEqual(['collection:default']);
    const emptied = decodeHead((await stored())['collection:default'])!;
    expect(emptied).toMatchObject({ rev: page.head.rev + 1, parts: 0, counts: { new: 0, done: 0 } });
    // The page's answer after Clear, and the news of it, both replace what it held.
    expect(newerRun(page, { head: emptied, parts: [] }).head).toBe(emptied);
    expect(applyStoredChanges(page, 'default', told.at(-1)!.changes).head.rev).toBe(emptied.rev);
    expect(sizeOf((await createRunStore().load('default')).head)).toBe(0);
  });

  it('reads only the heads when asked how the collections stand', async () => {
    const store = createRunStore();
    store.put('default', newRun(many(500)));
    await store.load('default');
    await store.flush('default');
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const heads = await createRunStore().heads(['default', 'c-none']);
    expect(get.mock.calls.map(([keys]) => keys)).toEqual([['collection:default', 'collection:c-none']]);
    expect(sizeOf(heads.get('default')!)).toBe(500);
    expect(sizeOf(heads.get('c-none')!)).toBe(0);
  });
});
