import { clearAlarmsAndDatabases } from './extension-data';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { extensionDir as builtExtensionDir } from './build';
import type { ChromeApi } from './chrome-api';
import { ChromiumConsole } from './chromium-console';
import { findChromium } from './chromium';
import { until } from './poll';
import { createTurns } from './turns';
import { optionsPageSettled, WELCOME_PAGE } from './welcome';

// Type-checks the chrome.* calls inside evaluate() callbacks; see chrome-api.ts.
declare const chrome: ChromeApi;

export interface LaunchOptions {
  extensionDir?: string;
  instagramPort: number;
  apiPort: number;
  spkiHash: string;
  headless?: boolean;
  /** A fresh temp profile (removed on close) unless given. */
  userDataDir?: string;
  /**
   * Load a private copy of the build (default true), so a `wxt build` run by someone
   * else mid-test cannot pull files from under the browser. The extension id then
   * differs per launch (it derives from the path); read it from `extensionId`.
   */
  copyExtension?: boolean;
  /**
   * Keep Chrome's throttling of an extension's requests after 5xx answers
   * (default false: off, so one test's 503 cannot fail the next one's lookup).
   */
  httpThrottling?: boolean;
  /**
   * Let Playwright close the browser and exit the process on Ctrl+C, SIGTERM and SIGHUP
   * (default true, Playwright's own default). A caller with its own clean-up passes false.
   */
  handleSignals?: boolean;
  /**
   * The browser's UI language, which picks the extension's messages (`--lang`;
   * default en-US, so that English is what every test sees whatever the machine's locale).
   */
  lang?: string;
  /**
   * Collect the extension's console errors and warnings (worker, pages, content
   * script) from the start (default false; the e2e tests switch it on). See chromium-console.ts.
   */
  watchConsole?: boolean;
  /**
   * The options page with the welcome (options.html?welcome=1), which the
   * extension opens in a tab when it is first installed: every launch here is
   * a first install, so the launch waits for that tab, then closes it
   * ('close', the default) or leaves it open as `welcome` ('keep'). 'none':
   * an extension that opens none (the bench's floor).
   */
  welcome?: 'close' | 'keep' | 'none';
  /**
   * Let DevTools install unpacked extensions (`Extensions.loadUnpacked`, behind
   * --enable-unsafe-extension-debugging): how a test installs a newer version
   * over the running one, as an update does (default false).
   */
  extensionDebugging?: boolean;
}


