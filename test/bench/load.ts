/**
 * The load run of `npm run bench:load` (scripts/bench-load.ts): the real
 * extension in headless Chromium, driven harder than any user would, with
 * what must hold all the same checked as it goes.
 *
 * 1. 500 profile navigations over 5 tabs (every URL form of a profile page,
 *    one in 25 a real page load), auto-lookup off: every tab's title ends on
 *    its last profile and nothing is spent.
 * 2. 50 lookups at once: a popup for each tab and 45 messages from an
 *    extension page, over 20 profiles: one request per distinct profile.
 * 3. Auto-lookup on, 100 more navigations to profiles never seen: at most
 *    5 requests (the minute's cap), each answered and cached.
 * Throughout: no uncaught error or console error in any page or the worker,
 * and the worker's heap stays under 50 MB.
 */
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { AUTO_LOOKUPS_PER_MINUTE } from '../../utils/limits';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { CACHE_ENTRY_PREFIX, LOCAL_KEYS, SESSION_KEYS } from '../../utils/storage-keys';
import { attachToServiceWorker, type TargetSession } from '../support/browser';
import type { ChromeApi } from '../support/chrome-api';
import { InstagramTab, TOOLBAR_TITLE } from '../support/instagram-tab';
import { until } from '../support/poll';
import { DEFAULT_SCENARIOS, loadProfiles, type Scenarios } from '../support/scenarios';
import type { World } from '../support/world';

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
export const HEAP_LIMIT_BYTES = 50 * 1024 * 1024;
const WAIT_MS = 20_000;
const AUTO_ON = { ...DEFAULT_SETTINGS, autoLookup: true };

/** What the stand-in SociaVault must know for the run. */
export const LOAD_SCENARIOS: Scenarios = { ...DEFAULT_SCENARIOS, ...loadProfiles(PROFILES + AUTO_PROFILES) };

const handle = (i: number) => `load${i}`;

/** The figures of one run. */
export interface LoadFigures {
  navigations: number;
  realLoads: number;
  navigationSeconds: number;
  lookups: number;
  lookupRequests: number;
  distinctProfiles: number;
  lookupSeconds: number;
  autoNavigations: number;
  autoRequests: number;
  heapBeforeBytes: number;
  heapAfterBytes: number;
  totalSeconds: number;
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

/** Uncaught errors and console errors of every page (all worlds) and of the worker. */
class ErrorLog {
  readonly errors: string[] = [];

  constructor(private readonly world: World) {}

