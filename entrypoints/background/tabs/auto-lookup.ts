import { AUTO_LOOKUPS_PER_MINUTE } from '@/utils/limits';
import type { Handle } from '@/utils/profile-url';
import { normaliseSettings } from '@/utils/settings';
import { createDailyCounter } from './daily-counter';
import type { LookupService } from '../lookup/lookup-service';
import { createRateLimiter } from './rate-limit';
import { autoLookupTimesItem, settingsItem } from '../storage-items';

export type AutoLookupOutcome = 'off' | 'cached' | 'capped' | 'capped-today' | 'looked-up';

/**
 * Looks up a visited profile when the user switched that on. Bounded: a page
 * that rewrites its URL in a loop gets a few lookups a minute, and never more
 * than the daily cap the user set.
 */
export function createAutoLookup(lookup: LookupService, now: () => number = Date.now) {
  const perMinute = createRateLimiter({
    max: AUTO_LOOKUPS_PER_MINUTE,
    windowMs: 60_000,
    store: autoLookupTimesItem,
    now,
  });
  const daily = createDailyCounter(now);
  return {
    async onProfileVisited(handle: Handle): Promise<AutoLookupOutcome> {
      const settings = normaliseSettings(await settingsItem.getValue());
      if (!settings.autoLookup) return 'off';
      if (await lookup.peek(handle)) return 'cached';
      if ((await daily.today()) >= settings.autoLookupDailyCap) return 'capped-today';
      if (!(await perMinute.tryTake())) return 'capped';
      if (!(await daily.tryTake(settings.autoLookupDailyCap))) return 'capped-today';
      await lookup.lookup(handle, { refresh: false });
      return 'looked-up';
    },
    /** Automatic lookups spent today. */
    today: () => daily.today(),
  };
}

export type AutoLookup = ReturnType<typeof createAutoLookup>;
