import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_COLLECTION_ID,
  estimateRun,
  MAX_COLLECTION_SIZE,
  type CollectionRun,
  type CollectionView,
  type Estimate,
  type RunItem,
} from '@/utils/collections/run-record';
import { toHandle, type Handle } from '@/utils/profile-url';
import type { CollectionSummary, RunAction } from '@/utils/protocol';
import { COLLECTION_PREFIX, LOCAL_KEYS } from '@/utils/storage-keys';
import { newRun, nextToStart, runReducer, type RunEvent } from './run-machine';
import type { CollectionResults } from './results-store';
import { createSerialQueue } from '../serial-queue';
import type { LookupService } from '../lookup/lookup-service';

type Listing = Array<[id: string, name: string | null]>;

const runKey = (id: string): `local:${string}` => `local:${COLLECTION_PREFIX}${id}`;
const LISTING_KEY: `local:${string}` = `local:${LOCAL_KEYS.collections}`;

const ITEM_STATUSES = new Set(['new', 'cached', 'queued', 'running', 'done', 'failed']);
const PHASES = new Set(['idle', 'running', 'paused', 'stopped', 'finished', 'cancelled']);

/** A stored run, checked item by item; what does not fit is dropped, a broken run starts over idle. */
function readRun(stored: unknown): CollectionRun {
  const run = stored as Partial<CollectionRun> | null;
  if (typeof run !== 'object' || run === null || !Array.isArray(run.items)) return newRun([]);
  const seen = new Set<Handle>();
  const items: RunItem[] = [];
  for (const raw of run.items as unknown[]) {
    const item = raw as Partial<RunItem> | null;
    const handle = typeof item?.handle === 'string' ? toHandle(item.handle) : null;
    if (!handle || handle !== item?.handle || seen.has(handle) || !ITEM_STATUSES.has(String(item.status))) continue;
    seen.add(handle);
    items.push({
      handle,
      status: item.status!,
      count: typeof item.count === 'number' ? item.count : null,
      error: typeof item.error === 'string' ? (item.error as RunItem['error']) : null,
      paid: item.paid === true,
    });
  }
  return {
    phase: PHASES.has(String(run.phase)) ? run.phase! : 'idle',
    items: items.slice(0, MAX_COLLECTION_SIZE),
    spent: typeof run.spent === 'number' && run.spent >= 0 ? run.spent : 0,
    stopReason: typeof run.stopReason === 'string' ? run.stopReason : null,
    startedAt: typeof run.startedAt === 'number' ? run.startedAt : null,
  };
}

function readListing(stored: unknown): Listing {
  const listing: Listing = Array.isArray(stored)
    ? stored.filter(
        (row): row is [string, string | null] =>
          Array.isArray(row) && typeof row[0] === 'string' && /^[a-z0-9-]{1,40}$/.test(row[0]) && (row[1] === null || typeof row[1] === 'string'),
      )
    : [];
  return listing.some(([id]) => id === DEFAULT_COLLECTION_ID) ? listing : [[DEFAULT_COLLECTION_ID, null], ...listing];
}

export interface CollectionsDeps {
  lookup: LookupService;
  results: CollectionResults;
  now?: () => number;
  /** Told whether any run is going on, so the background can keep an alarm to resume it. */
  onActivity?: (running: boolean) => void;
}

/**
 * Named collections of profiles and their runs. Run events go through
 * runReducer, and every change to a run is stored before any lookup is sent,
 * so a closed page, a stopped worker or a browser restart loses nothing:
 * `resumeAll` goes on where a run stopped, and the lookup service does not
 * pay twice for a profile whose answer it has (or whose request may already
 * have been paid).
 */