  async watchPage(label: string, page: Page): Promise<void> {
    page.on('pageerror', (e) => this.errors.push(`${label} pageerror: ${e.message}`));
    const cdp = await this.world.browser.context.newCDPSession(page);
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

/**
 * Runs the load on a world started with LOAD_SCENARIOS and reset (auto-lookup
 * off, the default). Throws (an AssertionError naming what failed) as soon as
 * something that must hold does not; returns the figures otherwise.
 */
export async function runLoad(world: World, log: (line: string) => void = () => {}): Promise<LoadFigures> {
  const started = Date.now();
  const { site, browser: ext } = world;
  const errors = new ErrorLog(world);
  const askedFor = (from: number) => world.highlightLog().slice(from).map((r) => r.query.handle ?? `user_id:${r.query.user_id}`);
  const session = async (key: string) => (await world.getStorage('session', key))[key];
  const cachedHandles = async () =>
    Object.keys(await world.getStorage('local'))
      .filter((key) => key.startsWith(CACHE_ENTRY_PREFIX))
      .map((key) => key.slice(CACHE_ENTRY_PREFIX.length));

  const worker = await attachToServiceWorker(ext);
  try {
    await errors.watchWorker(worker);
    const heapBefore = await workerHeapBytes(worker);

    // Five Instagram tabs, watched in every world, and their tab ids.
    const tabs: Array<{ tab: InstagramTab; id: number; last: string }> = [];
    for (let t = 0; t < TABS; t++) {
      const page = await ext.context.newPage();
      await errors.watchPage(`instagram tab ${t}`, page);
      await page.goto('https://www.instagram.com/explore/');
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
      const expected = tabs.map((tab) => TOOLBAR_TITLE.of(tab.last));
      await until(
        'every tab’s toolbar title to name its last profile',
        () => Promise.all(tabs.map((tab) => ext.toolbarTitle(tab.id))),
        (titles) => JSON.stringify(titles) === JSON.stringify(expected),
        WAIT_MS,
      );
      const tabProfiles = (await session(SESSION_KEYS.tabProfiles)) as Record<string, string | null>;
      for (const tab of tabs) strictEqual(tabProfiles[String(tab.id)], tab.last, `storage.session's profile of tab ${tab.id}`);
    };

    // 1. 500 profile navigations with auto-lookup off (the default): titles follow, nothing is spent.
    log(`1. ${TABS * NAVIGATIONS_PER_TAB} navigations over ${TABS} tabs, auto-lookup off…`);
    const allProfiles = Array.from({ length: PROFILES }, (_, i) => i);
    const navStarted = Date.now();
    await navigate(NAVIGATIONS_PER_TAB, () => allProfiles);
    await expectTabsSettled();
    const navigationSeconds = (Date.now() - navStarted) / 1000;
    deepStrictEqual(askedFor(0), [], 'requests sent with auto-lookup off');
    const realLoads = site.hits.filter((h) => h.kind === 'page').length - TABS;
    strictEqual(realLoads, TABS * (NAVIGATIONS_PER_TAB / REAL_LOAD_EVERY), 'real page loads');

    // 2. 50 concurrent lookups: a popup for each tab, and 45 messages from one extension page.
    log(`2. ${MESSAGE_LOOKUPS + TABS} lookups at once…`);
    const control = await ext.context.newPage();
    await errors.watchPage('extension page', control);
    await control.goto(`${ext.extensionOrigin}/manifest.json`);
    const messageHandles = Array.from({ length: MESSAGE_LOOKUPS }, (_, i) => handle(i % LOOKUP_HANDLES));
    const popups = await Promise.all(tabs.map(() => ext.context.newPage()));
    await Promise.all(popups.map((p, t) => errors.watchPage(`popup ${t}`, p)));
    const lookupsStarted = Date.now();
    const [answers] = await Promise.all([
      control.evaluate(
        (handles) =>
          Promise.all(
            handles.map((h) =>
              chrome.runtime.sendMessage({ type: 'lookup', handle: h, refresh: false }).catch((e: Error) => ({ ok: false, rejected: e.message })),
            ),
          ),
        messageHandles,
      ),
      ...popups.map((p, t) => p.goto(`${ext.extensionOrigin}/popup.html?tab=${tabs[t]!.id}`)),
    ]);
    const popupStates = await Promise.all(
      popups.map(async (p) => {
        const main = p.locator('main[data-state]');
        await until('the popup to settle', () => main.getAttribute('data-state'), (state) => /^(list|empty|error|no-key|no-profile)$/.test(state ?? ''), WAIT_MS);
        return { state: await main.getAttribute('data-state'), handle: await p.getByTestId('profile-handle').textContent() };
      }),
    );
    const lookupSeconds = (Date.now() - lookupsStarted) / 1000;
    deepStrictEqual(popupStates, tabs.map((tab) => ({ state: 'list', handle: `@${tab.last}` })), 'what the popups show');
    const shapes = (answers as Array<{ ok: boolean; list?: { handle: string; highlights: unknown[] } }>).map((a, i) => ({
      ok: a.ok,
      handle: a.list?.handle,
      highlights: a.list?.highlights.length,
      asked: messageHandles[i],
    }));
    deepStrictEqual(shapes, messageHandles.map((h) => ({ ok: true, handle: h, highlights: 2, asked: h })), 'the answers to the messages');
    const lookedUp = new Set([...messageHandles, ...tabs.map((tab) => tab.last)]);
    const lookupRequests = askedFor(0);
    deepStrictEqual([...lookupRequests].sort(), [...lookedUp].sort(), 'one request per distinct profile');

    // 3. Auto-lookup on, 100 more navigations, each to a profile never visited before (every
    // tab has 20 of its own): at most 5 are spent. Each is reported once, so the 5 that get
    // the minute's slots are 5 different profiles, and exactly 5 requests follow.
    log(`3. ${TABS * AUTO_NAVIGATIONS_PER_TAB} navigations to new profiles, auto-lookup on…`);
    await world.setStorage('local', { [LOCAL_KEYS.settings]: AUTO_ON });
    const autoFrom = world.highlightRequests();
    const autoPool = (t: number) => Array.from({ length: AUTO_NAVIGATIONS_PER_TAB }, (_, i) => PROFILES + t * AUTO_NAVIGATIONS_PER_TAB + i);
    // The last navigation of a tab goes where navigationPath would have sent it: no profile twice.
    tabs.forEach((tab, t) => (tab.last = handle(autoPool(t)[(t * 13 + (AUTO_NAVIGATIONS_PER_TAB - 1) * 7) % AUTO_NAVIGATIONS_PER_TAB]!)));
    await navigate(AUTO_NAVIGATIONS_PER_TAB, autoPool);
    await expectTabsSettled();
    // Every slot of the minute taken, and each of those lookups answered and in the cache.
    await until('the minute’s automatic lookups to be taken', () => session(SESSION_KEYS.autoLookupTimes), (times) => Array.isArray(times) && times.length === AUTO_LOOKUPS_PER_MINUTE, WAIT_MS);
    await until(
      'the automatic lookups to be answered and cached',
      async () => {
        const asked = askedFor(autoFrom);
        const cached = await cachedHandles();
        return asked.length === AUTO_LOOKUPS_PER_MINUTE && world.highlightLog().every((r) => r.status !== 0) && asked.every((h) => cached.includes(h));
      },
      Boolean,
      WAIT_MS,
    );
    const autoRequests = askedFor(autoFrom);
    strictEqual(new Set(autoRequests).size, autoRequests.length, 'automatic requests are for distinct profiles');
    for (const h of autoRequests) ok(!lookedUp.has(h), `${h} was looked up before`);

    // Across the whole run: one request per distinct profile, every one answered 200.
    const all = askedFor(0);
    strictEqual(new Set(all).size, all.length, 'no profile asked twice');
    ok(world.highlightLog().every((r) => r.status === 200), 'every highlights request answered 200');

    const heapAfter = await workerHeapBytes(worker);
    ok(heapAfter < HEAP_LIMIT_BYTES, `the worker's heap after the run: ${heapAfter} bytes, over ${HEAP_LIMIT_BYTES}`);
    deepStrictEqual(errors.errors, [], 'uncaught errors and console errors');

    return {
      navigations: TABS * NAVIGATIONS_PER_TAB,
      realLoads,
      navigationSeconds,
      lookups: MESSAGE_LOOKUPS + TABS,
      lookupRequests: lookupRequests.length,
      distinctProfiles: lookedUp.size,
      lookupSeconds,
      autoNavigations: TABS * AUTO_NAVIGATIONS_PER_TAB,
      autoRequests: autoRequests.length,
      heapBeforeBytes: heapBefore,
      heapAfterBytes: heapAfter,
      totalSeconds: (Date.now() - started) / 1000,
    };
  } finally {
    if (errors.errors.length > 0) console.error(`Errors seen:\n${errors.errors.join('\n')}`);
    await worker.detach();
  }
}
