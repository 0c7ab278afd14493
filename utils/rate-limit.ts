/** At most `max` events in any `windowMs`; a sliding window of timestamps. */
export function createRateLimiter({ max, windowMs, now = Date.now }: { max: number; windowMs: number; now?: () => number }) {
  let times: number[] = [];
  return {
    tryTake(): boolean {
      const t = now();
      times = times.filter((at) => t - at < windowMs);
      if (times.length >= max) return false;
      times.push(t);
      return true;
    },
  };
}

/** Automatic lookups per minute, so a page that rewrites its URL in a loop cannot drain credits. */
export const AUTO_LOOKUPS_PER_MINUTE = 5;
