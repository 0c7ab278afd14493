import { AUTO_LOOKUPS_PER_MINUTE } from '@/utils/limits';
import type { Handle } from '@/utils/profile-url';
import { normaliseSettings } from '@/utils/settings';
import type { LookupService } from './lookup-service';
import { createRateLimiter } from './rate-limit';
import { autoLookupTimesItem, settingsItem } from './storage-items';

export type AutoLookupOutcome = 'off' | 'cached' | 'capped' | 'looked-up';

/**
 * Looks up a visited profile when the user switched that on. Bounded: a page
 * that rewrites its URL in a loop gets a few lookups a minute, no more.
 */
export function createAutoLookup(lookup: LookupService, now: () => number = Date.now) {
  const limiter = createRateLimiter({
    max: AUTO_LOOKUPS_PER_MINUTE,
    windowMs: 60_000,
    store: autoLookupTimesItem,
    now,
  });
  return async function onProfileVisited(handle: Handle): Promise<AutoLookupOutcome> {
    if (!normaliseSettings(await settingsItem.getValue()).autoLookup) return 'off';
    if (await lookup.peek(handle)) return 'cached';
    if (!(await limiter.tryTake())) return 'capped';
    await lookup.lookup(handle, { refresh: false });
    return 'looked-up';
  };
}
