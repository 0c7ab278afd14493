/**
 * Everything the extension meets, in Firefox: the same throw-away
 * certificate, stand-in SociaVault and sample Instagram as world.ts, reached
 * through the host proxy, and Firefox with the Firefox build. The popup and
 * the Instagram tab are the shared models (popup-model.ts, tab-model.ts)
 * driven by puppeteer-core.
 */
import type { Page } from 'puppeteer-core';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { LOCAL_KEYS } from '../../utils/storage-keys';
import { letBackgroundSettle, letRequestsLand } from './background-idle';
import type { StorageArea } from './browser';
import type { ChromeApi } from './chrome-api';
import { launchFirefoxExtension, type FirefoxExtension } from './firefox';
import { startHostProxy, type HostProxy } from './host-proxy';
import { startInstagramSite, type InstagramSite } from './instagram-site';
import { puppeteerDriver } from './page-driver';
import { PopupModel, popupPath } from './popup-model';
import type { Scenarios } from './scenarios';
import { API_PATHS, DEFAULT_API_KEY, startSociaVault, type RecordedRequest, type SociaVaultServer } from './sociavault-server';
import { until } from './poll';
import { InstagramTabModel } from './tab-model';
import { createTestCertificate, type TestCertificate } from './tls';

// The WebExtension API inside control.evaluate() callbacks (types only: see chrome-api.ts).
declare const browser: ChromeApi;

/** The popup in Firefox: popup.html?tab=<id> in a tab of its own, as in Chromium. */
export class FirefoxPopup extends PopupModel {
  constructor(
    readonly browser: FirefoxExtension,
    readonly page: Page,
  ) {
    super(puppeteerDriver(page));
  }

  static async open(browser: FirefoxExtension, tabId?: number): Promise<FirefoxPopup> {
    return new FirefoxPopup(browser, await browser.openExtensionPage(popupPath(tabId)));
  }

  /** What the clipboard holds (the browser's own; read in chrome scope, no permission asked of the page). */
  readClipboard(): Promise<string> {
    return this.browser.readClipboard();
  }
}

/** A tab on the sample www.instagram.com in Firefox. */
export class FirefoxInstagramTab extends InstagramTabModel {
  constructor(
    readonly browser: FirefoxExtension,
    readonly page: Page,
    tabId: number,
  ) {
    super(browser, puppeteerDriver(page), tabId);
  }

  /** A new tab at https://www.instagram.com<path>, returned once the content script has reported it. */
  static async open(browser: FirefoxExtension, path: string): Promise<FirefoxInstagramTab> {
    const page = await browser.newInstagramPage(path);
    const tab = new FirefoxInstagramTab(browser, page, await browser.tabIdOf(page));
    await tab.seen(path);
    return tab;
  }

  /** A full page load of https://www.instagram.com<path>. */
  async goto(path: string): Promise<void> {
    await this.page.goto(new URL(path, 'https://www.instagram.com/').href);
  }
}

/** How Firefox is started: what cannot change once it runs. */
export interface FirefoxWorldLaunch {
  headless?: boolean;
  /** The welcome tab of the install: closed at launch (default) or kept as `browser.welcome`. */
  welcome?: 'close' | 'keep';
}

export interface FirefoxWorldOptions extends FirefoxWorldLaunch {
  validKeys?: string[];
  credits?: number;
  scenarios?: Scenarios;
}

