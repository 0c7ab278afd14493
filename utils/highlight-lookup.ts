import { requestHighlights, type ApiResult, type HighlightsQuery } from './api-client';
import { evictLeastRecentlyUsed, isFresh, type HighlightCache } from './cache-policy';
import type { HighlightList } from './highlight';
import type { LookupResponse } from './messages';
import { parseHandleInput } from './profile-url';
import { retryDelayMs } from './retry-policy';
import { createSerialQueue } from './serial-queue';
import { normaliseSettings } from './settings';
import { apiKeyItem, highlightCacheItem, ownerIdsItem, settingsItem } from './storage-items';

export interface HighlightLookupOptions {
  fetch?: typeof fetch;
  baseUrl?: string;
  timeoutMs?: number;
  now?: () => number;
  isOnline?: () => boolean;
  /** Told of every answer stored in the cache (the background updates badges). */
  onAnswer?: (list: HighlightList) => void;
  /** Waits between retries; tests pass one that does not really wait. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/**
 * The background's lookup: cache first, one request per profile at a time,
 * and nothing sent that the user did not ask for.
 */
export function createHighlightLookup(options: HighlightLookupOptions = {}) {
  const now = options.now ?? Date.now;
  const isOnline = options.isOnline ?? (() => globalThis.navigator?.onLine !== false);
  const inFlight = new Map<string, Promise<LookupResponse>>();
  const writeCache = createSerialQueue();
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  /** The last 5xx SociaVault sent, to explain a network failure that follows it. */
  let lastServerError: { status: number; at: number } | null = null;

  /** Chrome throttles an extension's requests for up to a few minutes after 5xx answers. */
  function explainNetworkFailure(result: ApiResult): ApiResult {
    if (result.ok) {
      lastServerError = null;
      return result;
    }
    const { error } = result;
    if (error.kind === 'server-error') lastServerError = { status: error.status, at: now() };
    if (error.kind === 'network' && lastServerError && now() - lastServerError.at < 5 * 60_000) {
      return { ok: false, error: { kind: 'network', afterServerError: lastServerError.status } };
    }
    return result;
  }

  /**
   * A failed cache write (quota, storage gone) must not lose an answer the
   * user has paid for: the caller gets its list either way.
   */
  function updateCache(change: (cache: HighlightCache) => HighlightCache): Promise<void> {
    return writeCache(async () => {
      try {
        await highlightCacheItem.setValue(change(await readCache()));
      } catch {
        // Served uncached this time.
      }
    });
  }

  async function readCache(): Promise<HighlightCache> {
    const cache = await highlightCacheItem.getValue();
    return typeof cache === 'object' && cache !== null ? cache : {};
  }

  /** A fresh cached answer, or null. `touch`: it was used, so it is evicted last. */
  async function cachedList(handle: string, touch: boolean): Promise<HighlightList | null> {
    const entry = (await readCache())[handle];
    if (!entry || !isCacheEntryShape(entry)) return null;
    const settings = normaliseSettings(await settingsItem.getValue());
    if (!isFresh(entry, now(), settings.cacheTtlHours)) return null;
    if (touch) {
      await updateCache((cache) => (cache[handle] ? { ...cache, [handle]: { ...cache[handle], usedAt: now() } } : cache));
    }
    return entry.list;
  }

  async function fetchList(handle: string): Promise<LookupResponse> {
    const apiKey = await apiKeyItem.getValue();
    if (!apiKey) return { ok: false, handle, error: { kind: 'no-key' } };
    if (!isOnline()) return { ok: false, handle, error: { kind: 'offline' } };

    const ownerIds = await ownerIdsItem.getValue();
    const knownOwnerId = ownerIds[handle];
    const ask = async (query: HighlightsQuery): Promise<ApiResult> => {
      for (let retries = 0; ; retries++) {
        const result = explainNetworkFailure(
          await requestHighlights(query, {
            apiKey,
            baseUrl: options.baseUrl,
            timeoutMs: options.timeoutMs,
            fetch: options.fetch,
          }),
        );
        const delay = result.ok ? null : retryDelayMs(result.error, retries, options.random);
        if (delay === null) return result;
        await sleep(delay);
      }
    };

    let result = await ask(knownOwnerId ? { userId: knownOwnerId } : { handle });
    if (knownOwnerId && result.ok && result.value.ownerUsername && result.value.ownerUsername !== handle) {
      // The account behind that id was renamed; the handle now belongs to someone else.
      await ownerIdsItem.setValue(withoutKey(await ownerIdsItem.getValue(), handle));
      result = await ask({ handle });
    }
    if (!result.ok) return { ok: false, handle, error: result.error };

    const { highlights, ownerId, ownerUsername } = result.value;
    const list: HighlightList = { handle, ownerId: ownerId ?? knownOwnerId ?? null, highlights, fetchedAt: now() };
    await updateCache((cache) => evictLeastRecentlyUsed({ ...cache, [handle]: { list, usedAt: now() } }));
    if (ownerId && ownerId !== knownOwnerId && (ownerUsername === null || ownerUsername === handle)) {
      await ownerIdsItem.setValue(rememberOwnerId(await ownerIdsItem.getValue(), handle, ownerId));
    }
    options.onAnswer?.(list);
    return { ok: true, list, fromCache: false };
  }

  return {
    /** `input` is a handle, @handle or profile URL; `refresh` skips the cache (one credit). */
    async lookup(input: string, { refresh }: { refresh: boolean }): Promise<LookupResponse> {
      const handle = parseHandleInput(input);
      if (!handle) return { ok: false, handle: null, error: { kind: 'invalid-handle', input } };
      if (!refresh) {
        const cached = await cachedList(handle, true);
        if (cached) return { ok: true, list: cached, fromCache: true };
      }
      const pending = inFlight.get(handle);
      if (pending) return pending;
      const request = fetchList(handle).finally(() => inFlight.delete(handle));
      inFlight.set(handle, request);
      return request;
    },

    /** The cached answer only; never sends a request, and writes nothing. */
    async peek(input: string): Promise<HighlightList | null> {
      const handle = parseHandleInput(input);
      return handle ? cachedList(handle, false) : null;
    },

    async clearCache(): Promise<number> {
      return writeCache(async () => {
        const count = Object.keys(await readCache()).length;
        await highlightCacheItem.removeValue();
        return count;
      });
    },
  };
}

export type HighlightLookup = ReturnType<typeof createHighlightLookup>;

/** Owner ids outlive cached answers, but not forever: a few kB at most. */
export const MAX_OWNER_IDS = 2000;

/** Adds one mapping, newest last, dropping the oldest beyond the bound. */
export function rememberOwnerId(ids: Record<string, string>, handle: string, ownerId: string): Record<string, string> {
  const entries = Object.entries(withoutKey(ids, handle));
  entries.push([handle, ownerId]);
  return Object.fromEntries(entries.slice(-MAX_OWNER_IDS));
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}

/** Entries written by an older version, or corrupted, are ignored rather than trusted. */
function isCacheEntryShape(entry: unknown): entry is { list: HighlightList; usedAt: number } {
  if (typeof entry !== 'object' || entry === null) return false;
  const { list, usedAt } = entry as Record<string, unknown>;
  if (typeof usedAt !== 'number' || typeof list !== 'object' || list === null) return false;
  const { handle, highlights, fetchedAt } = list as Record<string, unknown>;
  return (
    typeof handle === 'string' &&
    typeof fetchedAt === 'number' &&
    Array.isArray(highlights) &&
    highlights.every((h) => typeof h?.id === 'string' && typeof h?.title === 'string')
  );
}
