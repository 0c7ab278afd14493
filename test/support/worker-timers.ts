/**
 * Lets a test run the service worker's long timers when it chooses, so that
 * it sees what happens when one runs out without waiting for it in real time
 * (the request timeout is 20 s). Only the worker running now: a worker
 * started after it (every test starts with the worker stopped) has the
 * browser's own timers. The build is the one users get; the test moves the
 * clock on, it changes no code.
 */
import type { ExtensionBrowser } from './browser';

export interface TimersOfDelay {
  /**
   * Runs at once every timer of that delay the worker has set and not yet
   * run or cleared, as if its time had come; resolves to how many ran.
   */
  runNow(): Promise<number>;
}

/**
 * From now on, the running worker's (started first if it was stopped)
 * `setTimeout(…, delayMs)` timers can be run early by `runNow()`. Until then
 * each still runs at its own time, and `clearTimeout` clears it as usual;
 * timers of any other delay are left alone.
 */
export async function controlWorkerTimers(browser: ExtensionBrowser, delayMs: number): Promise<TimersOfDelay> {
  const worker = await browser.worker();
  await worker.evaluate((delay) => {
    type Scope = typeof globalThis & { __hlRunTimersNow?: () => number };
    const scope = globalThis as Scope;
    if (scope.__hlRunTimersNow) throw new Error('This worker’s timers are controlled already.');
    // Bound: the global's own functions throw "Illegal invocation" when called on another object.
    const asBuilt = { setTimeout: scope.setTimeout.bind(scope), clearTimeout: scope.clearTimeout.bind(scope) };
    /** The pending timers of that delay: id → run it now. */
    const pending = new Map<unknown, () => void>();
    scope.setTimeout = ((handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
      if (ms !== delay) return asBuilt.setTimeout(handler, ms, ...args);
      const id = asBuilt.setTimeout(() => {
        pending.delete(id);
        handler(...args);
      }, ms);
      pending.set(id, () => {
        asBuilt.clearTimeout(id);
        pending.delete(id);
        handler(...args);
      });
      return id;
    }) as typeof setTimeout;
    scope.clearTimeout = ((id?: Parameters<typeof clearTimeout>[0]) => {
      pending.delete(id);
      asBuilt.clearTimeout(id);
    }) as typeof clearTimeout;
    scope.__hlRunTimersNow = () => {
      const due = [...pending.values()];
      for (const run of due) run();
      return due.length;
    };
  }, delayMs);
  return {
    runNow: async () =>
      (await browser.worker()).evaluate(() => {
        const run = (globalThis as { __hlRunTimersNow?: () => number }).__hlRunTimersNow;
        if (!run) throw new Error('The worker running now is not the one whose timers were controlled (it was stopped meanwhile).');
        return run();
      }),
  };
}
