import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCacheStore } from '@/entrypoints/background/cache/cache-store';
import { createStoriesService } from '@/entrypoints/background/stories/stories-service';
import { targetsOfList, type StoriesTarget } from '@/entrypoints/background/stories/stories-run-machine';
import { createStoriesResults } from '@/entrypoints/background/story-runs/stories-results';
import { createStoriesRuns } from '@/entrypoints/background/story-runs/stories-runs';
import { apiKeyItem } from '@/entrypoints/background/storage-items';
import type { StoriesRunView } from '@/utils/stories/stories-run-view';
import { DEFAULT_SCENARIOS, highlightDetailBody, profileScenarios, storiesScenario } from '@/test/support/scenarios';
import { h } from '@/test/unit/helpers/handles';
import { PATIENT } from '@/test/unit/helpers/patience';

const nasa = profileScenarios(DEFAULT_SCENARIOS).find((p) => p.username === 'nasa')!;
/** nasa's first six highlights: every one answered in a shape the reader knows. */
const COUNT = 6;
const list = { handle: h('nasa'), ownerId: null, fetchedAt: 0, highlights: nasa.highlights.slice(0, COUNT).map((x) => ({ id: x.id, title: x.title, coverUrl: null })) };
const idAt = (index: number) => nasa.highlights[index]!.id;
const OF = { profile: h('nasa') };

/**
 * A SociaVault answering highlight-detail for nasa's highlights; `hold` keeps
 * a request out until released, `tooMany` answers a highlight's first
 * request 429. Records the most requests ever out at once.
 */
function fakeApi({ tooMany = new Set<string>() } = {}) {
  let open = 0;
  let maxOpen = 0;
  const held: Array<() => void> = [];
  let holding = false;
  const sent: string[] = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (input) => {
    const id = new URL(String(input)).searchParams.get('id')!;
    const nth = sent.filter((s) => s === id).length;
    sent.push(id);
    open++;
    maxOpen = Math.max(maxOpen, open);
    if (holding) await new Promise<void>((resolve) => held.push(resolve));
    else await new Promise((resolve) => setTimeout(resolve, 1));
    open--;
    if (tooMany.has(id) && nth === 0) return new Response('{}', { status: 429, headers: { 'Retry-After': '0' } });
    const index = nasa.highlights.findIndex((x) => x.id === id);
    return new Response(JSON.stringify(highlightDetailBody(storiesScenario(nasa, index), Date.now())));
  });
  return {
    fetch,
    sent,
    maxOpen: () => maxOpen,
    hold: () => (holding = true),
    release: () => {
      holding = false;
      held.splice(0).forEach((go) => go());
    },
  };
}

function setup(api = fakeApi(), { idb = new IDBFactory(), concurrency = 2, targets = async (): Promise<StoriesTarget[] | null> => targetsOfList(list) } = {}) {
  const cache = createCacheStore({ now: Date.now });
  const stories = createStoriesService({ cache, fetch: api.fetch, isOnline: () => true, sleep: async () => undefined });
  const activity: boolean[] = [];
  const runs = createStoriesRuns({
    stories,
    results: createStoriesResults(idb),
    targetsOf: targets,
    concurrency: async () => concurrency,
    onActivity: (running) => activity.push(running),
  });
  return { api, stories, runs, idb, activity };
}

const settled = async (runs: ReturnType<typeof setup>['runs'], phase: StoriesRunView['phase'] = 'finished') =>
  vi.waitFor(async () => expect((await runs.view(OF))?.phase).toBe(phase), PATIENT);

beforeEach(async () => {
  fakeBrowser.reset();
  await apiKeyItem.setValue('sk_test_Key123');
});

describe('the estimate', () => {
  it('counts the cached highlights as free and sends nothing', async () => {
    const { api, runs, stories } = setup();
    await stories.stories(idAt(1), { refresh: false });
    expect(await runs.estimate(OF)).toEqual({ highlights: COUNT, cached: 1, credits: COUNT - 1 });
    expect(api.fetch).toHaveBeenCalledTimes(1);
    expect(await runs.view(OF)).toBeNull();
  });

  it('is null when there is no list to read, and Start then starts nothing', async () => {
    const { api, runs } = setup(fakeApi(), { targets: async () => null });
    expect(await runs.estimate(OF)).toBeNull();
    expect(await runs.start(OF, 0)).toEqual({ ok: false, estimate: null });
    expect(api.fetch).not.toHaveBeenCalled();
  });
});

