/**
 * A bounded load test in real Chromium: 500 profile navigations over five
 * Instagram tabs (in-page pushState and real page loads), then 50 concurrent
 * lookups, then a navigation burst with auto-lookup on. Nothing is lost,
 * nothing is asked twice, automatic lookups stay capped and the worker's heap
 * stays small. Prints its figures on one line.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AUTO_LOOKUPS_PER_MINUTE } from '../../utils/limits';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { CACHE_ENTRY_PREFIX, LOCAL_KEYS, SESSION_KEYS } from '../../utils/storage-keys';
import { attachToServiceWorker, type TargetSession } from '../support/browser';
import type { ChromeApi } from '../support/chrome-api';
import { InstagramTab, TOOLBAR_TITLE } from '../support/instagram-tab';
import { until } from '../support/poll';
import { DEFAULT_SCENARIOS, loadProfiles } from '../support/scenarios';
import { useWorld } from './fixture';

declare const chrome: ChromeApi;

const PROFILES = 60; // load0 … load59, for the navigations with auto-lookup off
const TABS = 5;
const NAVIGATIONS_PER_TAB = 100; // 500 in all
const REAL_LOAD_EVERY = 25; // every 25th navigation of a tab is a real page load: 20 in all
const LOOKUP_HANDLES = 20; // load0 … load19
const MESSAGE_LOOKUPS = 45; // plus one popup per tab: 50 lookups
// 100 navigations with auto-lookup on, each to a profile never visited before: load60 … load159.
const AUTO_NAVIGATIONS_PER_TAB = 20;
const AUTO_PROFILES = TABS * AUTO_NAVIGATIONS_PER_TAB;
const HEAP_LIMIT_BYTES = 50 * 1024 * 1024;
const WAIT = { timeout: 20_000, interval: 100 };
const AUTO_ON = { ...DEFAULT_SETTINGS, autoLookup: true };

const handle = (i: number) => `load${i}`;

// Auto-lookup is off by default (reset stores the default settings).
const world = useWorld({
  scenarios: { ...DEFAULT_SCENARIOS, ...loadProfiles(PROFILES + AUTO_PROFILES) },
  resetEachTest: false,
});

async function actionTitles(tabIds: number[]): Promise<string[]> {
  return Promise.all(tabIds.map((tabId) => world.browser.toolbarTitle(tabId)));
}

async function session(key: string): Promise<unknown> {
  return (await world.getStorage('session', key))[key];
}

/** Handles with an answer in the cache (one storage.local key each). */
async function cachedHandles(): Promise<string[]> {
  return Object.keys(await world.getStorage('local'))
    .filter((key) => key.startsWith(CACHE_ENTRY_PREFIX))
    .map((key) => key.slice(CACHE_ENTRY_PREFIX.length));
}

/** The k-th navigation of tab t: every URL form of a profile page, spread over `pool`. */
function navigationPath(t: number, k: number, pool: number[], last: string): string {
  const h = k === -1 ? last : handle(pool[(t * 13 + k * 7) % pool.length]!);
  switch (k % 5) {
    case 1:
      return `/${h}/tagged/`;
    case 2:
      return `/${h}/p/C0de${t}x${k}/`;
    case 3:
      return `/stories/${h}/33000000000000000${k}/`;
    default:
      return `/${h}/`;
  }
}

/** The requests the 50 explicit lookups caused; every other highlights request was automatic. */
const lookupPhase = new Set<object>();

/** Uncaught errors and console errors of every page (all worlds) and of the worker. */
class ErrorLog {
  readonly errors: string[] = [];

  async watchPage(label: string, page: Page): Promise<void> {
    page.on('pageerror', (e) => this.errors.push(`${label} pageerror: ${e.message}`));
    const cdp = await world.browser.context.newCDPSession(page);
    cdp.on('Runtime.exceptionThrown', (e) =>
      this.errors.push(`${label} exception: ${e.exceptionDetails.exception?.description ?? e.exceptionDetails.text}`),
    );
    cdp.on('Runtime.consoleAPICalled', (e) => {
      if (e.type === 'error' || e.type === 'assert') {
        this.errors.push(`${label} console.${e.type}: ${JSON.stringify(e.args.map((a) => a.value ?? a.description))}`);
      }
    });
    await cdp.send('Runtime.enable');
  }

