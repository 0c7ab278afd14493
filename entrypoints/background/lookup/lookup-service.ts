import type { HighlightList } from '@/utils/highlights/highlight';
import type { Handle } from '@/utils/profile-url';
import type { KeptIn, LookupResponse } from '@/utils/protocol';
import { requestHighlights, type ApiResult, type HighlightsQuery } from './api-client';
import type { Budget } from '../cache/cache-policy';
import { createCacheStore, type CacheStore } from '../cache/cache-store';
import { createInFlightRecord } from './in-flight-record';
import { createOwnerIds } from '../cache/owner-ids';
import { withoutKey } from './redaction';
import { retryDelayMs } from './retry-policy';
import { apiKeyItem } from '../storage-items';
import { storedApiKey } from '@/utils/account/api-key-validation';
import { createThrottleHint } from './throttle-hint';

export interface LookupServiceOptions {
  fetch?: typeof fetch;
  baseUrl?: string;
  timeoutMs?: number;
  now?: () => number;
  isOnline?: () => boolean;
  /** Told of every answer paid for (the background updates badges). */
  onAnswer?: (list: HighlightList) => void;
  /** Told when the cache was cleared. */
  onCleared?: () => void;
  /** What answers say of the balance: credits a paid one used, or what an out-of-credits one says is left. */
  onBalanceHint?: (hint: { spent: number } | { available: number }) => void;
  /** Waits between retries; tests pass one that does not really wait. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  cacheBudget?: Budget;
  /** How long after learning an owner id it is written to storage (owner-ids.ts). */
  ownerIdsWriteDelayMs?: number;
  /** The cache to use; the background gives the lookup and the stories service the same one (one budget, one index queue). */
  cache?: CacheStore;
}

/** What a request came to: a failure, or a list and the promise of where it is kept. */
type Answer = { failure: Extract<LookupResponse, { ok: false }> } | { list: HighlightList; kept: Promise<KeptIn> };

const failed = (failure: Extract<LookupResponse, { ok: false }>): Answer => ({ failure });

export interface LookupOptions {
  /** Skip the cache (one credit). */
  refresh: boolean;
  /** Send again a request an earlier worker sent and never saw answered. */
  resend?: boolean;
  /** False: a 429 is answered at once instead of waited out and retried. */
  waitOn429?: boolean;
  /**
   * Answer as soon as the list is read, before it is stored (`keptIn` null;
   * `keptIn()` tells later): the popup paints while storage writes.
   */
  early?: boolean;
}

/**
 * The background's lookup: cache first, one request per profile at a time,
 * and nothing sent that the user did not ask for.
 */