export function createCollections({ lookup, results, now = Date.now, onActivity }: CollectionsDeps) {
  const serial = createSerialQueue();
  /** Runs this worker is driving; a run marked running but not here was left by a stopped worker. */
  const driving = new Set<string>();
  /**
   * Profiles whose last lookup was interrupted (it may have been paid for)
   * and that the user has sent again with Start, after confirming its
   * estimate. For these, the lookup service sends the request once more
   * instead of reporting the interruption again.
   */
  const resendOnce = new Map<string, Set<Handle>>();

  const listing = async () => readListing(await storage.getItem(LISTING_KEY));
  const load = async (id: string) => readRun(await storage.getItem(runKey(id)));
  const save = (id: string, run: CollectionRun) => storage.setItem(runKey(id), run);

  /** Applies `change` to a stored run and stores the result; changes run one at a time. */
  function update(id: string, change: (run: CollectionRun) => CollectionRun): Promise<CollectionRun> {
    return serial(async () => {
      const next = change(await load(id));
      await save(id, next);
      return next;
    });
  }

  const dispatch = (id: string, event: RunEvent) => update(id, (run) => runReducer(run, event));

  async function reportActivity(): Promise<void> {
    const runs = await Promise.all((await listing()).map(([id]) => load(id)));
    onActivity?.(runs.some((run) => run.phase === 'running'));
  }

  /**
   * Starts the lookups the run says to start; choosing them and marking them
   * running is one stored change. Each answer calls pump again.
   */
  async function pump(id: string): Promise<void> {
    driving.add(id);
    let started: Handle[] = [];
    const run = await update(id, (current) => {
      started = nextToStart(current);
      return started.reduce((next, handle) => runReducer(next, { type: 'item-started', handle }), current);
    });
    if (run.phase !== 'running') {
      driving.delete(id);
      void reportActivity();
      return;
    }
    for (const handle of started) void lookOne(id, handle);
  }

  /**
   * Marks done, for free, every queued profile whose answer is in the cache
   * now, before anything is sent. The cache keeps a few hundred answers and a
   * collection up to a thousand, so otherwise the run's paid lookups could
   * push out answers that the estimate counted as free, and then pay for them.
   */
  async function takeCached(id: string): Promise<void> {
    const queued = (await load(id)).items.filter((item) => item.status === 'queued').map((item) => item.handle);
    const cached = await lookup.cachedAmong(queued);
    for (const handle of queued) {
      if (!cached.has(handle)) continue;
      const list = await lookup.peek(handle);
      if (!list) continue; // Expired since: the run looks it up in its turn.
      await results.put(id, list).catch(() => undefined);
      await dispatch(id, { type: 'item-done', handle, count: list.highlights.length, paid: false });
    }
  }

  async function lookOne(id: string, handle: Handle): Promise<void> {
    const resend = resendOnce.get(id)?.delete(handle) ?? false;
    const answer = await lookup.lookup(handle, { refresh: false, resend }).catch(() => null);
    if (answer?.ok) {
      await results.put(id, answer.list).catch(() => undefined);
      await dispatch(id, { type: 'item-done', handle, count: answer.list.highlights.length, paid: !answer.fromCache });
    } else {
      await dispatch(id, { type: 'item-failed', handle, error: answer ? answer.error.kind : 'network' });
    }
    await pump(id);
  }

  async function view(id: string, name: string | null): Promise<CollectionView> {
    const run = await load(id);
    // Only a profile not yet under way shows as cached; asking about all the queued ones
    // would read every cached answer on each refresh of the page while a run goes on.
    const open = run.items.filter((item) => item.status === 'new' || item.status === 'cached').map((item) => item.handle);
    return { id, name, run, cached: [...(await lookup.cachedAmong(open))] };
  }

  async function nameOf(id: string): Promise<string | null | undefined> {
    return (await listing()).find(([known]) => known === id)?.[1];
  }

  return {
    async list(): Promise<CollectionSummary[]> {
      return Promise.all(
        (await listing()).map(async ([id, name]) => {
          const run = await load(id);
          return { id, name, size: run.items.length, phase: run.phase };
        }),
      );
    },

    async get(id: string): Promise<CollectionView | null> {
      const name = await nameOf(id);
      return name === undefined ? null : view(id, name);
    },

    async create(name: string): Promise<string> {
      const id = `c-${now().toString(36)}-${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
      await serial(async () => storage.setItem(LISTING_KEY, [...(await listing()), [id, name]]));
      return id;
    },

    async rename(id: string, name: string): Promise<boolean> {
      return serial(async () => {
        const rows = await listing();
        if (!rows.some(([known]) => known === id)) return false;
        await storage.setItem(LISTING_KEY, rows.map(([known, old]) => [known, known === id ? name : old]));
        return true;
      });
    },

    /** Adds profiles not in it yet, up to the size limit; says how many went in and how many did not fit. */
    async add(id: string, handles: readonly Handle[]): Promise<{ added: number; size: number; overLimit: number }> {
      if ((await nameOf(id)) === undefined) return { added: 0, size: 0, overLimit: handles.length };
      let added = 0;
      let overLimit = 0;
      const run = await update(id, (current) => {
        const have = new Set(current.items.map((item) => item.handle));
        const fresh = [...new Set(handles)].filter((handle) => !have.has(handle));
        const room = Math.max(0, MAX_COLLECTION_SIZE - current.items.length);
        added = Math.min(room, fresh.length);
        overLimit = fresh.length - added;
        const items = [...current.items, ...newRun(fresh.slice(0, room)).items];
        const phase = current.phase === 'finished' || current.phase === 'cancelled' ? 'idle' : current.phase;
        return { ...current, items, phase };
      });
      return { added, size: run.items.length, overLimit };
    },

    async remove(id: string, handles: readonly Handle[]): Promise<number> {
      const gone = new Set(handles);
      const run = await update(id, (current) => ({
        ...current,
        items: current.items.filter((item) => !gone.has(item.handle) || item.status === 'running'),
      }));
      await results.remove(id, handles).catch(() => undefined);
      return run.items.length;
    },

    /** Empties it: profiles, run and answers. The default collection stays, empty; another one goes. */
    async clear(id: string, { drop = false } = {}): Promise<void> {
      await serial(async () => {
        await storage.removeItem(runKey(id));
        if (drop && id !== DEFAULT_COLLECTION_ID) {
          await storage.setItem(LISTING_KEY, (await listing()).filter(([known]) => known !== id));
        }
      });
      await results.clear(id).catch(() => undefined);
    },

    async estimate(id: string): Promise<Estimate> {
      const run = await load(id);
      return estimateRun(run, await lookup.cachedAmong(run.items.map((item) => item.handle)));
    },

    async control(id: string, action: RunAction): Promise<CollectionView | null> {
      const name = await nameOf(id);
      if (name === undefined) return null;
      const event: RunEvent = action === 'start' || action === 'resume' ? { type: action, now: now() } : { type: action };
      if (action === 'start') {
        const interrupted = (await load(id)).items.filter((item) => item.status === 'failed' && item.error === 'interrupted');
        resendOnce.set(id, new Set(interrupted.map((item) => item.handle)));
      }
      await dispatch(id, event);
      if (action === 'start' || action === 'resume') {
        await takeCached(id);
        await pump(id);
      }
      // Whatever the action, bring the alarm that resumes runs after a stopped worker up to date.
      void reportActivity();
      return view(id, name);
    },

    /** The answers of a run, a page at a time, in the collection's order. */
    async results(id: string, offset: number, limit: number) {
      const run = await load(id);
      const handles = run.items.filter((item) => item.status === 'done').map((item) => item.handle);
      return { lists: await results.lists(id, handles.slice(offset, offset + limit)), total: handles.length };
    },

    /**
     * Goes on with every run a stopped worker left running: what was in flight
     * goes back to the queue (the lookup service reports a request that may
     * have been paid as interrupted, rather than paying again).
     */
    async resumeAll(): Promise<void> {
      for (const [id] of await listing()) {
        if (driving.has(id) || (await load(id)).phase !== 'running') continue;
        await dispatch(id, { type: 'restarted', now: now() });
        await takeCached(id);
        await pump(id);
      }
      await reportActivity();
    },
  };
}

export type Collections = ReturnType<typeof createCollections>;