  async watchWorker(session: TargetSession): Promise<void> {
    session.onEvent((method, params) => {
      if (method === 'Runtime.exceptionThrown') {
        const d = (params as { exceptionDetails: { text: string; exception?: { description?: string } } }).exceptionDetails;
        this.errors.push(`worker exception: ${d.exception?.description ?? d.text}`);
      }
      if (method === 'Runtime.consoleAPICalled') {
        const e = params as { type: string; args: Array<{ value?: unknown; description?: string }> };
        if (e.type === 'error' || e.type === 'assert') {
          this.errors.push(`worker console.${e.type}: ${JSON.stringify(e.args.map((a) => a.value ?? a.description))}`);
        }
      }
    });
    await session.send('Runtime.enable');
  }
}

async function workerHeapBytes(session: TargetSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send<{ usedSize: number }>('Runtime.getHeapUsage');
  return usedSize;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Highlights requests since `from` (an index into the highlights log), as the handles (or owner ids) they asked for. */
function askedFor(from: number): string[] {
  return world
    .highlightLog()
    .slice(from)
    .map((r) => r.query.handle ?? `user_id:${r.query.user_id}`);
}

describe('under load', () => {
  const title = '500 navigations over 5 tabs, 50 concurrent lookups, then auto-lookup capped; nothing lost, nothing asked twice';
  it(title, { timeout: 90_000 }, async () => {
    const started = Date.now();
    const log = new ErrorLog();
    const { api, site, browser: ext } = world;
    const worker = await attachToServiceWorker(ext);
    try {
      await log.watchWorker(worker);
      const heapBefore = await workerHeapBytes(worker);

      // Five Instagram tabs, watched in every world, and their tab ids.
      const tabs: Array<{ tab: InstagramTab; id: number; last: string }> = [];
      for (let t = 0; t < TABS; t++) {
        const page = await ext.context.newPage();
        await log.watchPage(`instagram tab ${t}`, page);
        await page.goto(`https://www.instagram.com/explore/`);
        const tab = new InstagramTab(ext, page, await ext.tabIdOf(page));
        tabs.push({ tab, id: tab.tabId, last: handle(t) });
      }

      /** Navigates every tab `count` times concurrently over its pool, ending each on its `last` handle. */
      const navigate = async (count: number, poolOf: (t: number) => number[]) => {
        await Promise.all(
          tabs.map(async ({ tab, last }, t) => {
            for (let k = 0; k < count; k++) {
              const path = navigationPath(t, k === count - 1 ? -1 : k, poolOf(t), last);
              if (k % REAL_LOAD_EVERY === REAL_LOAD_EVERY - 1) await tab.goto(path);
              else await tab.spaNavigate(path);
            }
          }),
        );
      };

      /** Every tab's toolbar title and its storage.session entry name its last profile. */
      const expectTabsSettled = async () => {
        const ids = tabs.map((tab) => tab.id);
        await expect.poll(() => actionTitles(ids), WAIT).toEqual(tabs.map((tab) => TOOLBAR_TITLE.of(tab.last)));
        const tabProfiles = (await session(SESSION_KEYS.tabProfiles)) as Record<string, string | null>;
        for (const tab of tabs) expect(tabProfiles[String(tab.id)], `tab ${tab.id}`).toBe(tab.last);
      };

      // 1. 500 profile navigations with auto-lookup off (the default): titles follow, nothing is spent.
      const allProfiles = Array.from({ length: PROFILES }, (_, i) => i);
      const navStarted = Date.now();
      await navigate(NAVIGATIONS_PER_TAB, () => allProfiles);
      await expectTabsSettled();
      const navSeconds = (Date.now() - navStarted) / 1000;
      expect(askedFor(0)).toEqual([]);
      const realLoads = site.hits.filter((h) => h.kind === 'page').length - TABS;
      expect(realLoads).toBe(TABS * (NAVIGATIONS_PER_TAB / REAL_LOAD_EVERY));

      // 2. 50 concurrent lookups: a popup for each tab, and 45 messages from one extension page.
      const control = await ext.context.newPage();
      await log.watchPage('extension page', control);
      await control.goto(`${ext.extensionOrigin}/manifest.json`);
      const messageHandles = Array.from({ length: MESSAGE_LOOKUPS }, (_, i) => handle(i % LOOKUP_HANDLES));
      const popups = await Promise.all(tabs.map(() => ext.context.newPage()));
      await Promise.all(popups.map((p, t) => log.watchPage(`popup ${t}`, p)));
      const lookupsStarted = Date.now();
      const [answers] = await Promise.all([
        control.evaluate(
          (handles) =>
            Promise.all(
              handles.map((h) =>
                chrome.runtime
                  .sendMessage({ type: 'lookup', handle: h, refresh: false })
                  .catch((e: Error) => ({ ok: false, rejected: e.message })),
              ),
            ),
          messageHandles,
        ),
        ...popups.map((p, t) => p.goto(`${ext.extensionOrigin}/popup.html?tab=${tabs[t]!.id}`)),
      ]);
      const popupStates = await Promise.all(
        popups.map(async (p) => {
          const main = p.locator('main[data-state]');
          await expect.poll(() => main.getAttribute('data-state'), WAIT).toMatch(/^(list|empty|error|no-key|no-profile)$/);
          return { state: await main.getAttribute('data-state'), handle: await p.getByTestId('profile-handle').textContent() };
        }),
      );
      const lookupSeconds = (Date.now() - lookupsStarted) / 1000;
      expect(popupStates).toEqual(tabs.map((tab) => ({ state: 'list', handle: `@${tab.last}` })));
      const shapes = (answers as Array<{ ok: boolean; list?: { handle: string; highlights: unknown[] } }>).map((a, i) => ({
        ok: a.ok,
        handle: a.list?.handle,
        highlights: a.list?.highlights.length,
        asked: messageHandles[i],
      }));
      expect(shapes).toEqual(messageHandles.map((h) => ({ ok: true, handle: h, highlights: 2, asked: h })));
      const lookedUp = new Set([...messageHandles, ...tabs.map((tab) => tab.last)]);
      const lookupRequests = askedFor(0);
      for (const r of api.requests) lookupPhase.add(r);
      expect([...lookupRequests].sort()).toEqual([...lookedUp].sort());

      // 3. Auto-lookup on, 100 more navigations, each to a profile never visited before (every
      // tab has 20 of its own): at most 5 are spent. Each is reported once, so the 5 that get
      // the minute's slots are 5 different profiles, and exactly 5 requests follow.
      await world.setStorage('local', { [LOCAL_KEYS.settings]: AUTO_ON });
      const autoFrom = world.highlightRequests();
      const autoPool = (t: number) => Array.from({ length: AUTO_NAVIGATIONS_PER_TAB }, (_, i) => PROFILES + t * AUTO_NAVIGATIONS_PER_TAB + i);
      // The last navigation of a tab goes where navigationPath would have sent it: no profile twice.
      tabs.forEach((tab, t) => (tab.last = handle(autoPool(t)[(t * 13 + (AUTO_NAVIGATIONS_PER_TAB - 1) * 7) % AUTO_NAVIGATIONS_PER_TAB]!)));
      await navigate(AUTO_NAVIGATIONS_PER_TAB, autoPool);
      await expectTabsSettled();
      // Every slot of the minute taken, and each of those lookups answered and in the cache.
      await until('the minute’s automatic lookups to be taken', () => session(SESSION_KEYS.autoLookupTimes), (times) => Array.isArray(times) && times.length === AUTO_LOOKUPS_PER_MINUTE, WAIT.timeout);
      const autoDone = async () => {
        const asked = askedFor(autoFrom);
        const cached = await cachedHandles();
        return asked.length === AUTO_LOOKUPS_PER_MINUTE && world.highlightLog().every((r) => r.status !== 0) && asked.every((h) => cached.includes(h));
      };
      await until('the automatic lookups to be answered and cached', autoDone, Boolean, WAIT.timeout);
      const autoRequests = askedFor(autoFrom);
      expect(autoRequests.length).toBeGreaterThanOrEqual(1);
      expect(autoRequests.length).toBeLessThanOrEqual(AUTO_LOOKUPS_PER_MINUTE);
      expect(new Set(autoRequests).size).toBe(autoRequests.length);
      for (const h of autoRequests) expect(lookedUp.has(h), `${h} was looked up before`).toBe(false);
      // What was fetched automatically is now in the cache for the popup.
      const cache = await cachedHandles();
      for (const h of autoRequests) expect(cache).toContain(h);

      // Across the whole run: one request per distinct profile, every one answered 200.
      const all = askedFor(0);
      expect(new Set(all).size).toBe(all.length);
      expect(world.highlightLog().every((r) => r.status === 200)).toBe(true);

      const heapAfter = await workerHeapBytes(worker);
      expect(heapAfter).toBeLessThan(HEAP_LIMIT_BYTES);
      expect(log.errors).toEqual([]);

      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(
        `load: ${TABS * NAVIGATIONS_PER_TAB} navigations, ${MESSAGE_LOOKUPS + TABS} lookups, ` +
          `${lookupRequests.length} requests for ${lookedUp.size} distinct profiles, ` +
          `worker heap ${mb(heapBefore)} MB → ${mb(heapAfter)} MB, ${seconds} s ` +
          `(navigations ${navSeconds.toFixed(1)} s incl. ${realLoads} page loads; lookups ${lookupSeconds.toFixed(1)} s; ` +
          `auto-lookup on: ${autoRequests.length} requests during ${TABS * AUTO_NAVIGATIONS_PER_TAB} navigations)`,
      );
    } finally {
      if (log.errors.length > 0) console.error(`load: errors seen:\n${log.errors.join('\n')}`);
      await worker.detach();
    }
  });

  it('the cap on automatic lookups (5 a minute) survives the worker being stopped in between', async () => {
    // Runs after the test above in the same browser: auto-lookup is on and the window
    // may already hold its lookups. Chrome stops an idle worker after 30 s, well inside a minute.
    await world.setStorage('local', { [LOCAL_KEYS.settings]: AUTO_ON });
    const cache = await cachedHandles();
    const fresh = Array.from({ length: PROFILES + AUTO_PROFILES }, (_, i) => handle(i)).filter((h) => !cache.includes(h));
    expect(fresh.length).toBeGreaterThanOrEqual(12);
    const tab = await world.instagram('/explore/');

    const visit = async (h: string) => {
      await tab.spaNavigate(`/${h}/`);
      await tab.waitForProfile(h, WAIT.timeout);
    };
    /** The most automatic requests sent in any 60 s window. */
    const busiestMinute = () => {
      const times = world.highlightLog().filter((r) => !lookupPhase.has(r)).map((r) => r.at);
      return Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + 60_000).length));
    };
    /**
     * Stopping the worker ends whatever the visits started in it: a lookup has sent its request
     * by then (the stop takes longer than a loopback request) or never will. Then every answer is in.
     */
    const settleVisits = async () => {
      await world.stopWorker();
      await until('every request to be answered', () => world.highlightLog().every((r) => r.status !== 0), Boolean, WAIT.timeout);
    };

    for (const h of fresh.slice(0, 6)) await visit(h);
    await settleVisits();
    expect(busiestMinute()).toBeLessThanOrEqual(AUTO_LOOKUPS_PER_MINUTE);

    // The worker was stopped in between: the next visits start a fresh one.
    for (const h of fresh.slice(6, 12)) await visit(h);
    await settleVisits();
    expect(busiestMinute()).toBeLessThanOrEqual(AUTO_LOOKUPS_PER_MINUTE);
  });
});
