import { browser } from 'wxt/browser';
import { LOCAL_KEYS, STORIES_RUN_PREFIX } from '@/utils/storage-keys';
import type { StoriesEstimate, StoriesRunOf, StoriesRunView, StoriesStartAnswer } from '@/utils/stories/stories-run-view';
import type { StoriesContent } from '@/utils/stories/cached-stories';
import type { StoriesOfHighlight } from '@/utils/stories/story-files';
import {
  emptyStoriesRun,
  estimateStories,
  nextStories,
  readStoriesRun,
  storiesRunReducer,
  storiesRunView,
  storiesWakeAt,
  type StoriesRun,
  type StoriesRunEvent,
  type StoriesTarget,
} from '../stories/stories-run-machine';
import type { StoriesService } from '../stories/stories-service';
import type { StoriesResults } from './stories-results';
import { createSerialQueue } from '../serial-queue';

export interface StoriesRunsDeps {
  stories: Pick<StoriesService, 'stories' | 'cachedAmong' | 'peek'>;
  results: StoriesResults;
  /** The highlights a run covers, read from what is kept (never a request); null when there is no list to read. */
  targetsOf: (of: StoriesRunOf) => Promise<StoriesTarget[] | null>;
  /** The lookups-at-once setting of collection runs, which stories runs go by too. */
  concurrency: () => Promise<number>;
  now?: () => number;
  /** Told whether any stories run is going on, so the background keeps the alarm that wakes a stopped worker. */
  onActivity?: (running: boolean) => void;
}

export const runIdOf = (of: StoriesRunOf): string => ('profile' in of ? `profile:${of.profile}` : `collection:${of.collection}`);

/**
 * The background's stories runs: the stories of every highlight of a profile
 * (or of a collection's profiles), one request per highlight whose stories
 * the cache does not hold. Nothing is sent before the user confirms the
 * estimate, and Start refuses when the estimate it works out then is not the
 * one the user saw. Every change is stored before any request goes out, so
 * a closed popup or a stopped worker loses nothing and repeats nothing:
 * `resumeAll` (at a new worker's start and at each alarm) goes on, and a
 * request that was out when the worker stopped comes back as interrupted
 * (the stories service's own record), never silently sent again.
 */