export type StorageArea = 'local' | 'session';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** chrome-extension://<id> */
  extensionOrigin: string;
  /** The running service worker; if it was stopped, starts it again (as any extension event would) first. */
  worker(): Promise<Worker>;
  /** Whether the extension's service worker is running right now (does not wake it). */
  isWorkerRunning(): Promise<boolean>;
  /** Stops the service worker the way Chrome's idle timeout does; resolves once it is gone. */
  stopServiceWorker(): Promise<void>;
  /**
   * A new blank tab. Tests that ask for tab ids open their tabs through this
   * (or the two below), not `context.newPage()`: a new tab takes the focus,
   * which tabIdOf relies on, so opening one waits for any tabIdOf under way.
   */
  newPage(): Promise<Page>;
  /** A new tab at https://www.instagram.com<path>, loaded. */
  newInstagramPage(path: string): Promise<Page>;
  /**
   * The chrome.tabs id of a page's tab. Brings the page to the front. Safe
   * with tabs opened at once through newPage (one focus change at a time).
   */
  tabIdOf(page: Page): Promise<number>;
  /** popup.html?tab=<tabId> in a new tab (Playwright cannot see the real toolbar popup). */
  openPopup(tabId?: number): Promise<Page>;
  openOptions(): Promise<Page>;
  /** The toolbar button's title for a tab (asks the worker, starting it if it was stopped). */
  toolbarTitle(tabId: number): Promise<string>;
  /** The toolbar button's badge text for a tab. */
  toolbarBadge(tabId: number): Promise<string>;
  /** chrome.storage access from an extension page, so it neither needs nor wakes the worker. */
  setStorage(area: StorageArea, items: Record<string, unknown>): Promise<void>;
  getStorage(area: StorageArea, keys?: string | string[]): Promise<Record<string, unknown>>;
  /** Empties a storage area, as a fresh install has it. */
  clearStorage(area: StorageArea): Promise<void>;
  /**
   * The extension-origin page every storage, tab and alarm call of the harness
   * goes through (see openControlPage). Opened again when something closed it
   * (an update of the extension closes every page of its origin).
   */
  control(): Promise<Page>;
  /**
   * What a fresh install has none of, beyond its storage: the extension's
   * alarms and IndexedDB databases, the browser's HTTP cache and cookies, and
   * the clipboard's text. Call it with the worker stopped: a running worker
   * could make a new alarm or hold a database open.
   */
  clearBrowsingState(): Promise<void>;
  /** The extension's console errors and warnings, when launched with `watchConsole`. */
  console: ChromiumConsole | null;
  /** The welcome tab the install opened, when launched with `welcome: 'keep'` (else null). */
  welcome: Page | null;
  /**
   * Installs `version` of the same extension over the running one, as the
   * browser does an update (runtime.onInstalled, reason "update"): the private
   * copy's manifest gets that version and is loaded again through DevTools.
   * Needs `extensionDebugging` and the private copy. The extension's open
   * pages close, the control page with them: what needs it no longer works.
   */
  updateExtension(version: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Launches Debian Chromium with the unpacked extension, every real host name
 * mapped to the loopback fakes, and their self-signed certificate accepted by
 * SPKI pin (Playwright's ignoreHTTPSErrors does not reach the service worker).
 */
export async function launchExtension(opts: LaunchOptions): Promise<ExtensionBrowser> {
  const sourceDir = opts.extensionDir ?? builtExtensionDir('chrome');
  if (!existsSync(join(sourceDir, 'manifest.json'))) {
    throw new Error(`No extension build at ${sourceDir}: run \`npx wxt build\` first.`);
  }
  const copyDir = opts.copyExtension === false ? null : mkdtempSync(join(tmpdir(), 'hl-e2e-ext-'));
  if (copyDir) cpSync(sourceDir, copyDir, { recursive: true });
  const extensionDir = copyDir ?? sourceDir;
  const ownsProfile = !opts.userDataDir;
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'hl-e2e-profile-'));
  const ig = `127.0.0.1:${opts.instagramPort}`;
  const hostRules = [
    `MAP www.instagram.com ${ig}`,
    `MAP instagram.com ${ig}`,
    `MAP *.cdninstagram.com ${ig}`,
    `MAP *.fbcdn.net ${ig}`,
    `MAP api.sociavault.com 127.0.0.1:${opts.apiPort}`,
    // Anything else fails fast instead of trying the (absent) internet.
    'MAP * ~NOTFOUND',
  ].join(',');

  /** Removes what this launch created in the temp directory. */
  const cleanup = () => {
    if (ownsProfile) rmSync(userDataDir, { recursive: true, force: true });
    if (copyDir) rmSync(copyDir, { recursive: true, force: true });
  };

  const context = await chromium
    .launchPersistentContext(userDataDir, {
      executablePath: findChromium(),
      headless: opts.headless ?? true,
      handleSIGINT: opts.handleSignals ?? true,
      handleSIGTERM: opts.handleSignals ?? true,
      handleSIGHUP: opts.handleSignals ?? true,
      args: [
        // Without --disable-extensions-except, Playwright's default --disable-extensions wins.
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        `--host-resolver-rules=${hostRules}`,
        `--ignore-certificate-errors-spki-list=${opts.spkiHash}`,
        `--lang=${opts.lang ?? 'en-US'}`,
        '--no-sandbox', // tests run as root
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Chrome holds back an extension's requests to a URL that answered 5xx
        // (net::ERR_TEMPORARILY_THROTTLED, seen by fetch as a network error).
        // Tests of 503 would otherwise leak into the next test's lookup.
        ...(opts.httpThrottling ? [] : ['--disable-extensions-http-throttling']),
        ...(opts.extensionDebugging ? ['--enable-unsafe-extension-debugging'] : []),
      ],
    })
    .catch((err: unknown) => {
      cleanup();
      throw err;
    });

  try {
    // With one unpacked extension loaded, the first chrome-extension:// worker is ours.
    const firstWorker =
      findExtensionWorker(context, 'chrome-extension://') ??
      (await context.waitForEvent('serviceworker', { timeout: 15_000 }).catch(() => {
        throw new Error(`The extension in ${extensionDir} started no service worker within 15 s; is the build complete?`);
      }));
    const extensionId = new URL(firstWorker.url()).host;
    // A worker stopped while it is still being installed can be left broken for good: the
    // extension then never runs again in this browser. So it is first let become active.
    await until(
      'the service worker to be installed and active',
      () => firstWorker.evaluate(() => (self as unknown as { serviceWorker?: { state: string } }).serviceWorker?.state),
      (state) => state === 'activated',
      15_000,
    );
    const extensionOrigin = `chrome-extension://${extensionId}`;

    // Browser.grantPermissions rejects chrome-extension:// ("opaque origin"), so the
    // grant is made without an origin, i.e. for every origin in this throw-away profile.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);

    const browserSession = await context.browser()!.newBrowserCDPSession();
    // Before the welcome tab has loaded, so that what it logs is seen too.
    const consoleWatch = opts.watchConsole ? await ChromiumConsole.start(context, extensionOrigin) : null;
    const welcome = (opts.welcome ?? 'close') === 'none' ? null : await welcomeTab(context, extensionOrigin);
    if (welcome && opts.welcome !== 'keep') {
      // Closed once it has its answers, so no message of its own is cut off.
      await until('the welcome tab to have heard back from the background', () => welcome.evaluate(optionsPageSettled), Boolean, 15_000);
      await welcome.close();
    }
    const control = await openControlPage(context, extensionOrigin, welcome);
    return makeHandle({
      context,
      extensionId,
      extensionOrigin,
      browserSession,
      control,
      console: consoleWatch,
      welcome: opts.welcome === 'keep' ? welcome : null,
      copyDir: opts.extensionDebugging ? copyDir : null,
      cleanup,
    });
  } catch (err) {
    await context.close().catch(() => {});
    cleanup();
    throw err;
  }
}

