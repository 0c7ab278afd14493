import { createSerialQueue } from '../serial-queue';
import { autoLookupDayItem } from '../storage-items';

/** The local calendar day of `at`, as `YYYY-MM-DD`. */
export function localDay(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function readCount(stored: unknown, today: string): number {
  if (typeof stored !== 'object' || stored === null) return 0;
  const { day, count } = stored as Record<string, unknown>;
  return day === today && typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : 0;
}

/**
 * How many automatic lookups ran today, in storage.local: it holds across
 * worker restarts and browser restarts, and starts over each local day.
 */
export function createDailyCounter(now: () => number = Date.now) {
  const serial = createSerialQueue();
  return {
    async today(): Promise<number> {
      try {
        return readCount(await autoLookupDayItem.getValue(), localDay(now()));
      } catch {
        return 0;
      }
    },

    /** Counts one more if fewer than `cap` ran today; false otherwise, or when storage refuses the count. */
    tryTake(cap: number): Promise<boolean> {
      return serial(async () => {
        const day = localDay(now());
        try {
          const count = readCount(await autoLookupDayItem.getValue(), day);
          if (count >= cap) return false;
          await autoLookupDayItem.setValue({ day, count: count + 1 });
          return true;
        } catch {
          // A lookup that is not counted would escape the cap, so none runs without its count.
          return false;
        }
      });
    },
  };
}
