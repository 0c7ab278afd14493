/**
 * Everything the extension meets, started together: a throw-away TLS
 * certificate, the stand-in SociaVault, the sample Instagram and Chromium with
 * the built extension. The e2e tests, the demo and the bench all start this.
 */
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { LOCAL_KEYS } from '../../utils/storage-keys';
import { letBackgroundSettle, letRequestsLand } from './background-idle';
import { launchExtension, type ExtensionBrowser, type StorageArea } from './browser';
import type { ChromeApi } from './chrome-api';
import { InstagramTab } from './instagram-tab';
import { startInstagramSite, type InstagramSite } from './instagram-site';
import { OptionsPage } from './options-page';
import { until } from './poll';
import { Popup, type PopupOpenOptions } from './popup';
import type { Scenarios } from './scenarios';
import {
  API_PATHS,
  DEFAULT_API_KEY,
  startSociaVault,
  type RecordedRequest,
  type SociaVaultServer,
} from './sociavault-server';
import { createTestCertificate, type TestCertificate } from './tls';

// chrome.* inside evaluate() callbacks (types only: see chrome-api.ts).
declare const chrome: ChromeApi;

/** What the stand-in SociaVault answers (see SociaVaultContent); a browser kept across test files has its stand-in configured anew by each. */
export interface WorldContent {
  /** Keys the stand-in SociaVault accepts (default: DEFAULT_API_KEY). */
  validKeys?: string[];
  /** The stand-in's starting credit balance (default 1000). */
  credits?: number;
  scenarios?: Scenarios;
}

/** How the browser and the stand-ins are started: what cannot change once they run. */
export interface WorldLaunch {
  /** Keep Chrome's throttling of extension requests after 5xx answers (default off; see browser.ts). */
  httpThrottling?: boolean;
  headless?: boolean;
  /** See launchExtension: false when the caller cleans up on signals itself. */
  handleSignals?: boolean;
  /** The stand-in speaks HTTP/2 (see SociaVaultOptions.http2). */
  http2?: boolean;
  /** Profiles the sample Instagram links to (default: every profile scenario). */
  siteProfiles?: string[];
  /** The browser's UI language, e.g. 'pt-BR' (see LaunchOptions.lang; default en-US). */
  lang?: string;
  /** Collect the extension's console errors and warnings (see LaunchOptions.watchConsole). */
  watchConsole?: boolean;
  /** The welcome tab of the install: closed at launch (default) or kept as `browser.welcome` (see LaunchOptions.welcome). */
  welcome?: 'close' | 'keep';
  /** Lets the test install an update over the extension (see LaunchOptions.extensionDebugging). */
  extensionDebugging?: boolean;
}

export interface WorldOptions extends WorldContent, WorldLaunch {}