export interface FirefoxWorld {
  tls: TestCertificate;
  api: SociaVaultServer;
  site: InstagramSite;
  proxy: HostProxy;
  browser: FirefoxExtension;
  /**
   * Back to a fresh install, as world.ts does it: every tab but the control
   * page closed, the background page stopped (so nothing a previous test
   * started can still write) with no alarm left to wake it, both storage
   * areas, IndexedDB, the HTTP cache, cookies and the clipboard emptied, the
   * default settings and `apiKey` (null: none) saved, the stand-in reset.
   */
  reset(options?: { apiKey?: string | null }): Promise<void>;
  instagram(path: string): Promise<FirefoxInstagramTab>;
  popup(tab?: FirefoxInstagramTab | number): Promise<FirefoxPopup>;
  popupFor(path: string): Promise<{ tab: FirefoxInstagramTab; popup: FirefoxPopup }>;
  highlightLog(): RecordedRequest[];
  highlightRequests(): number;
  /** highlightRequests() once every request the background started has been answered: for checks that nothing more was sent. */
  settledHighlightRequests(): Promise<number>;
  getStorage(area: StorageArea, keys?: string | string[]): Promise<Record<string, unknown>>;
  setStorage(area: StorageArea, items: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function startFirefoxWorld(options: FirefoxWorldOptions = {}): Promise<FirefoxWorld> {
  const tls = createTestCertificate();
  const api = await startSociaVault({ tls, validKeys: options.validKeys, credits: options.credits, scenarios: options.scenarios });
  const started: Array<{ close(): Promise<void> }> = [api];
  const closeStarted = () => Promise.all(started.map((s) => s.close().catch(() => {})));
  try {
    const site = await startInstagramSite({ tls });
    started.push(site);
    const proxy = await startHostProxy([
      { host: 'www.instagram.com', port: site.port },
      { host: 'instagram.com', port: site.port },
      { host: '*.cdninstagram.com', port: site.port },
      { host: '*.fbcdn.net', port: site.port },
      { host: 'api.sociavault.com', port: api.port },
    ]);
    started.push(proxy);
    const firefox = await launchFirefoxExtension({ pac: proxy.pac, caCert: tls.caCert, headless: options.headless, welcome: options.welcome });

    const highlightLog = () => api.requests.filter((r) => r.path === API_PATHS.highlights);
    const instagram = (path: string) => FirefoxInstagramTab.open(firefox, path);
    const popup = (tab?: FirefoxInstagramTab | number) => FirefoxPopup.open(firefox, typeof tab === 'object' ? tab.tabId : tab);

    return {
      tls,
      api,
      site,
      proxy,
      browser: firefox,
      async reset({ apiKey = DEFAULT_API_KEY } = {}) {
        for (const page of await firefox.browser.pages()) if (page !== firefox.control) await page.close();
        await letBackgroundSettle({
          openTabIds: () => firefox.control.evaluate(() => browser.tabs.query({}).then((tabs) => tabs.map((t) => t.id!))),
          getStorage: (area, keys) => firefox.getStorage(area, keys),
          ask: (message) => firefox.control.evaluate((m) => browser.runtime.sendMessage(m), message),
          isRunning: async () => (await firefox.backgroundState()) === 'running',
        });
        // Stopped, with no alarm left: an alarm due meanwhile would have started it again, so then once more.
        await until(
          'the background page to stay stopped, its alarms cleared',
          async () => {
            await firefox.stopBackground();
            await firefox.control.evaluate(() => browser.alarms.clearAll());
            return (await firefox.backgroundState()) === 'stopped';
          },
          Boolean,
          30_000,
        );
        // A page closed above may have had a message on its way to the background when it was
        // stopped: Firefox then rejects it for a page that is gone, and logs that. The reset's
        // doing, not the test's (Firefox stops an idle background only after 30 s).
        await firefox.console.excuse(
          /^\[JavaScript Error: "Promise rejected after context unloaded: Actor 'Conduits' destroyed before query 'RuntimeMessage' was resolved " \{file: "moz-extension:\/\/[0-9a-f-]{36}\/[^"\s]+\.js" line: \d+\}\]/,
          'the reset closed a page whose message was still on its way to the background, then stopped the background',
        );
        await firefox.clearBrowsingState();
        await Promise.all([firefox.clearStorage('local'), firefox.clearStorage('session')]);
        await firefox.setStorage('local', {
          [LOCAL_KEYS.settings]: DEFAULT_SETTINGS,
          ...(apiKey === null ? {} : { [LOCAL_KEYS.apiKey]: apiKey }),
        });
        api.reset();
      },
      instagram,
      popup,
      async popupFor(path) {
        const tab = await instagram(path);
        return { tab, popup: await popup(tab) };
      },
      highlightLog,
      highlightRequests: () => highlightLog().length,
      async settledHighlightRequests() {
        await letRequestsLand({
          getStorage: (area, keys) => firefox.getStorage(area, keys),
          ask: (message) => firefox.control.evaluate((m) => browser.runtime.sendMessage(m), message),
        });
        return highlightLog().length;
      },
      getStorage: (area, keys) => firefox.getStorage(area, keys),
      setStorage: (area, items) => firefox.setStorage(area, items),
      async close() {
        await firefox.close();
        await closeStarted();
      },
    };
  } catch (error) {
    await closeStarted();
    throw error;
  }
}