interface HandleParts {
  context: BrowserContext;
  extensionId: string;
  extensionOrigin: string;
  browserSession: CDPSession;
  control: Page;
  console: ChromiumConsole | null;
  welcome: Page | null;
  /** The private copy of the build, when it may be changed (launched with `extensionDebugging`). */
  copyDir: string | null;
  cleanup(): void;
}

function makeHandle(p: HandleParts): ExtensionBrowser {
  const { context, extensionId, extensionOrigin, browserSession } = p;
  const tabIds = new WeakMap<Page, number>();
  let controlPage = p.control;

  const controlUrl = `${extensionOrigin}/manifest.json`;
  async function control(): Promise<Page> {
    if (!controlPage.isClosed() && controlPage.url() === controlUrl) return controlPage;
    if (controlPage.isClosed()) controlPage = await context.newPage();
    // While the extension is being loaded again (an update), its pages are refused
    // (net::ERR_BLOCKED_BY_CLIENT).
    await until(
      'the extension to be loaded, for a new control page',
      async () => {
        await controlPage.goto(controlUrl);
        return controlPage.evaluate(() => typeof chrome.storage?.local?.get === 'function');
      },
      Boolean,
      15_000,
    );
    return controlPage;
  }

  /** The worker's DevTools target; it exists only while the worker runs. */
  async function workerTarget() {
    const { targetInfos } = await browserSession.send('Target.getTargets');
    return targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`${extensionOrigin}/`));
  }

  async function isWorkerRunning() {
    return (await workerTarget()) !== undefined;
  }

  async function startWorker(): Promise<void> {
    // ServiceWorker.startWorker lives on a page session, not the browser one.
    const session = await context.newCDPSession(await control());
    try {
      await session.send('ServiceWorker.enable');
      await session.send('ServiceWorker.startWorker', { scopeURL: `${extensionOrigin}/` });
    } finally {
      await session.detach().catch(() => {});
    }
  }

  async function worker(): Promise<Worker> {
    if (!(await isWorkerRunning())) {
      await startWorker();
      await until('the service worker to start', isWorkerRunning, Boolean, 10_000);
    }
    // Playwright keeps one Worker object across stop/start (the target id survives),
    // so the object found here talks to the fresh worker.
    return (
      findExtensionWorker(context, extensionOrigin) ??
      context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith(`${extensionOrigin}/`),
        timeout: 10_000,
      })
    );
  }

  async function stopServiceWorker(): Promise<void> {
    // Closing a service worker's target stops the worker; it stays registered and the
    // next extension event (a message, an alarm, …) starts a fresh one, like after an idle stop.
    // A worker that is still starting or finishing an event can ignore one close: ask again.
    await until(
      'the service worker to stop',
      async () => {
        const target = await workerTarget();
        if (!target) return true;
        p.console?.workerStopping();
        await browserSession.send('Target.closeTarget', { targetId: target.targetId }).catch(() => undefined);
        // Gone within a few milliseconds as a rule: looked for every 10 ms, for 100 ms, before asking again.
        for (let waited = 0; waited < 100; waited += 10) {
          if (!(await isWorkerRunning())) return true;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        return !(await isWorkerRunning());
      },
      Boolean,
      10_000,
    );
  }

  /**
   * One change of focus at a time. tabIdOf brings a page to the front and then
   * asks which tab is active; a tab opened (or another page brought to the
   * front) between those two steps made two pages of tabs opened at once share
   * one id, and their popups showed each other's profiles
   * (test/e2e/many-popups.test.ts).
   */
  const focusTurns = createTurns();
  const newPage = () => focusTurns(() => context.newPage());

  async function tabIdOf(page: Page): Promise<number> {
    const known = tabIds.get(page);
    if (known !== undefined) return known;
    // tab.url is hidden from this extension (no "tabs" permission; content-script matches
    // do not count as host access for it), so match by focus instead: bring the page to
    // the front and ask for the active tab.
    const id = await focusTurns(async () => {
      await page.bringToFront();
      return (await control()).evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id ?? null;
      });
    });
    if (id === null) throw new Error(`No active tab found for ${page.url()}`);
    tabIds.set(page, id);
    return id;
  }

  async function openExtensionPage(path: string): Promise<Page> {
    const page = await newPage();
    await page.goto(`${extensionOrigin}/${path}`);
    return page;
  }

  return {
    context,
    extensionId,
    extensionOrigin,
    worker,
    isWorkerRunning,
    stopServiceWorker,
    newPage,
    async newInstagramPage(path) {
      const page = await newPage();
      await page.goto(new URL(path, 'https://www.instagram.com/').href);
      return page;
    },
    tabIdOf,
    openPopup: (tabId) => openExtensionPage(tabId === undefined ? 'popup.html' : `popup.html?tab=${tabId}`),
    openOptions: () => openExtensionPage('options.html'),
    // Read from the control page, not in the worker: a poll neither wakes a stopped worker nor takes
    // its thread (thirty tabs polled at once held the worker's own work back by seconds).
    async toolbarTitle(tabId) {
      return (await control()).evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
    },
    async toolbarBadge(tabId) {
      return (await control()).evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    },
    async setStorage(area, items) {
      await (await control()).evaluate(([a, i]) => chrome.storage[a].set(i), [area, items] as const);
    },
    async getStorage(area, keys) {
      return (await control()).evaluate(([a, k]) => chrome.storage[a].get(k ?? null), [area, keys ?? null] as const);
    },
    async clearStorage(area) {
      await (await control()).evaluate((a) => chrome.storage[a].clear(), area);
    },
    control,
    async clearBrowsingState() {
      const page = await control();
      await page.evaluate(clearAlarmsAndDatabases);
      const session = await context.newCDPSession(page);
      try {
        await session.send('Network.clearBrowserCache');
        await session.send('Network.clearBrowserCookies');
      } finally {
        await session.detach().catch(() => {});
      }
      // The async clipboard API wants a focused document.
      await page.bringToFront();
      await page.evaluate(() => navigator.clipboard.writeText(''));
    },
    console: p.console,
    welcome: p.welcome,
    async updateExtension(version) {
      if (!p.copyDir) throw new Error('updateExtension needs a launch with extensionDebugging and a private copy of the build.');
      const manifestPath = join(p.copyDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
      writeFileSync(manifestPath, JSON.stringify({ ...manifest, version }));
      const { id } = await browserSession.send('Extensions.loadUnpacked' as never, { path: p.copyDir } as never) as { id: string };
      if (id !== extensionId) throw new Error(`The update was installed as ${id}, not over ${extensionId}`);
    },
    async close() {
      await p.console?.stop();
      await context.close().catch(() => {});
      p.cleanup();
    },
  };
}

