import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCollectionResults } from '@/entrypoints/background/collections/results-store';
import { createCollections, type Collections } from '@/entrypoints/background/collections/collection-service';
import { createLookupService } from '@/entrypoints/background/lookup/lookup-service';
import { apiKeyItem } from '@/entrypoints/background/storage-items';
import { createRunStore } from '@/entrypoints/background/collections/run-store';
import { DEFAULT_COLLECTION_ID, itemsOf, MAX_COLLECTION_SIZE, type CollectionView } from '@/utils/collections/run-record';
import { h } from '@/test/unit/helpers/handles';
import { PATIENT } from '@/test/unit/helpers/patience';

/**
 * A SociaVault that answers every handle with `count` highlights (or an error
 * status for the handles in `errors`), and records the most requests it ever
 * had open at once.
 */
function api({ errors = {} as Record<string, number>, credits = Infinity, tooMany = (_handle: string, _nth: number): string | null => null } = {}) {
  let open = 0;
  let maxOpen = 0;
  let left = credits;
  const sent: string[] = [];
  /** How many were out at once when each request arrived, in order. */
  const openAt: number[] = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (input) => {
    const handle = new URL(String(input)).searchParams.get('handle') ?? '?';
    const nth = sent.filter((sentBefore) => sentBefore === handle).length;
    sent.push(handle);
    open++;
    openAt.push(open);
    maxOpen = Math.max(maxOpen, open);
    await new Promise((resolve) => setTimeout(resolve, 1));
    open--;
    const retryAfter = tooMany(handle, nth);
    if (retryAfter !== null) return new Response(JSON.stringify({ error: 'Too many requests' }), { status: 429, headers: retryAfter === '' ? {} : { 'Retry-After': retryAfter } });
    if (errors[handle]) return new Response(JSON.stringify({ error: 'x', required: 1, available: 0 }), { status: errors[handle] });
    if (left <= 0) return new Response(JSON.stringify({ error: 'Insufficient credits', required: 1, available: 0 }), { status: 402 });
    left--;
    const highlights = [{ id: `179${handle.length}0001`, title: `${handle} one` }, { id: `179${handle.length}0002`, title: `${handle} two` }];
    return new Response(JSON.stringify({ success: true, data: { success: true, highlights }, credits_used: 1 }));
  });
  return { fetch, sent, openAt, maxOpen: () => maxOpen };
}

function setup(fake = api(), idb = new IDBFactory(), cacheBudget?: { maxEntries: number }) {
  const lookup = createLookupService({ fetch: fake.fetch, isOnline: () => true, sleep: async () => undefined, cacheBudget });
  const ended: Array<{ id: string; phase: string; notify: boolean }> = [];
  const collections = createCollections({
    lookup,
    results: createCollectionResults(idb),
    onRunEnded: ({ id, head, notify }) => ended.push({ id, phase: head.phase, notify }),
  });
  return { ...fake, lookup, collections, idb, ended };
}

const itemsIn = (view: CollectionView | null) => (view ? itemsOf(view.run) : []);

/**
 * Waits until the run is no longer running and no lookup of it is out: a run
 * that stopped by itself still takes in the answers it had asked for.
 */