export interface World {
  tls: TestCertificate;
  api: SociaVaultServer;
  site: InstagramSite;
  browser: ExtensionBrowser;
  /**
   * Back to a fresh install: every tab but the control page closed, the
   * service worker stopped (so nothing a previous test started can still
   * write) with no alarm left to wake it, both storage areas, IndexedDB, the
   * HTTP cache, cookies and the clipboard emptied, then the default settings
   * and `apiKey` (null: none) saved, and the stand-in's log, delays, hold and
   * balance reset.
   */
  reset(options?: { apiKey?: string | null }): Promise<void>;
  /** A new Instagram tab at `path`, once the extension knows what it shows. */
  instagram(path: string): Promise<InstagramTab>;
  /** The popup for a tab (popup.html?tab=<id>), or standalone without one. */
  popup(tab?: InstagramTab | number, options?: PopupOpenOptions): Promise<Popup>;
  /** An Instagram tab at `path` and the popup for it. */
  popupFor(path: string, options?: PopupOpenOptions): Promise<{ tab: InstagramTab; popup: Popup }>;
  options(options?: { viewport?: { width: number; height: number } }): Promise<OptionsPage>;
  /** The highlights requests SociaVault received (each one a credit when it answered 200). */
  highlightLog(): RecordedRequest[];
  highlightRequests(): number;
  /** highlightRequests() once every request the background started has been answered: for checks that nothing more was sent. */
  settledHighlightRequests(): Promise<number>;
  /** Stops the extension's service worker the way Chrome's idle timeout does. */
  stopWorker(): Promise<void>;
  /** chrome.storage through an extension page, without waking the worker. */
  getStorage(area: StorageArea, keys?: string | string[]): Promise<Record<string, unknown>>;
  setStorage(area: StorageArea, items: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const tls = createTestCertificate();
  const api = await startSociaVault({
    tls,
    validKeys: options.validKeys,
    credits: options.credits,
    scenarios: options.scenarios,
    http2: options.http2,
  });
  const site = await startInstagramSite({ tls, profiles: options.siteProfiles }).catch(async (error: unknown) => {
    await api.close();
    throw error;
  });
  const browser = await launchExtension({
    instagramPort: site.port,
    apiPort: api.port,
    spkiHash: tls.spkiHash,
    headless: options.headless,
    handleSignals: options.handleSignals,
    httpThrottling: options.httpThrottling,
    lang: options.lang,
    watchConsole: options.watchConsole,
    welcome: options.welcome,
    extensionDebugging: options.extensionDebugging,
  }).catch(async (error: unknown) => {
    await Promise.all([api.close(), site.close()]);
    throw error;
  });

  const highlightLog = () => api.requests.filter((r) => r.path === API_PATHS.highlights);
  const popup = (tab?: InstagramTab | number, popupOptions?: PopupOpenOptions) =>
    Popup.open(browser, typeof tab === 'object' ? tab.tabId : tab, popupOptions);
  const instagram = (path: string) => InstagramTab.open(browser, path);

  return {
    tls,
    api,
    site,
    browser,
    async reset({ apiKey = DEFAULT_API_KEY } = {}) {
      const control = await browser.control();
      for (const page of browser.context.pages()) if (page !== control) await page.close();
      await letBackgroundSettle({
        openTabIds: () => control.evaluate(() => chrome.tabs.query({}).then((tabs) => tabs.map((t) => t.id!))),
        getStorage: (area, keys) => browser.getStorage(area, keys),
        ask: (message) => control.evaluate((m) => chrome.runtime.sendMessage(m), message),
        isRunning: () => browser.isWorkerRunning(),
      });
      // Stopped, with no alarm left: an alarm due meanwhile (a collection run's) would have woken it, so then once more.
      await until(
        'the service worker to stay stopped, its alarms cleared',
        async () => {
          await browser.stopServiceWorker();
          await control.evaluate(() => chrome.alarms.clearAll());
          return !(await browser.isWorkerRunning());
        },
        Boolean,
        30_000,
      );
      await browser.clearBrowsingState();
      await Promise.all([browser.clearStorage('local'), browser.clearStorage('session')]);
      await browser.setStorage('local', {
        [LOCAL_KEYS.settings]: DEFAULT_SETTINGS,
        ...(apiKey === null ? {} : { [LOCAL_KEYS.apiKey]: apiKey }),
      });
      api.reset();
    },
    instagram,
    popup,
    async popupFor(path, popupOptions) {
      const tab = await instagram(path);
      return { tab, popup: await popup(tab, popupOptions) };
    },
    options: (pageOptions) => OptionsPage.open(browser, pageOptions),
    highlightLog,
    highlightRequests: () => highlightLog().length,
    async settledHighlightRequests() {
      const control = await browser.control();
      await letRequestsLand({
        getStorage: (area, keys) => browser.getStorage(area, keys),
        ask: (message) => control.evaluate((m) => chrome.runtime.sendMessage(m), message),
      });
      return highlightLog().length;
    },
    stopWorker: () => browser.stopServiceWorker(),
    getStorage: (area, keys) => browser.getStorage(area, keys),
    setStorage: (area, items) => browser.setStorage(area, items),
    async close() {
      await browser.close();
      await Promise.all([api.close(), site.close()]);
    },
  };
}
