/**
 * Every storage key the background uses, one typed item per key. Values are
 * typed `unknown` where storage may hold something else than we wrote (an
 * older version, a hand edit, a corrupt profile): readers check them.
 */
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_SETTINGS,
  migrateSettingsToV2,
  migrateSettingsToV3,
  migrateSettingsToV4,
  SETTINGS_VERSION,
  type Settings,
} from '@/utils/settings';
import { cacheEntryKey, LOCAL_KEYS, SESSION_KEYS } from '@/utils/storage-keys';

/** The SociaVault key. Read only by the background (and shown to the options page on request). */
export const apiKeyItem = storage.defineItem<string | null>(`local:${LOCAL_KEYS.apiKey}`, { fallback: null });

export const settingsItem = storage.defineItem<Settings>(`local:${LOCAL_KEYS.settings}`, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: { 2: migrateSettingsToV2, 3: migrateSettingsToV3, 4: migrateSettingsToV4 },
});

/** Which answers are cached in storage.local: `[handle, usedAt, bytes][]` (cache/cache-store.ts). */
export const cacheIndexItem = storage.defineItem<unknown>(`local:${LOCAL_KEYS.cacheIndex}`, { fallback: [] });

/** One cached answer per key (a handle, or a highlight's `stories:<digits>`): in storage.local, or storage.session when the local quota refused it. */
export function cacheEntryKeys(handle: string): { local: `local:${string}`; session: `session:${string}` } {
  return { local: `local:${cacheEntryKey(handle)}`, session: `session:${cacheEntryKey(handle)}` };
}

/**
 * Owner id per handle, `[handle, id][]`, learned from answers. Kept past cache
 * expiry: ids never change, and asking by `user_id` is faster.
 */
export const ownerIdsItem = storage.defineItem<unknown>(`local:${LOCAL_KEYS.ownerIds}`, { fallback: [] });

/** `{ day: 'YYYY-MM-DD', count }`: automatic lookups on that (local) day. */
export const autoLookupDayItem = storage.defineItem<unknown>(`local:${LOCAL_KEYS.autoLookupDay}`, { fallback: null });

/** What versions before the per-profile cache kept; read once to carry answers over, then removed. */
export const legacyHighlightCacheItem = storage.defineItem<unknown>(`local:${LOCAL_KEYS.legacyHighlightCache}`, {
  fallback: null,
});

/** Profile each tab shows, by tab id. Session storage survives the worker being stopped. */
export const tabProfilesItem = storage.defineItem<Record<string, unknown>>(`session:${SESSION_KEYS.tabProfiles}`, {
  fallback: {},
});

/**
 * When each request still waiting for its answer was sent, `[handle, sentAt][]`.
 * A worker stopped mid-request leaves its entry behind, so the next worker
 * knows that request may have cost a credit.
 */
export const lookupsInFlightItem = storage.defineItem<unknown>(`session:${SESSION_KEYS.lookupsInFlight}`, { fallback: [] });

/** The same for highlight-detail requests, `[highlight id digits, sentAt][]` (stories/stories-service.ts). */
export const storiesInFlightItem = storage.defineItem<unknown>(`session:${SESSION_KEYS.storiesInFlight}`, { fallback: [] });

/** `[keyFingerprint, askedAt, answer][]`: the balance is asked at most once a minute per key. */
export const balancesItem = storage.defineItem<unknown>(`session:${SESSION_KEYS.balances}`, { fallback: [] });

/** When the last automatic lookups happened; outlives a stopped worker so the cap holds. */
export const autoLookupTimesItem = storage.defineItem<number[]>(`session:${SESSION_KEYS.autoLookupTimes}`, { fallback: [] });
