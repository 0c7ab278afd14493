/**
 * Whether a highlight's stories are cached and fresh, read by the popup
 * itself (a trusted page; storage is open to it) so that a row's menu can say
 * *Stories* (free) rather than *Stories · 1 credit*. Checked as the
 * background checks it; anything unreadable counts as not cached, which only
 * ever over-states the cost.
 */
import { browser } from 'wxt/browser';
import { isFresh } from '@/utils/highlights/cached-list';
import { normaliseSettings } from '@/utils/settings';
import { cacheEntryKey, LOCAL_KEYS } from '@/utils/storage-keys';
import { readCachedStories, storiesCacheName } from '@/utils/stories/cached-stories';

export async function storiesCached(highlightId: string, now = Date.now()): Promise<boolean> {
  const key = cacheEntryKey(storiesCacheName(highlightId));
  const [local, session] = await Promise.all([
    browser.storage.local.get([key, LOCAL_KEYS.settings]),
    browser.storage.session.get(key).catch(() => ({}) as Record<string, unknown>),
  ]);
  const ttlHours = normaliseSettings(local[LOCAL_KEYS.settings]).cacheTtlHours;
  return [local[key], session[key]].some((raw) => {
    const entry = readCachedStories(raw, highlightId);
    return entry !== null && isFresh(entry.fetchedAt, now, ttlHours);
  });
}
