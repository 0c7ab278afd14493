import {
  DEFAULT_COLLECTION_ID,
  estimateRun,
  sizeOf,
  type CollectionView,
  type Estimate,
  type RunHead,
  type RunSettings,
} from '@/utils/collections/run-record';
import type { Handle } from '@/utils/profile-url';
import type { CollectionNews } from '@/utils/collections/run-storage';
import type { CollectionSummary, RunAction } from '@/utils/protocol';
import { nextToStart, runReducer, wakeAt, type RunEvent, type RunState } from './run-machine';
import { createRunStore } from './run-store';
import { collectionList, createRunSettings } from './collection-list';
import type { CollectionResults } from './results-store';
import { createSerialQueue } from '../serial-queue';
import type { LookupService } from '../lookup/lookup-service';

export interface CollectionsDeps {
  lookup: LookupService;
  results: CollectionResults;
  now?: () => number;
  /** Told whether any run is going on, so the background can keep an alarm to resume it. */
  onActivity?: (running: boolean) => void;
  /** Told when a run ended by itself (finished, or stopped), to tell the user if they asked to be. */
  onRunEnded?: (ended: { id: string; name: string | null; head: RunHead; notify: boolean }) => void;
  /** Tells the open collection pages what changed (utils/collections/run-storage.ts, COLLECTION_NEWS). */
  news?: (news: CollectionNews) => void;
}

const each = (run: RunState) => run.parts.flatMap((part) => part.items);
/** A run as it crosses the message boundary: no Map, no cursor. */
const plain = (run: RunState) => ({ head: run.head, parts: run.parts });

/**
 * Named collections of profiles and their runs. Run events go through
 * runReducer, and every change to a run is stored before any lookup is sent,
 * so a closed page, a stopped worker or a browser restart loses nothing:
 * `resumeAll` goes on where a run stopped, and the lookup service does not
 * pay twice for a profile whose answer it has (or whose request may already
 * have been paid).
 */