export function createLookupService(options: LookupServiceOptions = {}) {
  const now = options.now ?? Date.now;
  const isOnline = options.isOnline ?? (() => globalThis.navigator?.onLine !== false);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const cache = options.cache ?? createCacheStore({ now, budget: options.cacheBudget });
  const ownerIds = createOwnerIds({ writeDelayMs: options.ownerIdsWriteDelayMs });
  const record = createInFlightRecord(now);
  const explainNetworkFailure = createThrottleHint(now);
  const inFlight = new Map<Handle, Promise<Answer>>();
  /** Paid answers told before they were stored (`early`), until they are: where each is kept. */
  const storing = new Map<Handle, Promise<KeptIn>>();

  /**
   * One query, retried only where the retry policy says no credit can have
   * been spent. `waitOn429` false: a 429 is returned at once, for a caller
   * that slows down as a whole (a collection run) rather than request by request.
   */
  async function ask(query: HighlightsQuery, apiKey: string, waitOn429: boolean): Promise<ApiResult> {
    for (let retries = 0; ; retries++) {
      const result = explainNetworkFailure(
        await requestHighlights(query, { apiKey, baseUrl: options.baseUrl, timeoutMs: options.timeoutMs, fetch: options.fetch }),
      );
      const returned = !result.ok && result.error.kind === 'rate-limited' && !waitOn429;
      const delay = result.ok || returned ? null : retryDelayMs(result.error, retries, options.random);
      if (delay === null) return result;
      await sleep(delay);
    }
  }

  /** The key and the profile's known owner id: what a request needs. */
  const readCredentials = (handle: Handle) => Promise.all([apiKeyItem.getValue(), ownerIds.get(handle)]);

  /**
   * One request, then what follows it: the answer kept, then the in-flight
   * record closed (in that order, so that a worker stopped in between leaves
   * a record of a request whose answer the cache holds, never the reverse).
   * The answer is told as soon as it is read; `kept` settles once it is
   * stored. Storage round trips before the request add up, so every read
   * that does not depend on another runs in parallel with it.
   */
  async function fetchList(handle: Handle, credentials: ReturnType<typeof readCredentials>, waitOn429: boolean): Promise<Answer> {
    const [storedKey, knownOwnerId] = await credentials;
    // A key no header can carry is refused here, before anything is sent (fetch would refuse it as a network failure).
    const key = storedApiKey(storedKey);
    if (!key.ok) return failed({ ok: false, handle, error: key.error });
    if (!isOnline()) return failed({ ok: false, handle, error: { kind: 'offline' } });

    await record.begin(handle);
    let answer: Answer;
    try {
      answer = await requestList(handle, key.key, knownOwnerId, waitOn429);
    } catch (error) {
      await record.end(handle);
      throw error;
    }
    if (!('kept' in answer)) {
      await record.end(handle);
      return answer;
    }
    const { kept } = answer;
    const stored = kept.finally(() => record.end(handle)).then(() => kept);
    // Until it is stored, whoever reads the cache for this handle waits for it.
    storing.set(handle, stored);
    const done = () => void (storing.get(handle) === stored && storing.delete(handle));
    stored.then(done, done);
    return { list: answer.list, kept: stored };
  }

  /** Waits for `handle`'s answer to be stored, if one is being stored; never fails. */
  const storedFor = async (handle: Handle) => void (await storing.get(handle)?.catch(() => undefined));
  /** Waits for every answer being stored. */
  const allStored = async () => void (await Promise.allSettled(storing.values()));

  /** The request itself, and the answer's writes started (not awaited). */
  async function requestList(handle: Handle, apiKey: string, knownOwnerId: string | null, waitOn429: boolean): Promise<Answer> {
    let result = await ask(knownOwnerId ? { userId: knownOwnerId } : { handle }, apiKey, waitOn429);
    if (knownOwnerId && result.ok && result.value.ownerUsername && result.value.ownerUsername !== handle) {
      // The account behind that id was renamed; the handle now belongs to someone else.
      await ownerIds.forget(handle);
      result = await ask({ handle }, apiKey, waitOn429);
    }
    if (!result.ok) {
      if (result.error.kind === 'out-of-credits' && result.error.available !== null) {
        options.onBalanceHint?.({ available: result.error.available });
      }
      return failed({ ok: false, handle, error: result.error });
    }
    options.onBalanceHint?.({ spent: result.creditsUsed ?? 1 });

    // Paid for: from here on nothing may lose it. Every write below is one that storage may refuse.
    const { highlights, ownerId, ownerUsername } = withoutKey(result.value, apiKey);
    const list: HighlightList = { handle, ownerId: ownerId ?? knownOwnerId ?? null, highlights, fetchedAt: now() };
    const learnsOwner = ownerId && ownerId !== knownOwnerId && (ownerUsername === null || ownerUsername === handle);
    // Two independent writes, in parallel: keep the answer, remember the owner id.
    const kept = Promise.all([cache.store(list), learnsOwner ? ownerIds.remember(handle, ownerId) : undefined]).then(([keptIn]) => {
      options.onAnswer?.(list);
      return keptIn;
    });
    return { list, kept };
  }

  /** Popups opened at once for one profile share one request. */
  function shared(handle: Handle, credentials: ReturnType<typeof readCredentials>, waitOn429: boolean): Promise<Answer> {
    const pending = inFlight.get(handle);
    if (pending) return pending;
    const request = fetchList(handle, credentials, waitOn429).finally(() => inFlight.delete(handle));
    inFlight.set(handle, request);
    return request;
  }

  return {
    /**
     * The cached answer when fresh, else one request; `refresh` skips the cache
     * (one credit). A request that an earlier worker sent and never saw
     * answered is reported rather than sent again, unless `resend` or `refresh`.
     * `waitOn429` false: a 429 is answered at once instead of waited out and retried.
     */
    async lookup(
      handle: Handle,
      { refresh, resend = false, waitOn429 = true, early = false }: LookupOptions,
    ): Promise<LookupResponse> {
      // Start every read a lookup may need at once. Whether a lost request is
      // on record, and what a request needs, matter only when nothing is
      // cached; but reading them costs no credit, and saves a wait when they do.
      const credentials = readCredentials(handle);
      credentials.catch(() => undefined); // a failure surfaces in the request that awaits it, if one is sent
      if (!refresh) await storedFor(handle);
      const [cached, startedAt] = await Promise.all([
        refresh ? null : cache.fresh(handle, { touch: true }),
        refresh || resend ? null : record.interrupted(handle),
      ]);
      if (cached) return { ok: true, list: cached.list, fromCache: true, keptIn: cached.keptIn };
      if (startedAt !== null && !inFlight.has(handle)) return { ok: false, handle, error: { kind: 'interrupted', startedAt } };
      const answer = await shared(handle, credentials, waitOn429);
      if (!('kept' in answer)) return answer.failure;
      return { ok: true, list: answer.list, fromCache: false, keptIn: early ? null : await answer.kept };
    },

    /**
     * Where `handle`'s answer is kept, once it is (a popup told of an answer
     * before it was stored asks this): 'memory' when no fresh answer is kept
     * but in the asker's own window.
     */
    async keptIn(handle: Handle): Promise<KeptIn> {
      const being = storing.get(handle);
      if (being) return being;
      return (await cache.fresh(handle, { touch: false }))?.keptIn ?? 'memory';
    },

    /** Which of `handles` have a fresh cached answer: a lookup of them costs nothing. */
    async cachedAmong(handles: readonly Handle[]): Promise<Set<Handle>> {
      await allStored();
      return cache.freshAmong(handles);
    },

    /** The cached answer only; never sends a request, and writes nothing. */
    async peek(handle: Handle): Promise<HighlightList | null> {
      await storedFor(handle);
      return (await cache.fresh(handle, { touch: false }))?.list ?? null;
    },

    /**
     * Forgets every answer and what was learned from them (owner ids), but
     * `keep`'s answer, which is stored again; says how many others went.
     */
    async clearCache(keep?: Handle): Promise<{ cleared: number; keptIn: KeptIn | null }> {
      await allStored();
      const kept = keep ? await cache.fresh(keep, { touch: false }) : null;
      const cleared = await cache.clear();
      await ownerIds.clear();
      options.onCleared?.();
      if (!kept) return { cleared, keptIn: null };
      if (kept.list.ownerId) await ownerIds.remember(kept.list.handle, kept.list.ownerId);
      return { cleared: cleared - 1, keptIn: await cache.store(kept.list) };
    },

    /** A new key was saved: answers cached before that happen to contain it are dropped. */
    async forgetAnswersContaining(apiKey: string): Promise<number> {
      await allStored();
      return cache.dropContaining(apiKey);
    },

    carryOverLegacyCache: () => cache.carryOverLegacy(),
  };
}

export type LookupService = ReturnType<typeof createLookupService>;