/**
 * The tab the extension opens on a first install, once it shows the welcome
 * page. Waited for, so that it never appears in the middle of a test.
 */
async function welcomeTab(context: BrowserContext, extensionOrigin: string): Promise<Page> {
  const url = `${extensionOrigin}/${WELCOME_PAGE}`;
  return until(
    `the welcome tab (${WELCOME_PAGE}) the extension opens when it is installed`,
    () => context.pages().find((page) => page.url() === url) ?? null,
    (page) => page !== null,
    15_000,
  ) as Promise<Page>;
}

/**
 * An extension-origin page with chrome.* APIs that runs none of the extension's own
 * code: the manifest shown as text. Storage and tab queries go through it, so they
 * never need the service worker and never wake it. It reuses the blank first tab
 * (world.ts takes the first page to be this one).
 */
async function openControlPage(context: BrowserContext, extensionOrigin: string, welcome: Page | null): Promise<Page> {
  const [first] = context.pages();
  if (first && first === welcome) throw new Error('The welcome tab came before the blank first tab: no page is free for the control page.');
  const page = first ?? (await context.newPage());
  await page.goto(`${extensionOrigin}/manifest.json`);
  return page;
}

function findExtensionWorker(context: BrowserContext, urlPrefix: string): Worker | undefined {
  return context.serviceWorkers().find((w) => w.url().startsWith(urlPrefix));
}