export function createStoriesRuns({ stories, results, targetsOf, concurrency, now = Date.now, onActivity }: StoriesRunsDeps) {
  const held = new Map<string, StoriesRun>();
  const driving = new Set<string>();
  const wakers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Highlights whose request was interrupted and that the user confirmed paying for again with Start. */
  const resendOnce = new Map<string, Set<string>>();
  const writes = createSerialQueue();
  const key = (runId: string) => `${STORIES_RUN_PREFIX}${runId}`;

  async function load(runId: string): Promise<StoriesRun> {
    const known = held.get(runId);
    if (known) return known;
    const stored = readStoriesRun((await browser.storage.local.get(key(runId)).catch(() => ({})) as Record<string, unknown>)[key(runId)]);
    // Changed while it was read? What this worker holds wins.
    if (!held.has(runId)) held.set(runId, stored ?? emptyStoriesRun());
    return held.get(runId)!;
  }

  /** A write of each run that is queued and not yet begun: it will write whatever the run holds by then. */
  const queued = new Map<string, Promise<void>>();

  /**
   * Writes what this worker holds of the run, resolving once that is stored;
   * a refused write leaves the run going in memory. Changes made while a
   * write waits its turn go out with it: a fast run never queues a write per
   * change.
   */
  function save(runId: string): Promise<void> {
    const waiting = queued.get(runId);
    if (waiting) return waiting;
    const write = writes(async () => {
      queued.delete(runId);
      const listed = await browser.storage.local.get(LOCAL_KEYS.storiesRuns);
      const ids = Array.isArray(listed[LOCAL_KEYS.storiesRuns]) ? (listed[LOCAL_KEYS.storiesRuns] as unknown[]) : [];
      const changes: Record<string, unknown> = { [key(runId)]: held.get(runId) };
      if (!ids.includes(runId)) changes[LOCAL_KEYS.storiesRuns] = [...ids, runId];
      await browser.storage.local.set(changes);
    }).catch(() => undefined);
    queued.set(runId, write);
    return write;
  }

  async function change(runId: string, event: StoriesRunEvent): Promise<StoriesRun> {
    await load(runId);
    // Read after the await, then reduced and held with nothing awaited between: two
    // changes at once (two answers landing together) each build on the other.
    const before = held.get(runId)!;
    const after = storiesRunReducer(before, event);
    if (after === before) return before;
    held.set(runId, after);
    await save(runId);
    return after;
  }

  async function reportActivity(): Promise<void> {
    for (const runId of await listed()) {
      if ((await load(runId)).phase === 'running') return onActivity?.(true);
    }
    onActivity?.(false);
  }

  async function listed(): Promise<string[]> {
    const stored = await browser.storage.local.get(LOCAL_KEYS.storiesRuns).catch(() => ({}) as Record<string, unknown>);
    const ids = stored[LOCAL_KEYS.storiesRuns];
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  }

  /** Sends the requests the run says to send; marking them running is stored before any is sent. */
  async function pump(runId: string): Promise<void> {
    await load(runId);
    // What to send is picked and marked running with nothing awaited between, so that
    // a second pump at the same moment (two answers landing together) cannot pick it too.
    const run = held.get(runId)!;
    const ids = nextStories(run, now());
    if (ids.length === 0) {
      const wake = storiesWakeAt(run, now());
      if (wake !== null && !wakers.has(runId)) {
        const timer = setTimeout(() => {
          wakers.delete(runId);
          void pump(runId);
        }, wake - now());
        wakers.set(runId, timer);
      }
      if (run.phase !== 'running') {
        driving.delete(runId);
        void reportActivity();
      }
      return;
    }
    driving.add(runId);
    held.set(runId, storiesRunReducer(run, { type: 'started', ids }));
    await save(runId);
    for (const id of ids) void fetchOne(runId, run.items.find((item) => item.highlightId === id)!);
  }

  async function fetchOne(runId: string, target: StoriesTarget): Promise<void> {
    const id = target.highlightId;
    const resend = resendOnce.get(runId)?.delete(id) ?? false;
    const answer = await stories.stories(id, { refresh: false, resend, waitOn429: false }).catch(() => null);
    if (answer?.ok) {
      await keep(runId, target, answer.answer.content);
      await change(runId, { type: 'done', id, paid: !answer.fromCache, now: now() });
    } else if (answer?.error.kind === 'rate-limited') {
      await change(runId, { type: 'rate-limited', id, retryAfterSeconds: answer.error.retryAfterSeconds, now: now() });
    } else {
      await change(runId, { type: 'failed', id, error: answer ? answer.error.kind : 'network', now: now() });
    }
    await pump(runId);
  }

  /** Keeps a highlight's stories for the run's files; an answer in no known shape gives no rows (the cache keeps it raw). */
  async function keep(runId: string, target: StoriesTarget, content: StoriesContent): Promise<void> {
    const read = content.kind === 'read' ? content.stories : null;
    const record: StoriesOfHighlight = {
      handle: target.handle,
      highlightId: target.highlightId,
      highlightTitle: target.title || read?.title || '',
      stories: read?.stories ?? [],
    };
    await results.put(runId, record).catch(() => undefined);
  }

  /** The targets and the estimate: what the cache holds, or this run already has, costs nothing. */
  async function estimateOf(of: StoriesRunOf): Promise<{ targets: StoriesTarget[]; cached: Set<string>; estimate: StoriesEstimate } | null> {
    const targets = await targetsOf(of);
    if (!targets) return null;
    const run = await load(runIdOf(of));
    const have = new Set(run.items.filter((item) => item.status === 'done').map((item) => item.highlightId));
    const cached = await stories.cachedAmong(targets.map((target) => target.highlightId).filter((id) => !have.has(id)));
    return { targets, cached, estimate: estimateStories(targets, new Set([...have, ...cached])) };
  }

  return {
    /** What a run would cost now; null when there is no list to read. Sends nothing. */
    async estimate(of: StoriesRunOf): Promise<StoriesEstimate | null> {
      return (await estimateOf(of))?.estimate ?? null;
    },

    /**
     * Starts (or starts again) a run the user confirmed at `credits`. When
     * the estimate is another now (the cache changed since), nothing starts
     * and the new estimate is the answer, for the user to confirm again.
     */
    async start(of: StoriesRunOf, credits: number): Promise<StoriesStartAnswer> {
      const runId = runIdOf(of);
      if ((await load(runId)).phase === 'running') return { ok: true, view: storiesRunView(await load(runId)) };
      const found = await estimateOf(of);
      if (!found || found.estimate.credits !== credits) return { ok: false, estimate: found?.estimate ?? null };
      // What the cache holds goes into the run's results now, before paid answers could push it out of the cache.
      const kept = new Set<string>();
      for (const target of found.targets) {
        if (!found.cached.has(target.highlightId) || kept.has(target.highlightId)) continue;
        const answer = await stories.peek(target.highlightId);
        if (!answer) continue;
        await keep(runId, target, answer.content);
        kept.add(target.highlightId);
      }
      // Expired in the meantime: it would cost a credit the user was not told of.
      if (kept.size !== found.cached.size) return { ok: false, estimate: (await estimateOf(of))?.estimate ?? null };
      const before = await load(runId);
      resendOnce.set(runId, new Set(before.items.filter((item) => item.status === 'failed' && item.error === 'interrupted').map((item) => item.highlightId)));
      // Driven by this worker before it says "running": resumeAll must not take it for a run a stopped worker left.
      driving.add(runId);
      await change(runId, { type: 'start', targets: found.targets, cached: kept, concurrency: await concurrency() });
      await pump(runId);
      void reportActivity();
      return { ok: true, view: storiesRunView(await load(runId)) };
    },

    async control(of: StoriesRunOf, action: 'pause' | 'resume' | 'cancel'): Promise<StoriesRunView> {
      const runId = runIdOf(of);
      const event: StoriesRunEvent = action === 'resume' ? { type: 'resume', concurrency: await concurrency() } : { type: action };
      if (action === 'resume') driving.add(runId);
      await change(runId, event);
      if (action === 'resume') await pump(runId);
      void reportActivity();
      return storiesRunView(await load(runId));
    },

    /** How far the run is; null when there has been none. */
    async view(of: StoriesRunOf): Promise<StoriesRunView | null> {
      const run = await load(runIdOf(of));
      return run.phase === 'idle' ? null : storiesRunView(run);
    },

    /** The stories the run kept, a page at a time, in the run's order. */
    async results(of: StoriesRunOf, offset: number, limit: number): Promise<{ highlights: StoriesOfHighlight[]; total: number }> {
      const runId = runIdOf(of);
      const done = (await load(runId)).items.filter((item) => item.status === 'done');
      const ids = done.slice(offset, offset + limit).map((item) => item.highlightId);
      return { highlights: await results.get(runId, ids).catch(() => []), total: done.length };
    },

    /**
     * Forgets a run and its stories (a collection emptied or deleted). A run
     * going on is cancelled first: what is out lands, and nothing more starts.
     */
    async forget(of: StoriesRunOf): Promise<void> {
      const runId = runIdOf(of);
      await change(runId, { type: 'cancel' });
      held.set(runId, emptyStoriesRun());
      await writes(async () => {
        const ids = (await listed()).filter((id) => id !== runId);
        await browser.storage.local.set({ [LOCAL_KEYS.storiesRuns]: ids });
        await browser.storage.local.remove(key(runId));
      }).catch(() => undefined);
      await results.clear(runId).catch(() => undefined);
    },

    /** The lookups-at-once setting changed: the runs going on go by it from now. */
    async setConcurrency(value: number): Promise<void> {
      for (const runId of driving) {
        await change(runId, { type: 'set-concurrency', concurrency: value });
        await pump(runId);
      }
    },

    /** Goes on with every run a stopped worker left running: what was out goes back to the queue. */
    async resumeAll(): Promise<void> {
      for (const runId of await listed()) {
        await load(runId);
        // Checked after the await, and claimed with nothing awaited between: a run this
        // worker drives (Start or Resume just now) is not a stopped worker's to restart.
        if (driving.has(runId) || held.get(runId)!.phase !== 'running') continue;
        driving.add(runId);
        await change(runId, { type: 'restarted' });
        await pump(runId);
      }
      await reportActivity();
    },
  };
}

export type StoriesRuns = ReturnType<typeof createStoriesRuns>;
