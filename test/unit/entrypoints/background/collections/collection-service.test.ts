import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCollectionResults } from '@/entrypoints/background/collections/results-store';
import { createCollections, type Collections } from '@/entrypoints/background/collections/collection-service';
import { createLookupService } from '@/entrypoints/background/lookup/lookup-service';
import { apiKeyItem } from '@/entrypoints/background/storage-items';
import { DEFAULT_COLLECTION_ID, MAX_COLLECTION_SIZE, type CollectionView } from '@/utils/collections/run-record';
import { h } from '@/test/unit/helpers/handles';
import { PATIENT } from '@/test/unit/helpers/patience';

/**
 * A SociaVault that answers every handle with `count` highlights (or an error
 * status for the handles in `errors`), and records the most requests it ever
 * had open at once.
 */
function api({ errors = {} as Record<string, number>, credits = Infinity } = {}) {
  let open = 0;
  let maxOpen = 0;
  let left = credits;
  const sent: string[] = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (input) => {
    const handle = new URL(String(input)).searchParams.get('handle') ?? '?';
    sent.push(handle);
    open++;
    maxOpen = Math.max(maxOpen, open);
    await new Promise((resolve) => setTimeout(resolve, 1));
    open--;
    if (errors[handle]) return new Response(JSON.stringify({ error: 'x', required: 1, available: 0 }), { status: errors[handle] });
    if (left <= 0) return new Response(JSON.stringify({ error: 'Insufficient credits', required: 1, available: 0 }), { status: 402 });
    left--;
    const highlights = [{ id: `179${handle.length}0001`, title: `${handle} one` }, { id: `179${handle.length}0002`, title: `${handle} two` }];
    return new Response(JSON.stringify({ success: true, data: { success: true, highlights }, credits_used: 1 }));
  });
  return { fetch, sent, maxOpen: () => maxOpen };
}

function setup(fake = api(), idb = new IDBFactory(), cacheBudget?: { maxEntries: number }) {
  const lookup = createLookupService({ fetch: fake.fetch, isOnline: () => true, sleep: async () => undefined, cacheBudget });
  const collections = createCollections({ lookup, results: createCollectionResults(idb) });
  return { ...fake, lookup, collections, idb };
}

/**
 * Waits until the run is no longer running and no lookup of it is out: a run
 * that stopped by itself still takes in the answers it had asked for.
 */
async function settled(collections: Collections, id = DEFAULT_COLLECTION_ID): Promise<CollectionView> {
  let view: CollectionView | null = null;
  await vi.waitFor(
    async () => {
      view = await collections.get(id);
      expect(view?.run.phase).not.toBe('running');
      expect(view?.run.items.filter((item) => item.status === 'running')).toEqual([]);
    },
    PATIENT,
  );
  return view!;
}

const many = (n: number, prefix = 'p') => Array.from({ length: n }, (_, i) => h(`${prefix}${i}`));

beforeEach(async () => {
  fakeBrowser.reset();
  await apiKeyItem.setValue('sk_test');
});


/**
 * A worker that starts a run of `profiles` profiles, gets two answers, and is
 * stopped while its next two requests are out (they never come back). Returns
 * the IndexedDB it leaves, for the next worker.
 */
async function runStoppedAfterTwoAnswers(profiles: number): Promise<IDBFactory> {
  const idb = new IDBFactory();
  const good = api();
  let answered = 0;
  const dying = vi.fn<typeof globalThis.fetch>((input, init) =>
    answered++ < 2 ? good.fetch(input, init) : new Promise<Response>(() => undefined),
  );
  const first = setup({ ...good, fetch: dying }, idb);
  await first.collections.add(DEFAULT_COLLECTION_ID, many(profiles));
  await first.collections.control(DEFAULT_COLLECTION_ID, 'start');
  await vi.waitFor(() => expect(dying).toHaveBeenCalledTimes(4), PATIENT);
  // Stopped once what it did is stored: two done, two out, the rest waiting.
  const expected = ['done', 'done', 'running', 'running', ...Array<string>(profiles - 4).fill('queued')];
  await vi.waitFor(async () => expect((await first.collections.get(DEFAULT_COLLECTION_ID))?.run.items.map((i) => i.status)).toEqual(expected), PATIENT);
  return idb;
}