async function settled(collections: Collections, id = DEFAULT_COLLECTION_ID): Promise<CollectionView> {
  let view: CollectionView | null = null;
  await vi.waitFor(
    async () => {
      view = await collections.get(id);
      expect(view?.run.head.phase).not.toBe('running');
      expect(view?.run.head.counts.running).toBe(0);
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

/** The default collection's profiles as storage holds them (what a new worker would find). */
async function storedItems() {
  return itemsOf(await createRunStore().load(DEFAULT_COLLECTION_ID));
}


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
  await first.collections.saveSettings({ concurrency: 2 });
  await first.collections.control(DEFAULT_COLLECTION_ID, 'start');
  await vi.waitFor(() => expect(dying).toHaveBeenCalledTimes(4), PATIENT);
  // Stopped once what it did is stored: two done, two out, the rest waiting.
  const expected = ['done', 'done', 'running', 'running', ...Array<string>(profiles - 4).fill('queued')];
  await vi.waitFor(async () => expect((await storedItems()).map((i) => i.status)).toEqual(expected), PATIENT);
  return idb;
}

describe('collections', () => {
  it('has a default collection; adding keeps each profile once, up to the limit', async () => {
    const { collections } = setup();
    expect(await collections.list()).toEqual([{ id: DEFAULT_COLLECTION_ID, name: null, size: 0, phase: 'idle' }]);
    expect(await collections.add(DEFAULT_COLLECTION_ID, [h('nasa'), h('natgeo'), h('nasa')])).toEqual({ added: 2, size: 2, overLimit: 0, left: [] });
    expect(await collections.add(DEFAULT_COLLECTION_ID, [h('nasa')])).toEqual({ added: 0, size: 2, overLimit: 0, left: [] });
    const full = await collections.add(DEFAULT_COLLECTION_ID, many(MAX_COLLECTION_SIZE));
    expect(full).toEqual({ added: MAX_COLLECTION_SIZE - 2, size: MAX_COLLECTION_SIZE, overLimit: 2, left: ['p9998', 'p9999'] });
  });

  it('estimates before anything is sent: cached profiles are free', async () => {
    const { collections, lookup, fetch } = setup();
    await lookup.lookup(h('p1'), { refresh: false });
    await collections.add(DEFAULT_COLLECTION_ID, many(5));
    expect(await collections.estimate(DEFAULT_COLLECTION_ID)).toEqual({ profiles: 5, cached: 1, lookups: 4, done: 0 });
    expect((await collections.get(DEFAULT_COLLECTION_ID))?.cached).toEqual(['p1']);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('runs three at a time by default, pays only for what is not cached, and keeps every answer in order', async () => {
    const { collections, lookup, sent, maxOpen, ended } = setup();
    await lookup.lookup(h('p3'), { refresh: false });
    await collections.add(DEFAULT_COLLECTION_ID, many(8));
    await collections.control(DEFAULT_COLLECTION_ID, 'start');
    const view = await settled(collections);
    expect(view.run.head.phase).toBe('finished');
    expect(view.run.head.spent).toBe(7);
    expect(sent.filter((handle) => handle !== 'p3').length).toBe(7);
    expect(sent.filter((handle) => handle === 'p3')).toHaveLength(1);
    expect(maxOpen()).toBe(3);
    expect(ended).toEqual([{ id: DEFAULT_COLLECTION_ID, phase: 'finished', notify: false }]);
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
    expect(view.run.head.phase).toBe('finished');
    expect(sent.sort()).toEqual(['new0', 'new1', 'new2', 'new3']);
    expect(view.run.head.spent).toBe(4);
    const page = await collections.results(DEFAULT_COLLECTION_ID, 0, 8);
    expect(page.lists.map((list) => list.handle)).toEqual([...many(4, 'new'), ...many(4, 'warm')]);
  });

  it('marks errors failed and goes on; stops by itself when credits run out, keeping all that is done', async () => {
    const { collections, sent } = setup(api({ errors: { p1: 404 }, credits: 4 }));
    await collections.add(DEFAULT_COLLECTION_ID, many(10));
    await collections.control(DEFAULT_COLLECTION_ID, 'start');
    const view = await settled(collections);
    expect(view.run.head.phase).toBe('stopped');
    expect(view.run.head.stopReason).toBe('out-of-credits');
    expect(itemsIn(view).find((item) => item.handle === 'p1')).toMatchObject({ status: 'failed', error: 'not-found' });
    expect(itemsIn(view).filter((item) => item.status === 'done')).toHaveLength(4);
    // Nothing was sent after the run stopped but what was already out (three at a time).
    expect(sent.length).toBeLessThanOrEqual(8);
    expect((await collections.results(DEFAULT_COLLECTION_ID, 0, 100)).lists).toHaveLength(4);
  });

  it('a stopped worker: a new one resumes the run, and asks nothing twice (what was out is reported as interrupted)', async () => {
    const idb = await runStoppedAfterTwoAnswers(6);
    const fresh = api();
    const second = setup(fresh, idb);
    await second.collections.resumeAll();
    const view = await settled(second.collections);
    expect(view.run.head.phase).toBe('finished');
    expect(itemsIn(view).map((i) => [i.handle, i.status, i.error])).toEqual([
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
    expect(view?.run.head.phase).toBe('idle');
    expect(itemsIn(view)).toMatchObject([{ handle: 'nasa', status: 'done', count: 2 }]);
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
    expect(itemsIn(await settled(second.collections)).filter((i) => i.error === 'interrupted')).toHaveLength(2);
    expect(fresh.sent).toEqual([]);
    // Resume leaves them; Start (confirmed with its estimate) asks again.
    await second.collections.control(DEFAULT_COLLECTION_ID, 'start');
    const view = await settled(second.collections);
    expect(view.run.head.phase).toBe('finished');
    expect(itemsIn(view).every((i) => i.status === 'done')).toBe(true);
    expect(fresh.sent).toEqual(['p2', 'p3']);
  });
});

describe('a run that SociaVault asks to slow down', () => {
  it('a storm of 429s: the run goes fewer at a time, asks again for each profile, and loses none', async () => {
    // Profiles 20 to 39 answer 429 (Retry-After: 0) the first two times they are asked.
    const storm = (handle: string, nth: number) => (Number(handle.slice(1)) >= 20 && Number(handle.slice(1)) < 40 && nth < 2 ? '0' : null);
    const { collections, sent, openAt, ended } = setup(api({ tooMany: storm }));
    await collections.saveSettings({ concurrency: 6 });
    await collections.add(DEFAULT_COLLECTION_ID, many(60));
    await collections.control(DEFAULT_COLLECTION_ID, 'start');
    const view = await settled(collections);
    expect(view.run.head.phase).toBe('finished');
    expect(view.run.head.counts).toMatchObject({ done: 60, failed: 0 });
    expect(view.run.head.spent).toBe(60);
    expect(sent.filter((handle) => handle === 'p25')).toHaveLength(3);
    expect(sent.filter((handle) => handle === 'p50')).toHaveLength(1);
    // Six at once before the storm; fewer once it began.
    expect(openAt.slice(0, 20)).toContain(6);
    const firstStormAnswer = sent.indexOf('p20');
    expect(Math.max(...openAt.slice(firstStormAnswer + 12))).toBeLessThan(6);
    expect(view.run.head.pace.current).toBeLessThan(6);
    expect(ended.map((end) => end.phase)).toEqual(['finished']);
  });

  it('a long Retry-After stops the run with its reason, keeps every profile, and says so to whoever asked to be told', async () => {
    const { collections, ended } = setup(api({ tooMany: (handle) => (handle === 'p4' ? '3600' : null) }));
    await collections.saveSettings({ concurrency: 1, notify: true });
    await collections.add(DEFAULT_COLLECTION_ID, many(10));
    await collections.control(DEFAULT_COLLECTION_ID, 'start');
    const view = await settled(collections);
    expect(view.run.head).toMatchObject({ phase: 'stopped', stopReason: 'rate-limited', counts: { done: 4, new: 6, failed: 0 } });
    expect(view.run.head.pace.holdUntil).toBeGreaterThan(Date.now() + 3_500_000);
    expect(ended).toEqual([{ id: DEFAULT_COLLECTION_ID, phase: 'stopped', notify: true }]);
  });
});

describe('a big run', () => {
  it('each step writes the head and at most a few parts, never the whole collection, and the settings take effect', async () => {
    const { collections, maxOpen } = setup();
    await collections.add(DEFAULT_COLLECTION_ID, many(2_000));
    expect(await collections.saveSettings({ concurrency: 5 })).toEqual({ concurrency: 5, notify: false });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await collections.control(DEFAULT_COLLECTION_ID, 'start');
    const view = await settled(collections);
    expect(view.run.head.counts.done).toBe(2_000);
    const partsPerWrite = set.mock.calls.map(([items]) => Object.keys(items).filter((key) => key.startsWith('collectionPart:')).length);
    // Start puts every profile in the queue: one write of all 20 parts. After that, a step touches the parts of the lookups it handled.
    expect(partsPerWrite[0]).toBe(20);
    expect(Math.max(...partsPerWrite.slice(1))).toBeLessThanOrEqual(2);
    expect(maxOpen()).toBe(5);
    set.mockRestore();
  });
});
