/**
 * What the popup reads itself, without waking the background: whether a key
 * is set, the settings, a cached answer (the popup is a trusted page, so
 * storage is open to it), and which profile its tab shows (asked of the tab's
 * content script directly). The background is asked only when the network is
 * needed. Everything read is checked, as the background checks it.
 */
import { browser } from 'wxt/browser';
import { isFresh, readCachedList } from '@/utils/highlights/cached-list';
import type { HighlightList } from '@/utils/highlights/highlight';
import type { Handle } from '@/utils/profile-url';
import { handleFromWhichProfile, message, type KeptIn } from '@/utils/protocol';
import { normaliseSettings, type Settings } from '@/utils/settings';
import { cacheEntryKey, LOCAL_KEYS } from '@/utils/storage-keys';

export interface LocalStatus {
  /** Whether a key is saved; the key itself is not kept here. */
  hasKey: boolean;
  settings: Settings;
}

export async function readStatus(): Promise<LocalStatus> {
  const items = await browser.storage.local.get([LOCAL_KEYS.apiKey, LOCAL_KEYS.settings]);
  const apiKey: unknown = items[LOCAL_KEYS.apiKey];
  return { hasKey: typeof apiKey === 'string' && apiKey !== '', settings: normaliseSettings(items[LOCAL_KEYS.settings]) };
}

/** A fresh answer the background kept for `handle` (in the cache, or for the session when the cache was full). */
export async function readCachedAnswer(
  handle: Handle,
  ttlHours: number,
  now = Date.now(),
): Promise<{ list: HighlightList; keptIn: KeptIn } | null> {
  const key = cacheEntryKey(handle);
  const { storage } = browser;
  const [local, session] = await Promise.all([
    storage.local.get(key),
    storage.session.get(key).catch(() => ({}) as Record<string, unknown>),
  ]);
  const kept: Array<[unknown, KeptIn]> = [
    [local[key], 'cache'],
    [session[key], 'session'],
  ];
  for (const [raw, keptIn] of kept) {
    const list = readCachedList(raw, handle);
    if (list && isFresh(list.fetchedAt, now, ttlHours)) return { list, keptIn };
  }
  return null;
}

/**
 * The profile a tab's page shows now, from its content script: null for no
 * profile, undefined when none answers (not Instagram, or opened before an
 * install or update).
 */
export async function askTabForProfile(tabId: number): Promise<Handle | null | undefined> {
  try {
    return handleFromWhichProfile(await browser.tabs.sendMessage(tabId, message('which-profile', {}), { frameId: 0 }));
  } catch {
    return undefined;
  }
}
