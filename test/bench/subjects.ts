/**
 * The two extensions `npm run bench` compares, each in a Chromium of its own
 * against the same local SociaVault and Instagram: the product (the WXT
 * build) and the floor (test/bench/floor, the least code that does the same
 * job). A subject knows how its extension keeps things, so the bench can set
 * up the same situation in both: an Instagram tab on a profile, a cached
 * answer or none, a cache of a given size, a stopped worker.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { entryBytes } from '../../entrypoints/background/cache/cache-policy';
import type { HighlightList } from '../../utils/highlights/highlight';
import type { Handle } from '../../utils/profile-url';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { cacheEntryKey, LOCAL_KEYS, SESSION_KEYS } from '../../utils/storage-keys';
import { launchExtension, type ExtensionBrowser } from '../support/browser';
import { extensionDir } from '../support/build';
import type { ChromeApi } from '../support/chrome-api';
import { until } from '../support/poll';
import { POPUP_VIEWPORT, Popup } from '../support/popup';
import { bigIdPlus, cdnUrl, DEFAULT_API_KEY } from '../support/scenarios';
import { addProbe } from './probe';

declare const chrome: ChromeApi & {
  storage: { onChanged: { addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void } };
  runtime: { onMessage: { addListener(listener: () => void): void } };
};

export const FLOOR_DIR = fileURLToPath(new URL('./floor', import.meta.url));

export type SubjectName = 'product' | 'floor';

interface Servers {
  instagramPort: number;
  apiPort: number;
  spkiHash: string;
}

/** The storage.session change log an observer page keeps (see Subject.observe). */
interface ObserverWindow {
  __changes?: Array<{ at: number; changes: Record<string, { newValue?: unknown }> }>;
}

interface Layout {
  /** Storage items that hold `list` as a fresh cached answer. */
  cached(list: HighlightList): Record<string, unknown>;
  cacheKey(handle: string): string;
  /** The handle storage.session says the tab shows (undefined: nothing stored yet). */
  heldHandle(session: Record<string, unknown>, tabId: number): string | null | undefined;
  /** Starts a filler cache of `entries`, with an index for the product. */
  fill(entries: HighlightList[]): Record<string, unknown>;
  /** Items that make the extension ready to look up: the key, and the product's settings. */
  setup: Record<string, unknown>;
}

const PATH_HANDLE = /^\/([\w.]{1,30})\//;

const LAYOUTS: Record<SubjectName, Layout> = {
  product: {
    cached: (list) => ({ [cacheEntryKey(list.handle)]: list }),
    cacheKey: cacheEntryKey,
    heldHandle: (session, tabId) => {
      const profiles = session[SESSION_KEYS.tabProfiles] as Record<string, string | null> | undefined;
      return profiles?.[String(tabId)];
    },
    fill: (entries) => ({
      ...Object.fromEntries(entries.map((list) => [cacheEntryKey(list.handle), list])),
      // Older than anything looked up during the bench, so nothing real is evicted first.
      [LOCAL_KEYS.cacheIndex]: entries.map((list, i) => [list.handle, i + 1, entryBytes(cacheEntryKey(list.handle), list)]),
    }),
    setup: { [LOCAL_KEYS.settings]: DEFAULT_SETTINGS, [LOCAL_KEYS.apiKey]: DEFAULT_API_KEY },
  },
  floor: {
    cached: (list) => ({ [`c:${list.handle}`]: list.highlights }),
    cacheKey: (handle) => `c:${handle}`,
    heldHandle: (session, tabId) => {
      const path = session[`tab:${tabId}`];
      if (typeof path !== 'string') return undefined;
      return PATH_HANDLE.exec(path)?.[1]?.toLowerCase() ?? null;
    },
    fill: (entries) => Object.fromEntries(entries.map((list) => [`c:${list.handle}`, list.highlights])),
    setup: { apiKey: DEFAULT_API_KEY },
  },
};

/** `count` highlights shaped like the stand-in's, for filler cache entries. */
export function fillerList(handle: string, count: number, fetchedAt: number): HighlightList {
  return {
    handle: handle as Handle,
    ownerId: '9000000001',
    fetchedAt,
    highlights: Array.from({ length: count }, (_, i) => {
      const id = bigIdPlus('17999900000000000', i * 7919);
      return { id, title: `Filler ${i + 1}`, coverUrl: cdnUrl('scontent-sea1-1.cdninstagram.com', 'cropped', `561153419${id}`) };
    }),
  };
}

