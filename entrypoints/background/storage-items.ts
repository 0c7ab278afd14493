import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, migrateSettingsToV2, SETTINGS_VERSION, type Settings } from '@/utils/settings';
import { LOCAL_KEYS, SESSION_KEYS } from '@/utils/storage-keys';

/** The SociaVault key. Read only by the background (and shown to the options page on request). */
export const apiKeyItem = storage.defineItem<string | null>(`local:${LOCAL_KEYS.apiKey}`, { fallback: null });

export const settingsItem = storage.defineItem<Settings>(`local:${LOCAL_KEYS.settings}`, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: { 2: migrateSettingsToV2 },
});

/** Answers per lower-cased handle; checked entry by entry when read (highlight-cache.ts). */
export const highlightCacheItem = storage.defineItem<Record<string, unknown>>(`local:${LOCAL_KEYS.highlightCache}`, {
  fallback: {},
});

/**
 * Owner id per handle, learned from answers. Kept past cache expiry: ids never
 * change, and asking by `user_id` is faster.
 */
export const ownerIdsItem = storage.defineItem<Record<string, string>>(`local:${LOCAL_KEYS.ownerIds}`, {
  fallback: {},
});

/** Profile each tab shows, by tab id. Session storage survives the worker being stopped. */
export const tabProfilesItem = storage.defineItem<Record<string, string | null>>(`session:${SESSION_KEYS.tabProfiles}`, {
  fallback: {},
});

/**
 * When each request still out was sent, by handle. A worker stopped mid-request
 * leaves its entry behind, so the next one knows that request may have cost a credit.
 */
export const lookupsInFlightItem = storage.defineItem<Record<string, unknown>>(`session:${SESSION_KEYS.lookupsInFlight}`, {
  fallback: {},
});

/** When the last automatic lookups happened; outlives a stopped worker so the cap holds. */
export const autoLookupTimesItem = storage.defineItem<number[]>(`session:${SESSION_KEYS.autoLookupTimes}`, { fallback: [] });
