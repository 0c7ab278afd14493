import { storage } from 'wxt/utils/storage';
import type { HighlightCache } from './cache-policy';
import { DEFAULT_SETTINGS, migrateSettingsToV2, SETTINGS_VERSION, type Settings } from './settings';

/** The SociaVault key. Read only by the background (and shown to the options page on request). */
export const apiKeyItem = storage.defineItem<string | null>('local:apiKey', { fallback: null });

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: { 2: migrateSettingsToV2 },
});

/** Answers per lower-cased handle. */
export const highlightCacheItem = storage.defineItem<HighlightCache>('local:highlightCache', {
  fallback: {},
});

/**
 * Owner id per handle, learned from answers. Kept past cache expiry: ids never
 * change, and asking by `user_id` is faster.
 */
export const ownerIdsItem = storage.defineItem<Record<string, string>>('local:ownerIds', {
  fallback: {},
});

/** Profile each tab shows, by tab id. Session storage survives the worker being stopped. */
export const tabProfilesItem = storage.defineItem<Record<string, string | null>>('session:tabProfiles', {
  fallback: {},
});

/** When the last automatic lookups happened; outlives a stopped worker so the cap holds. */
export const autoLookupTimesItem = storage.defineItem<number[]>('session:autoLookupTimes', { fallback: [] });