export function createCollections({ lookup, results, now = Date.now, onActivity, onRunEnded, news }: CollectionsDeps) {
  const serial = createSerialQueue();
  const runs = createRunStore({ onWritten: news });
  /** Runs this worker is driving; a run marked running but not here was left by a stopped worker. */
  const driving = new Set<string>();
  /** A timer per run that waits out a Retry-After before it starts lookups again. */
  const wakers = new Map<string, ReturnType<typeof setTimeout>>();
  /**
   * Profiles whose last lookup was interrupted (it may have been paid for)
   * and that the user has sent again with Start, after confirming its
   * estimate. For these, the lookup service sends the request once more
   * instead of reporting the interruption again.
   */
  const resendOnce = new Map<string, Set<Handle>>();
  const runSettings = createRunSettings();

  const { read: listing, nameOf } = collectionList;
  const saveListing = async (rows: Parameters<typeof collectionList.save>[0]) => {
    await collectionList.save(rows);
    news?.({ kind: 'listing' });
  };

  /** Applies an event to the run in memory (stored by the next flush); says when a run ended by itself. */
  async function change(id: string, event: RunEvent): Promise<RunState> {
    await runs.load(id);
    const before = runs.held(id)!;
    const after = runReducer(before, event);
    if (after === before) return before;
    runs.put(id, after);
    const ended = before.head.phase === 'running' && (after.head.phase === 'finished' || after.head.phase === 'stopped');
    if (ended) {
      const notify = (await runSettings.get()).notify;
      onRunEnded?.({ id, name: (await nameOf(id)) ?? null, head: after.head, notify });
    }
    return after;
  }

  async function reportActivity(): Promise<void> {
    const heads = await runs.heads((await listing()).map(([id]) => id));
    onActivity?.([...heads.values()].some((head) => head.phase === 'running'));
  }

  /**
   * Starts the lookups the run says to start; marking them running is stored
   * before any of them is sent. Each answer calls pump again.
   */
  async function pump(id: string): Promise<void> {
    await runs.load(id);
    const run = runs.held(id)!;
    const started = nextToStart(run, now());
    if (started.length === 0) {
      await runs.flush(id).catch(() => undefined);
      const wake = wakeAt(run, now());
      if (wake !== null && !wakers.has(id)) {
        wakers.set(
          id,
          setTimeout(() => {
            wakers.delete(id);
            void pump(id);
          }, wake - now()),
        );
      }
      if (run.head.phase !== 'running') {
        driving.delete(id);
        void reportActivity();
      }
      return;
    }
    driving.add(id);
    await change(id, { type: 'items-started', handles: started });
    // A storage that refuses the write does not stop the run: it goes on in memory, and the next write tries again.
    await runs.flush(id).catch(() => undefined);
    for (const handle of started) void lookOne(id, handle);
  }

  async function lookOne(id: string, handle: Handle): Promise<void> {
    const resend = resendOnce.get(id)?.delete(handle) ?? false;
    const answer = await lookup.lookup(handle, { refresh: false, resend, waitOn429: false }).catch(() => null);
    if (answer?.ok) {
      await results.put(id, answer.list).catch(() => undefined);
      await change(id, { type: 'item-done', handle, count: answer.list.highlights.length, paid: !answer.fromCache, now: now() });
    } else if (answer?.error.kind === 'rate-limited') {
      await change(id, { type: 'item-rate-limited', handle, retryAfterSeconds: answer.error.retryAfterSeconds, now: now() });
    } else {
      await change(id, { type: 'item-failed', handle, error: answer ? answer.error.kind : 'network', now: now() });
    }
    await pump(id);
  }

  /**
   * Marks done, for free, every queued profile whose answer is in the cache
   * now, before anything is sent. The cache keeps a few hundred answers and a
   * collection thousands, so otherwise the run's paid lookups could push out
   * answers that the estimate counted as free, and then pay for them.
   */
  async function takeCached(id: string): Promise<void> {
    const queued = each(await runs.load(id))
      .filter((item) => item.status === 'queued')
      .map((item) => item.handle);
    const cached = await lookup.cachedAmong(queued);
    for (const handle of queued) {
      if (!cached.has(handle)) continue;
      const list = await lookup.peek(handle);
      if (!list) continue; // Expired since: the run looks it up in its turn.
      await results.put(id, list).catch(() => undefined);
      await change(id, { type: 'item-done', handle, count: list.highlights.length, paid: false, now: now() });
    }
  }

  async function view(id: string, name: string | null): Promise<CollectionView> {
    const run = await runs.load(id);
    // Only a profile not in the run shows as cached; asking about the queued ones
    // would read every cached answer each time the page asks while a run goes on.
    const open = run.head.phase === 'running' || run.head.counts.new === 0 ? [] : each(run).filter((item) => item.status === 'new').map((item) => item.handle);
    return { id, name, run: plain(run), cached: [...(await lookup.cachedAmong(open))] };
  }

  return {
    async list(): Promise<CollectionSummary[]> {
      const rows = await listing();
      const heads = await runs.heads(rows.map(([id]) => id));
      return rows.map(([id, name]) => {
        const head = heads.get(id)!;
        return { id, name, size: sizeOf(head), phase: head.phase };
      });
    },

    async get(id: string): Promise<CollectionView | null> {
      const name = await nameOf(id);
      return name === undefined ? null : view(id, name);
    },

    async create(name: string): Promise<string> {
      const id = `c-${now().toString(36)}-${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
      await serial(async () => saveListing([...(await listing()), [id, name]]));
      return id;
    },

    async rename(id: string, name: string): Promise<boolean> {
      return serial(async () => {
        const rows = await listing();
        if (!rows.some(([known]) => known === id)) return false;
        await saveListing(rows.map(([known, old]) => [known, known === id ? name : old]));
        return true;
      });
    },

    /** Adds profiles not in it yet, up to the size limit; says how many went in, and which did not fit. */
    async add(id: string, handles: readonly Handle[]): Promise<{ added: number; size: number; overLimit: number; left: Handle[] }> {
      if ((await nameOf(id)) === undefined) return { added: 0, size: 0, overLimit: handles.length, left: [...handles] };
      const before = await runs.load(id);
      const fresh = [...new Set(handles.filter((handle) => !before.where.has(handle)))];
      const after = await change(id, { type: 'add', handles });
      await runs.flush(id);
      const added = sizeOf(after.head) - sizeOf(before.head);
      // The run takes fresh profiles in order until it is full: the ones after those are left.
      const left = fresh.slice(added);
      return { added, size: sizeOf(after.head), overLimit: left.length, left };
    },

    async remove(id: string, handles: readonly Handle[]): Promise<number> {
      const run = await change(id, { type: 'remove', handles });
      await runs.flush(id);
      const kept = new Set(handles.filter((handle) => run.where.has(handle)));
      await results.remove(id, handles.filter((handle) => !kept.has(handle))).catch(() => undefined);
      return sizeOf(run.head);
    },

    /** Empties it: profiles, run and answers. The default collection stays, empty; another one goes. */
    async clear(id: string, { drop = false } = {}): Promise<void> {
      await serial(async () => {
        const dropped = drop && id !== DEFAULT_COLLECTION_ID;
        if (!dropped) return runs.empty(id);
        await runs.remove(id);
        await saveListing((await listing()).filter(([known]) => known !== id));
      });
      await results.clear(id).catch(() => undefined);
      void reportActivity();
    },

    async estimate(id: string): Promise<Estimate> {
      const items = each(await runs.load(id));
      const open = items.filter((item) => item.status !== 'done').map((item) => item.handle);
      return estimateRun(items, await lookup.cachedAmong(open));
    },

    async control(id: string, action: RunAction): Promise<CollectionView | null> {
      const name = await nameOf(id);
      if (name === undefined) return null;
      const { concurrency } = await runSettings.get();
      const event: RunEvent = action === 'start' || action === 'resume' ? { type: action, now: now(), concurrency } : { type: action };
      if (action === 'start') {
        const interrupted = each(await runs.load(id)).filter((item) => item.status === 'failed' && item.error === 'interrupted');
        resendOnce.set(id, new Set(interrupted.map((item) => item.handle)));
      }
      await change(id, event);
      if (action === 'start' || action === 'resume') {
        await takeCached(id);
        await pump(id);
      } else {
        await runs.flush(id);
      }
      // Whatever the action, bring the alarm that resumes runs after a stopped worker up to date.
      void reportActivity();
      return view(id, name);
    },

    /** What the user chose for every run; a change of the lookups at once applies to the runs going on now. */
    settings: () => runSettings.get(),

    async saveSettings(patch: Partial<RunSettings>): Promise<RunSettings> {
      const next = await runSettings.save(patch);
      news?.({ kind: 'settings', settings: next });
      for (const [id] of await listing()) {
        if (!driving.has(id)) continue;
        await change(id, { type: 'set-concurrency', concurrency: next.concurrency });
        await pump(id);
      }
      return { ...next };
    },

    /** The answers of a run, a page at a time, in the collection's order. */
    async results(id: string, offset: number, limit: number) {
      const done = each(await runs.load(id)).filter((item) => item.status === 'done');
      const handles = done.slice(offset, offset + limit).map((item) => item.handle);
      return { lists: await results.lists(id, handles), total: done.length };
    },

    /**
     * Goes on with every run a stopped worker left running: what was in flight
     * goes back to the queue (the lookup service reports a request that may
     * have been paid as interrupted, rather than paying again).
     */
    async resumeAll(): Promise<void> {
      const rows = await listing();
      const heads = await runs.heads(rows.map(([id]) => id));
      for (const [id] of rows) {
        if (driving.has(id) || heads.get(id)?.phase !== 'running') continue;
        driving.add(id);
        await change(id, { type: 'restarted', now: now() });
        await takeCached(id);
        await pump(id);
      }
      await reportActivity();
    },
  };
}

export type Collections = ReturnType<typeof createCollections>;
