import { describe, expect, it, vi } from 'vitest';
import { watchProfile } from '@/entrypoints/profile-watcher/watch';
import type { Handle } from '@/utils/profile-url';

/** A page whose URL the test moves, with the watcher's listener captured. */
function fakePage(start: string, { reportFails = false } = {}) {
  let url = start;
  let alive = true;
  let listener: ((url: string) => void) | null = null;
  const unsubscribe = vi.fn(() => {
    listener = null;
  });
  const report = vi.fn(async (_handle: Handle | null) => {
    if (reportFails) throw new Error('Could not establish connection');
  });
  const watcher = watchProfile({
    currentUrl: () => url,
    report,
    isAlive: () => alive,
    onUrlChange: (l) => {
      listener = l;
      return unsubscribe;
    },
  });
  return {
    watcher,
    report,
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
    const page = fakePage(`${IG}/nasa/`, { reportFails: true });
    await Promise.resolve();
    await Promise.resolve();
    page.navigate(`${IG}/nasa/tagged/`);
    expect(page.report.mock.calls).toEqual([['nasa'], ['nasa']]);
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
