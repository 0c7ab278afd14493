import { storedApiKey } from '@/utils/account/api-key-validation';
/**
 * The background's stories: a highlight's stories from the cache when fresh,
 * else one highlight-detail request (1 credit), under the same rules as the
 * list lookup (../lookup/lookup-service.ts): the same API client, retry
 * policy, throttle hint and key redaction; one request per highlight at a
 * time; a request a stopped worker left unanswered is reported, not sent
 * again; and a paid answer is kept wherever storage lets it be kept.
 */
import { highlightIdDigits } from '@/utils/highlights/highlight-id';
import type { StoriesResponse } from '@/utils/protocol';
import type { CachedStories } from '@/utils/stories/cached-stories';
import { requestHighlightDetail, type DetailResult } from '../lookup/api-client';
import type { Budget } from '../cache/cache-policy';
import { createCacheStore, type CacheStore } from '../cache/cache-store';
import { createInFlightRecord, type RecordPlace } from '../lookup/in-flight-record';
import { retryDelayMs } from '../lookup/retry-policy';
import { createThrottleHint } from '../lookup/throttle-hint';
import { apiKeyItem, storiesInFlightItem } from '../storage-items';
import { readStories } from './stories-response';
import { rawAnswerWithoutKey } from './story-redaction';

export interface StoriesServiceOptions {
  fetch?: typeof fetch;
  baseUrl?: string;
  timeoutMs?: number;
  now?: () => number;
  isOnline?: () => boolean;
  /** What answers say of the balance, as for the lookup. */
  onBalanceHint?: (hint: { spent: number } | { available: number }) => void;
  /** Waits between retries; tests pass one that does not really wait. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** The cache the lookup uses too (one budget); tests may leave it out. */
  cache?: CacheStore;
  cacheBudget?: Budget;
}

/** Highlight-detail requests still out, by highlight id (digits). */
const STORIES_IN_FLIGHT: RecordPlace<string> = {
  item: storiesInFlightItem,
  toName: (value) => (highlightIdDigits(value) === value ? value : null),
};

export function createStoriesService(options: StoriesServiceOptions = {}) {
  const now = options.now ?? Date.now;
  const isOnline = options.isOnline ?? (() => globalThis.navigator?.onLine !== false);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const cache = options.cache ?? createCacheStore({ now, budget: options.cacheBudget });
  const record = createInFlightRecord(now, STORIES_IN_FLIGHT);
  const explainNetworkFailure = createThrottleHint(now);
  const inFlight = new Map<string, Promise<StoriesResponse>>();

  /** One request, retried only where the retry policy says no credit can have been spent. */
  async function ask(highlightId: string, apiKey: string, waitOn429: boolean): Promise<DetailResult> {
    for (let retries = 0; ; retries++) {
      const result = explainNetworkFailure(
        await requestHighlightDetail(highlightId, { apiKey, baseUrl: options.baseUrl, timeoutMs: options.timeoutMs, fetch: options.fetch }),
      );
      // A run paces itself after a 429 (../collections/pace-policy.ts): it hears of it at once.
      if (!result.ok && result.error.kind === 'rate-limited' && !waitOn429) return result;
      const delay = result.ok ? null : retryDelayMs(result.error, retries, options.random);
      if (delay === null) return result;
      await sleep(delay);
    }
  }

  /** One request, then what follows it: the answer read and kept, the in-flight record closed. */
  async function fetchStories(highlightId: string, apiKeyRead: Promise<unknown>, waitOn429: boolean): Promise<StoriesResponse> {
    // A key no header can carry is refused before anything is sent, as for lists.
    const key = storedApiKey(await apiKeyRead);
    if (!key.ok) return { ok: false, highlightId, error: key.error };
    const apiKey = key.key;
    if (!isOnline()) return { ok: false, highlightId, error: { kind: 'offline' } };

    await record.begin(highlightId);
    let recordOpen = true;
    const endRecord = async () => {
      if (!recordOpen) return;
      recordOpen = false;
      await record.end(highlightId);
    };
    try {
      const result = await ask(highlightId, apiKey, waitOn429);
      if (!result.ok) {
        if (result.error.kind === 'out-of-credits' && result.error.available !== null) {
          options.onBalanceHint?.({ available: result.error.available });
        }
        return { ok: false, highlightId, error: result.error };
      }
      options.onBalanceHint?.({ spent: result.creditsUsed ?? 1 });

      // Paid for: from here on nothing may lose it, not even an answer no reader knows.
      const read = readStories(result.body, { highlightId, apiKey });
      const answer: CachedStories = {
        highlightId,
        fetchedAt: now(),
        content: read.ok
          ? { kind: 'read', stories: read.value, shape: read.shape }
          : { kind: 'raw', raw: rawAnswerWithoutKey(result.text, apiKey), detail: read.detail },
      };
      const [keptIn] = await Promise.all([cache.storeStories(answer), endRecord()]);
      return { ok: true, answer, fromCache: false, keptIn };
    } finally {
      await endRecord();
    }
  }

  return {
    /** Which of `ids` (digits) have fresh stories in the cache now: what an estimate counts as free. Sends nothing. */
    async cachedAmong(ids: readonly string[]): Promise<Set<string>> {
      const found = await Promise.all(ids.map((id) => cache.freshStories(id, { touch: false })));
      return new Set(ids.filter((_, n) => found[n] !== null));
    },

    /** A highlight's fresh cached stories, or null; sends nothing. */
    peek: async (id: string): Promise<CachedStories | null> => (await cache.freshStories(id))?.answer ?? null,

    /**
     * A highlight's cached stories when fresh, else one request; `refresh`
     * skips the cache (one credit). A request an earlier worker sent and never
     * saw answered is reported rather than sent again, unless `resend` or `refresh`.
     * `waitOn429` false: a 429 is answered at once instead of waited out and retried.
     */
    async stories(
      id: string,
      { refresh, resend = false, waitOn429 = true }: { refresh: boolean; resend?: boolean; waitOn429?: boolean },
    ): Promise<StoriesResponse> {
      const highlightId = highlightIdDigits(id);
      // The message's schema lets only highlight ids through; this is for any other caller.
      if (highlightId === null) return { ok: false, highlightId: '', error: { kind: 'bad-request', message: null } };
      const apiKeyRead = apiKeyItem.getValue();
      apiKeyRead.catch(() => undefined); // a failure surfaces in the request that awaits it, if one is sent
      const [cached, startedAt] = await Promise.all([
        refresh ? null : cache.freshStories(highlightId),
        refresh || resend ? null : record.interrupted(highlightId),
      ]);
      if (cached) return { ok: true, answer: cached.answer, fromCache: true, keptIn: cached.keptIn };
      // Two asks for one highlight (two popups, a double click) share one request.
      const pending = inFlight.get(highlightId);
      if (pending) return pending;
      if (startedAt !== null) return { ok: false, highlightId, error: { kind: 'interrupted', startedAt } };
      const request = fetchStories(highlightId, apiKeyRead, waitOn429).finally(() => inFlight.delete(highlightId));
      inFlight.set(highlightId, request);
      return request;
    },
  };
}

export type StoriesService = ReturnType<typeof createStoriesService>;
