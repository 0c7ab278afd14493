import { describe, expect, it, vi } from 'vitest';
import { REPORT_RETRY_MS, watchProfile } from '@/entrypoints/profile-watcher/watch';
import type { Handle } from '@/utils/profile-url';

/** A page whose URL the test moves, with the watcher's listener captured. */
function fakePage(start: string, options: { reportFails?: boolean; failures?: number } = {}) {
  const failures = options.failures ?? (options.reportFails ? Infinity : 0);
  let url = start;
  let alive = true;
  let listener: ((url: string) => void) | null = null;
  const unsubscribe = vi.fn(() => {
    listener = null;
  });
  let failed = 0;
  const report = vi.fn(async (_handle: Handle | null) => {
    if (failed < failures) {
      failed++;
      throw new Error('Could not establish connection');
    }
  });
  /** Retries the watcher asked for, run when the test says: [ms, run]. */
  const timers: Array<[number, () => void]> = [];
  const watcher = watchProfile({
    currentUrl: () => url,
    report,
    isAlive: () => alive,
    onUrlChange: (l) => {
      listener = l;
      return unsubscribe;
    },
    after: (ms, then) => void timers.push([ms, then]),
  });
  return {
    watcher,
    report,
    timers,
    /** Runs the retries due now, as their timers would. */
    runTimers() {
      for (const [, run] of timers.splice(0)) run();
    },
    unsubscribe,
    navigate(next: string) {
      url = next;
      listener?.(next);
    },
    retire() {
      alive = false;
    },
    get listening() {
      return listener !== null;
    },
  };
}

const IG = 'https://www.instagram.com';

describe('watchProfile', () => {
  it('reports the profile on start, and each change after', () => {
    const page = fakePage(`${IG}/nasa/`);
    page.navigate(`${IG}/natgeo/`);
    page.navigate(`${IG}/explore/`);
    expect(page.report.mock.calls).toEqual([['nasa'], ['natgeo'], [null]]);
  });

  it('does nothing more for navigations within the same profile', () => {
    const page = fakePage(`${IG}/nasa/`);
    for (const path of ['/nasa/reels/', '/nasa/p/C0de/', '/NASA/', '/stories/nasa/123/']) page.navigate(`${IG}${path}`);
    expect(page.report).toHaveBeenCalledTimes(1);
  });

  it('reports again after a report was lost (the background was restarting)', async () => {
    const page = fakePage(`${IG}/nasa/`, { failures: 1 });
    await vi.waitFor(() => expect(page.timers.map(([ms]) => ms)).toEqual([REPORT_RETRY_MS[0]]));
    page.runTimers();
    expect(page.report.mock.calls).toEqual([['nasa'], ['nasa']]);
    // Told once: nothing more is sent or waited for, and a navigation within the profile sends nothing.
    await Promise.resolve();
    await Promise.resolve();
    expect(page.timers).toEqual([]);
    page.navigate(`${IG}/nasa/tagged/`);
    expect(page.report).toHaveBeenCalledTimes(2);
  });

  it('tries a lost report again after each wait, then waits for the next change', async () => {
    const page = fakePage(`${IG}/nasa/`, { reportFails: true });
    for (const wait of REPORT_RETRY_MS) {
      await vi.waitFor(() => expect(page.timers.map(([ms]) => ms)).toEqual([wait]));
      page.runTimers();
    }
    await vi.waitFor(() => expect(page.report).toHaveBeenCalledTimes(REPORT_RETRY_MS.length + 1));
    await Promise.resolve();
    await Promise.resolve();
    expect(page.timers).toEqual([]);
    // Given up: the next navigation, even within the same profile, reports it again.
    page.navigate(`${IG}/nasa/tagged/`);
    expect(page.report).toHaveBeenCalledTimes(REPORT_RETRY_MS.length + 2);
  });

  it('drops a retry once the page has moved on to another profile', async () => {
    const page = fakePage(`${IG}/nasa/`, { failures: 1 });
    await vi.waitFor(() => expect(page.timers).toHaveLength(1));
    page.navigate(`${IG}/natgeo/`);
    page.runTimers();
    expect(page.report.mock.calls).toEqual([['nasa'], ['natgeo']]);
  });

  it('answers which profile the page shows now', () => {
    const page = fakePage(`${IG}/nasa/`);
    expect(page.watcher.current()).toBe('nasa');
    page.navigate(`${IG}/reel/abc/`);
    expect(page.watcher.current()).toBeNull();
  });

  it('retires once the extension is gone: stops listening and reports nothing more', () => {
    const page = fakePage(`${IG}/nasa/`);
    page.retire();
    page.navigate(`${IG}/natgeo/`);
    expect(page.report).toHaveBeenCalledTimes(1);
    expect(page.unsubscribe).toHaveBeenCalledTimes(1);
    expect(page.listening).toBe(false);
  });
});