describe('a run', () => {
  it('refuses a Start at another number of credits than the estimate now, and sends nothing', async () => {
    const { api, runs } = setup();
    expect(await runs.start(OF, COUNT + 1)).toEqual({ ok: false, estimate: { highlights: COUNT, cached: 0, credits: COUNT } });
    expect(api.fetch).not.toHaveBeenCalled();
  });

  it('sends one request per uncached highlight, never more at once than the setting, and keeps every story for the files', async () => {
    const { api, runs, stories, activity } = setup();
    await stories.stories(idAt(0), { refresh: false });
    const answer = await runs.start(OF, COUNT - 1);
    expect(answer.ok).toBe(true);
    await settled(runs);
    expect(api.sent.toSorted()).toEqual(list.highlights.map((x) => x.id).toSorted());
    expect(api.maxOpen()).toBe(2);
    expect(await runs.view(OF)).toMatchObject({ done: COUNT, failed: 0, total: COUNT, spent: COUNT - 1 });
    const { highlights, total } = await runs.results(OF, 0, 200);
    expect(total).toBe(COUNT);
    expect(highlights.map((x) => [x.highlightId, x.highlightTitle, x.stories.map((s) => s.id)])).toEqual(
      list.highlights.map((x, i) => [x.id, x.title, storiesScenario(nasa, i).stories.map((s) => s.pk)]),
    );
    expect((await runs.results(OF, 4, 1)).highlights.map((x) => x.highlightId)).toEqual([idAt(4)]);
    await vi.waitFor(() => expect(activity.at(-1)).toBe(false), PATIENT);
    expect(activity).toContain(true);
  });

  it('answers landing together, and an alarm’s resumeAll during Start, send nothing twice and count every credit once', async () => {
    const api = fakeApi();
    const { runs } = setup(api, { concurrency: 3 });
    api.hold();
    // The alarm’s resumeAll at the moment Start has stored the run as running: the run is
    // this worker’s, not one a stopped worker left (whose requests out go back to the queue).
    const resumes: Promise<void>[] = [];
    fakeBrowser.storage.onChanged.addListener(() => void resumes.push(runs.resumeAll()));
    const answer = await runs.start(OF, COUNT);
    await Promise.all(resumes);
    expect(answer.ok).toBe(true);
    await vi.waitFor(() => expect(api.sent).toHaveLength(3), PATIENT);
    // Three answers land at once: each pump that follows picks what the others have not.
    api.release();
    await vi.waitFor(() => expect(api.sent).toHaveLength(COUNT), PATIENT);
    api.release();
    await settled(runs);
    expect(api.sent.toSorted()).toEqual(list.highlights.map((x) => x.id).toSorted());
    expect(await runs.view(OF)).toMatchObject({ done: COUNT, failed: 0, total: COUNT, spent: COUNT });
  });

  it('started again when done costs nothing more', async () => {
    const { api, runs } = setup();
    await runs.start(OF, COUNT);
    await settled(runs);
    expect(await runs.estimate(OF)).toEqual({ highlights: COUNT, cached: COUNT, credits: 0 });
    expect((await runs.start(OF, 0)).ok).toBe(true);
    await settled(runs);
    expect(api.fetch).toHaveBeenCalledTimes(COUNT);
  });

  it('pauses (what is out lands, nothing more is sent), resumes, and cancels leaving the rest', async () => {
    const { api, runs } = setup();
    api.hold();
    await runs.start(OF, COUNT);
    await vi.waitFor(() => expect(api.fetch).toHaveBeenCalledTimes(2), PATIENT);
    expect((await runs.control(OF, 'pause')).phase).toBe('paused');
    api.release();
    await vi.waitFor(async () => expect((await runs.view(OF))?.done).toBe(2), PATIENT);
    expect(api.fetch).toHaveBeenCalledTimes(2);
    api.hold();
    expect((await runs.control(OF, 'resume')).phase).toBe('running');
    await vi.waitFor(() => expect(api.fetch).toHaveBeenCalledTimes(4), PATIENT);
    expect((await runs.control(OF, 'cancel')).phase).toBe('cancelled');
    api.release();
    await vi.waitFor(async () => expect((await runs.view(OF))?.done).toBe(4), PATIENT);
    expect(api.fetch).toHaveBeenCalledTimes(4);
    expect((await runs.view(OF))?.total).toBe(COUNT);
  });

  it('hears of a 429 at once and asks that highlight again in its turn', async () => {
    const { api, runs } = setup(fakeApi({ tooMany: new Set([idAt(1)]) }));
    await runs.start(OF, COUNT);
    await settled(runs);
    expect(api.sent.filter((id) => id === idAt(1))).toHaveLength(2);
    expect(await runs.view(OF)).toMatchObject({ done: COUNT, spent: COUNT });
  });

  it('goes by a new lookups-at-once setting', async () => {
    const { api, runs } = setup(fakeApi(), { concurrency: 1 });
    api.hold();
    await runs.start(OF, COUNT);
    await vi.waitFor(() => expect(api.fetch).toHaveBeenCalledTimes(1), PATIENT);
    await runs.setConcurrency(3);
    await vi.waitFor(() => expect(api.fetch).toHaveBeenCalledTimes(3), PATIENT);
    api.release();
    await settled(runs);
  });
});