export interface Subject {
  name: SubjectName;
  browser: ExtensionBrowser;
  /** The Instagram tab the popup is opened for. */
  tab: { page: Page; tabId: number };
  /** What the extension's background holds for the tab now (from storage.session). */
  heldHandle(): Promise<string | null | undefined>;
  /** In-app navigation to `path` (the sample site's pushState and re-render); resolves once the background holds `handle`. */
  navigate(path: string, handle: string): Promise<void>;
  /** The popup for the tab, with the bench probe, at the popup's size. */
  openPopup(): Promise<Popup>;
  setLocal(items: Record<string, unknown>): Promise<void>;
  removeLocal(keys: string[]): Promise<void>;
  /** Drops the cached answer for `handle`. */
  uncache(handle: string): Promise<void>;
  /** Writes filler answers into the cache (and the product's index). */
  fill(entries: HighlightList[]): Promise<void>;
  /** Starts the worker if it is stopped. */
  wakeWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  isWorkerRunning(): Promise<boolean>;
  /** Starts recording storage.session changes with their time (performance.timeOrigin + now, in ms). */
  observe(): Promise<void>;
  /** Forgets the changes recorded so far. */
  clearObserved(): Promise<void>;
  /** When storage.session first said the tab shows `handle`, among the recorded changes. */
  observedHandleAt(handle: string): Promise<number | null>;
  /** How many changes storage.session has seen since clearObserved. */
  observedChanges(): Promise<number>;
  /** Counts every runtime message the worker receives from now on (an extra listener that never answers). */
  countWorkerMessages(): Promise<void>;
  workerMessages(): Promise<number>;
  close(): Promise<void>;
}

export async function startSubject(name: SubjectName, servers: Servers, startPath: string, startHandle: string): Promise<Subject> {
  const layout = LAYOUTS[name];
  const browser = await launchExtension({
    ...servers,
    extensionDir: name === 'product' ? extensionDir('chrome') : FLOOR_DIR,
    // The floor opens no welcome tab on install; the product's is closed before measuring.
    welcome: name === 'product' ? 'close' : 'none',
  });
  try {
    await browser.setStorage('local', layout.setup);
    const page = await browser.newInstagramPage(startPath);
    const tabId = await browser.tabIdOf(page);
    const heldHandle = async () => layout.heldHandle(await browser.getStorage('session'), tabId);
    await until(`the ${name} to see ${startPath}`, heldHandle, (h) => h === startHandle, 15_000);

    // An extension page of the bench's own (the manifest as text, none of the extension's code):
    // storage.session changes are recorded here, and storage edited through it.
    const control = await browser.context.newPage();
    await control.goto(`${browser.extensionOrigin}/manifest.json`);

    return {
      name,
      browser,
      tab: { page, tabId },
      heldHandle,
      async navigate(path, handle) {
        await page.evaluate((p) => (window as unknown as { __spaNavigate(path: string): void }).__spaNavigate(p), path);
        await until(`the ${name} to see ${path}`, heldHandle, (h) => h === handle, 15_000);
      },
      openPopup: () => Popup.open(browser, tabId, { viewport: POPUP_VIEWPORT, beforeLoad: addProbe }),
      setLocal: (items) => browser.setStorage('local', items),
      async removeLocal(keys) {
        await control.evaluate((k) => chrome.storage.local.remove(k), keys);
      },
      async uncache(handle) {
        await control.evaluate((k) => chrome.storage.local.remove(k), [layout.cacheKey(handle)]);
      },
      fill: (entries) => browser.setStorage('local', layout.fill(entries)),
      wakeWorker: async () => void (await browser.worker()),
      stopWorker: () => browser.stopServiceWorker(),
      isWorkerRunning: () => browser.isWorkerRunning(),
      async observe() {
        await control.evaluate(() => {
          const w = window as ObserverWindow;
          w.__changes = [];
          chrome.storage.onChanged.addListener((changes, area) => {
            if (area === 'session') w.__changes!.push({ at: performance.timeOrigin + performance.now(), changes });
          });
        });
      },
      async clearObserved() {
        await control.evaluate(() => void ((window as ObserverWindow).__changes = []));
      },
      async observedHandleAt(handle) {
        const changes = await control.evaluate(() => (window as ObserverWindow).__changes ?? []);
        for (const { at, changes: changed } of changes) {
          const session = Object.fromEntries(Object.entries(changed).map(([key, { newValue }]) => [key, newValue]));
          if (layout.heldHandle(session, tabId) === handle) return at;
        }
        return null;
      },
      async observedChanges() {
        return control.evaluate(() => ((window as ObserverWindow).__changes ?? []).length);
      },
      async countWorkerMessages() {
        const worker = await browser.worker();
        await worker.evaluate(() => {
          const scope = self as unknown as { __benchMessages?: number };
          scope.__benchMessages = 0;
          chrome.runtime.onMessage.addListener(() => void (scope.__benchMessages! += 1));
        });
      },
      async workerMessages() {
        const worker = await browser.worker();
        return worker.evaluate(() => (self as unknown as { __benchMessages?: number }).__benchMessages ?? -1);
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