describe('collections', () => {
  it('has a default collection; adding keeps each profile once, up to the limit', async () => {
    const { collections } = setup();
    expect(await collections.list()).toEqual([{ id: DEFAULT_COLLECTION_ID, name: null, size: 0, phase: 'idle' }]);
    expect(await collections.add(DEFAULT_COLLECTION_ID, [h('nasa'), h('natgeo'), h('nasa')])).toEqual({ added: 2, size: 2, overLimit: 0 });
    expect(await collections.add(DEFAULT_COLLECTION_ID, [h('nasa')])).toEqual({ added: 0, size: 2, overLimit: 0 });
    const full = await collections.add(DEFAULT_COLLECTION_ID, many(MAX_COLLECTION_SIZE));
    expect(full).toEqual({ added: MAX_COLLECTION_SIZE - 2, size: MAX_COLLECTION_SIZE, overLimit: 2 });
  });

  it('estimates before anything is sent: cached profiles are free', async () => {
    const { collections, lookup, fetch } = setup();
    await lookup.lookup(h('p1'), { refresh: false });
    await collections.add(DEFAULT_COLLECTION_ID, many(5));
    expect(await collections.estimate(DEFAULT_COLLECTION_ID)).toEqual({ profiles: 5, cached: 1, lookups: 4, done: 0 });
    expect((await collections.get(DEFAULT_COLLECTION_ID))?.cached).toEqual(['p1']);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('runs two at a time, pays only for what is not cached, and keeps every answer in order', async () => {
    const { collections, lookup, sent, maxOpen } = setup();
    await lookup.lookup(h('p3'), { refresh: false });
    await collections.add(DEFAULT_COLLECTION_ID, many(8));
    await collections.control(DEFAULT_COLLECTION_ID, 'start');
    const view = await settled(collections);
    expect(view.run.phase).toBe('finished');
    expect(view.run.spent).toBe(7);
    expect(sent.filter((handle) => handle !== 'p3').length).toBe(7);
    expect(sent.filter((handle) => handle === 'p3')).toHaveLength(1);
    expect(maxOpen()).toBe(2);
    const page = await collections.results(DEFAULT_COLLECTION_ID, 0, 5);
    expect(page.total).toBe(8);
    expect(page.lists.map((list) => list.handle)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(page.lists[0]!.highlights).toHaveLength(2);
  });

  it('takes the cached answers before sending anything, so that the paid lookups cannot push them out of a full cache: the estimate holds', async () => {
    // A cache of 4 answers, all of them profiles of the collection, which come after 4 new ones.
    const { collections, lookup, sent } = setup(api(), new IDBFactory(), { maxEntries: 4 });
    for (const handle of many(4, 'warm')) await lookup.lookup(handle, { refresh: false });
    sent.length = 0;
    await collections.add(DEFAULT_COLLECTION_ID, [...many(4, 'new'), ...many(4, 'warm')]);
    expect(await collections.estimate(DEFAULT_COLLECTION_ID)).toMatchObject({ cached: 4, lookups: 4 });
    await collections.control(DEFAULT_COLLECTION_ID, 'start');
    const view = await settled(collections);
    expect(view.run.phase).toBe('finished');
    expect(sent.sort()).toEqual(['new0', 'new1', 'new2', 'new3']);
    expect(view.run.spent).toBe(4);
    const page = await collections.results(DEFAULT_COLLECTION_ID, 0, 8);
    expect(page.lists.map((list) => list.handle)).toEqual([...many(4, 'new'), ...many(4, 'warm')]);
  });

  it('marks errors failed and goes on; stops by itself when credits run out, keeping all that is done', async () => {
    const { collections, sent } = setup(api({ errors: { p1: 404 }, credits: 4 }));
    await collections.add(DEFAULT_COLLECTION_ID, many(10));
    await collections.control(DEFAULT_COLLECTION_ID, 'start');
    const view = await settled(collections);
    expect(view.run.phase).toBe('stopped');
    expect(view.run.stopReason).toBe('out-of-credits');
    expect(view.run.items.find((item) => item.handle === 'p1')).toMatchObject({ status: 'failed', error: 'not-found' });
    expect(view.run.items.filter((item) => item.status === 'done')).toHaveLength(4);
    // Nothing was sent after the run stopped but what was already out.
    expect(sent.length).toBeLessThanOrEqual(7);
    expect((await collections.results(DEFAULT_COLLECTION_ID, 0, 100)).lists).toHaveLength(4);
  });

  it('a stopped worker: a new one resumes the run, and asks nothing twice (what was out is reported as interrupted)', async () => {
    const idb = await runStoppedAfterTwoAnswers(6);
    const fresh = api();
    const second = setup(fresh, idb);
    await second.collections.resumeAll();
    const view = await settled(second.collections);
    expect(view.run.phase).toBe('finished');
    expect(view.run.items.map((i) => [i.handle, i.status, i.error])).toEqual([
      ['p0', 'done', null],
      ['p1', 'done', null],
      ['p2', 'failed', 'interrupted'],
      ['p3', 'failed', 'interrupted'],
      ['p4', 'done', null],
      ['p5', 'done', null],
    ]);
    expect(fresh.sent).toEqual(['p4', 'p5']);
  });

  it('clears a collection, profiles, run and answers; another collection is deleted', async () => {
    const { collections } = setup();
    const id = await collections.create('Research');
    await collections.add(id, many(3));
    await collections.control(id, 'start');
    await settled(collections, id);
    await collections.clear(id, { drop: true });
    expect((await collections.list()).map((c) => c.id)).toEqual([DEFAULT_COLLECTION_ID]);
    expect(await collections.get(id)).toBeNull();
    await collections.add(DEFAULT_COLLECTION_ID, many(2));
    await collections.clear(DEFAULT_COLLECTION_ID, { drop: true });
    expect(await collections.list()).toEqual([{ id: DEFAULT_COLLECTION_ID, name: null, size: 0, phase: 'idle' }]);
  });

  it('reads a corrupt stored run as what fits of it', async () => {
    const { collections } = setup();
    await fakeBrowser.storage.local.set({
      'collection:default': { phase: 'sideways', items: [{ handle: 'nasa', status: 'done', count: 2 }, { handle: 'NASA' }, null, { handle: 'explore', status: 'new' }] },
    });
    const view = await collections.get(DEFAULT_COLLECTION_ID);
    expect(view?.run).toMatchObject({ phase: 'idle', items: [{ handle: 'nasa', status: 'done', count: 2 }] });
  });
});

describe('a run and the browser', () => {
  it('keeps the resume alarm while a run is going on, from its start, and drops it when the run ends', async () => {
    const activity: boolean[] = [];
    const fake = api();
    const lookup = createLookupService({ fetch: fake.fetch, isOnline: () => true, sleep: async () => undefined });
    const collections = createCollections({ lookup, results: createCollectionResults(new IDBFactory()), onActivity: (running) => activity.push(running) });
    await collections.add(DEFAULT_COLLECTION_ID, many(4));
    await collections.control(DEFAULT_COLLECTION_ID, 'start');
    await vi.waitFor(() => expect(activity).toContain(true), PATIENT);
    await settled(collections);
    await vi.waitFor(() => expect(activity.at(-1)).toBe(false), PATIENT);
  });

  it('Start asks once more for profiles whose lookup was interrupted (the user confirmed it), and only once', async () => {
    const idb = await runStoppedAfterTwoAnswers(4);
    const fresh = api();
    const second = setup(fresh, idb);
    await second.collections.resumeAll();
    expect((await settled(second.collections)).run.items.filter((i) => i.error === 'interrupted')).toHaveLength(2);
    expect(fresh.sent).toEqual([]);
    // Resume leaves them; Start (confirmed with its estimate) asks again.
    await second.collections.control(DEFAULT_COLLECTION_ID, 'start');
    const view = await settled(second.collections);
    expect(view.run.phase).toBe('finished');
    expect(view.run.items.every((i) => i.status === 'done')).toBe(true);
    expect(fresh.sent).toEqual(['p2', 'p3']);
  });
});