describe('forgetting a run', () => {
  it('cancels it, forgets its stories and its place in storage, and leaves other runs alone', async () => {
    const idb = new IDBFactory();
    const { api, runs } = setup(fakeApi(), { idb });
    await runs.start(OF, COUNT);
    await settled(runs);
    await runs.forget(OF);
    expect(await runs.view(OF)).toBeNull();
    expect(await runs.results(OF, 0, 200)).toEqual({ highlights: [], total: 0 });
    expect(await fakeBrowser.storage.local.get(null)).not.toHaveProperty('storiesRun:profile:nasa');
    expect((await fakeBrowser.storage.local.get('storiesRuns')).storiesRuns).toEqual([]);
    // A new worker finds nothing left of it.
    const again = setup(fakeApi(), { idb });
    expect(await again.runs.view(OF)).toBeNull();
    expect(await createStoriesResults(idb).get('profile:nasa', [idAt(0)])).toEqual([]);
    expect(api.fetch).toHaveBeenCalledTimes(COUNT);
  });
});

describe('a stopped worker', () => {
  it('the next worker goes on: the request it lost is reported as interrupted, never sent again, and the rest fetched once', async () => {
    const idb = new IDBFactory();
    const first = setup(fakeApi(), { idb, concurrency: 1 });
    first.api.hold();
    await first.runs.start(OF, COUNT);
    await vi.waitFor(() => expect(first.api.fetch).toHaveBeenCalledTimes(1), PATIENT);

    // A new worker over the same storage: the first one's request never comes back.
    const second = setup(fakeApi(), { idb, concurrency: 2 });
    await second.runs.resumeAll();
    await settled(second.runs);
    expect(second.api.sent).not.toContain(idAt(0));
    expect(second.api.sent.toSorted()).toEqual(list.highlights.slice(1).map((x) => x.id).toSorted());
    expect(await second.runs.view(OF)).toMatchObject({ done: COUNT - 1, failed: 1, failures: [['interrupted', 1]] });

    // Started again, the user confirms paying for it once more: it is sent, once.
    expect(await second.runs.estimate(OF)).toEqual({ highlights: COUNT, cached: COUNT - 1, credits: 1 });
    await second.runs.start(OF, 1);
    await settled(second.runs);
    expect(second.api.sent.filter((id) => id === idAt(0))).toHaveLength(1);
    expect((await second.runs.view(OF))?.done).toBe(COUNT);
  });

  it('a run that was not running is left as it was', async () => {
    const idb = new IDBFactory();
    const first = setup(fakeApi(), { idb });
    first.api.hold();
    await first.runs.start(OF, COUNT);
    await first.runs.control(OF, 'pause');
    const second = setup(fakeApi(), { idb });
    await second.runs.resumeAll();
    expect((await second.runs.view(OF))?.phase).toBe('paused');
    expect(second.api.fetch).not.toHaveBeenCalled();
  });
});
