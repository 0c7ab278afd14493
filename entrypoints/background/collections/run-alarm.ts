import { browser } from 'wxt/browser';

export const RUN_ALARM = 'collection-run';

/**
 * Keeps a collection run going while the browser may stop the worker: an
 * alarm every half minute wakes a stopped worker, which then goes on where
 * the run stopped. The alarm exists only while a run is going on.
 */
export function keepRunsGoing(running: boolean): void {
  if (running) void browser.alarms.create(RUN_ALARM, { periodInMinutes: 0.5 }).catch(() => undefined);
  else void browser.alarms.clear(RUN_ALARM).catch(() => undefined);
}
