import { createSerialQueue } from '../serial-queue';

/** Where a limiter keeps its timestamps; the background uses storage.session. */
export interface TimestampStore {
  getValue(): Promise<number[]>;
  setValue(times: number[]): Promise<void>;
}

/** In memory; for tests and one-off use. */
export function memoryTimestamps(): TimestampStore {
  let times: number[] = [];
  return {
    getValue: async () => times,
    setValue: async (next) => {
      times = next;
    },
  };
}

/**
 * At most `max` events in any `windowMs` (a sliding window of timestamps).
 * The timestamps live in a store, not in the worker's memory: Chrome stops an
 * idle worker after 30 s, and the cap must not start over with it.
 */
export function createRateLimiter({
  max,
  windowMs,
  store = memoryTimestamps(),
  now = Date.now,
}: {
  max: number;
  windowMs: number;
  store?: TimestampStore;
  now?: () => number;
}) {
  const serial = createSerialQueue();
  return {
    tryTake(): Promise<boolean> {
      return serial(async () => {
        const t = now();
        const stored = await store.getValue();
        const recent = (Array.isArray(stored) ? stored : []).filter(
          (at) => typeof at === 'number' && t - at < windowMs && at <= t,
        );
        if (recent.length >= max) return false;
        try {
          await store.setValue([...recent, t]);
        } catch {
          // An event that is not counted would escape the limit, so none goes ahead without its count.
          return false;
        }
        return true;
      });
    },
  };
}