/** A raw DevTools session on one target (for targets Playwright gives no CDPSession for). */
export interface TargetSession {
  targetId: string;
  send<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** Every protocol event of the target, e.g. ('Runtime.consoleAPICalled', params). */
  onEvent(listener: (method: string, params: unknown) => void): void;
  /** Whether the target went away (e.g. the worker was stopped) or the session was detached. */
  readonly detached: boolean;
  detach(): Promise<void>;
}

/**
 * A DevTools session on the extension's running service worker (started first if it
 * was stopped), for what Playwright's Worker does not offer: Runtime.exceptionThrown,
 * Runtime.getHeapUsage, Log entries. Playwright's CDPSession only attaches to pages,
 * so this goes through a browser-level session in non-flat mode
 * (Target.sendMessageToTarget). The session ends when the worker stops.
 */
export async function attachToServiceWorker(ext: ExtensionBrowser): Promise<TargetSession> {
  await ext.worker();
  const browserSession = await ext.context.browser()!.newBrowserCDPSession();
  const { targetInfos } = await browserSession.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`${ext.extensionOrigin}/`));
  if (!target) {
    await browserSession.detach().catch(() => {});
    throw new Error('The extension has no running service worker to attach to');
  }
  const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });

  let nextId = 0;
  let detached = false;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const listeners: Array<(method: string, params: unknown) => void> = [];
  const end = (why: string) => {
    detached = true;
    for (const p of pending.values()) p.reject(new Error(why));
    pending.clear();
  };

  browserSession.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as {
      id?: number;
      method?: string;
      params?: unknown;
      result?: unknown;
      error?: { message: string };
    };
    if (message.id !== undefined) {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(`${message.error.message}`));
      else waiter?.resolve(message.result);
    } else if (message.method) {
      for (const listener of listeners) listener(message.method, message.params);
    }
  });
  browserSession.on('Target.detachedFromTarget', (event) => {
    if (event.sessionId === sessionId) end('The service worker target went away');
  });

  return {
    targetId: target.targetId,
    get detached() {
      return detached;
    },
    send<T>(method: string, params: Record<string, unknown> = {}) {
      if (detached) return Promise.reject(new Error(`${method}: the session is detached`));
      const id = ++nextId;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        browserSession
          .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
          .catch((err: unknown) => {
            pending.delete(id);
            reject(err instanceof Error ? err : new Error(String(err)));
          });
      });
    },
    onEvent(listener) {
      listeners.push(listener);
    },
    async detach() {
      if (!detached) await browserSession.send('Target.detachFromTarget', { sessionId }).catch(() => {});
      end('detached');
      await browserSession.detach().catch(() => {});
    },
  };
}
