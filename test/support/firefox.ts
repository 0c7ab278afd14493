/**
 * Firefox with the built extension: Debian's firefox-esr, headless, driven by
 * puppeteer-core over WebDriver BiDi. The Firefox counterpart of browser.ts
 * (Chromium, Playwright); firefox-world.ts puts it together with the
 * stand-ins.
 *
 * How each need is met (found out in the shared firefox-e2e recipe):
 * - the extension: BiDi `webExtension.install` (puppeteer's installExtension)
 *   of a private copy of `.output/firefox-mv3`, as a temporary add-on;
 * - its moz-extension:// host: fixed before launch through the pref
 *   `extensions.webextensions.uuids`, so every URL is known in advance;
 * - extension pages: BiDi `browsingContext.navigate` (puppeteer's goto waits
 *   for load events Firefox does not send for moz-extension:// documents);
 *   this, and reading the browser's own state, needs --remote-allow-system-access;
 * - the real host names: a proxy auto-config script sends every request to
 *   a CONNECT proxy that tunnels the mapped hosts to the stand-ins (host-proxy.ts);
 * - TLS: the stand-ins' throw-away CA is added to the profile's certificate
 *   store (nsIX509CertDB, in the browser's chrome scope) before anything loads;
 * - the toolbar title and badge, storage, tab ids: the extension's own APIs
 *   from a control page (its manifest.json as a plain document: an extension
 *   page that runs none of the extension's code and never wakes its background);
 * - the clipboard: read in chrome scope (headless Firefox keeps its own);
 * - console errors and warnings: see FirefoxConsole below.
 */
import { clearAlarmsAndDatabases } from './extension-data';
import { randomUUID, X509Certificate } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { extensionDir as builtExtensionDir } from './build';
import { browserFinder, type EnsureBrowserOptions } from './find-browser';
import type { StorageArea } from './browser';
import type { ChromeApi } from './chrome-api';
import type { ConsoleEntry, ConsoleWatch } from './console-entries';
import type { ToolbarReader } from './tab-model';
import { until } from './poll';
import { createTurns } from './turns';
import { optionsPageSettled, WELCOME_PAGE } from './welcome';

// The WebExtension API inside control.evaluate() callbacks (Firefox has `chrome` too;
// `browser` is its own name). Types only: see chrome-api.ts.
declare const browser: ChromeApi;

// ---------------------------------------------------------------------------
// Finding Firefox

const firefoxFinder = browserFinder({
  name: 'Firefox',
  envVar: 'FIREFOX_PATH',
  // Debian's ESR first, then a regular Firefox.
  knownPaths: ['/usr/lib/firefox-esr/firefox-esr', '/usr/lib/firefox/firefox', '/usr/bin/firefox-esr', '/usr/bin/firefox'],
  debianPackage: 'firefox-esr',
  elsewhere: 'Firefox 140 or newer',
});

export const findFirefox = (env: NodeJS.ProcessEnv = process.env): string => firefoxFinder.find(env);

/** Like findFirefox, but installs Debian's firefox-esr first where we may (root, apt-get, no FIREFOX_PATH). */
export const ensureFirefox = (options: EnsureBrowserOptions = {}): string => firefoxFinder.ensure(options);

// ---------------------------------------------------------------------------
// Launching

export interface FirefoxLaunchOptions {
  extensionDir?: string;
  /** The proxy auto-config script that maps the real host names (host-proxy.ts). */
  pac: string;
  /** PEM of the CA that signed the stand-ins' certificate; trusted for TLS servers in this profile only. */
  caCert: string;
  headless?: boolean;
  /**
   * The welcome tab the extension opens when it is installed (options.html?welcome=1):
   * waited for, then closed ('close', the default) or left open as `welcome` ('keep').
   */
  welcome?: 'close' | 'keep';
}

export interface FirefoxExtension extends ToolbarReader {
  browser: Browser;
  /** "Mozilla Firefox 153.8.0esr"-like, from the browser itself. */
  version: string;
  geckoId: string;
  /** moz-extension://<uuid> */
  extensionOrigin: string;
  /** The page every extension API call of the harness goes through. */
  control: Page;
  /** The welcome tab the install opened, when launched with `welcome: 'keep'` (else null). */
  welcome: Page | null;
  /** A new tab at https://www.instagram.com<path>, loaded. */
  newInstagramPage(path: string): Promise<Page>;
  /** The tabs id of a page's tab. Brings the page to the front; safe with tabs opened at once through this harness (see browser.ts). */
  tabIdOf(page: Page): Promise<number>;
  /** A new tab showing the extension's page at `path` (e.g. "popup.html?tab=3"), loaded. */
  openExtensionPage(path: string): Promise<Page>;
  getStorage(area: StorageArea, keys?: string | string[]): Promise<Record<string, unknown>>;
  setStorage(area: StorageArea, items: Record<string, unknown>): Promise<void>;
  clearStorage(area: StorageArea): Promise<void>;
  /** Stops the extension's background page the way Firefox's idle timeout does; the next event starts it again. */
  stopBackground(): Promise<void>;
  /** "running", "stopped", "starting" or "suspending". */
  backgroundState(): Promise<string>;
  /** What the (headless browser's own) clipboard holds. */
  readClipboard(): Promise<string>;
  /**
   * What a fresh install has none of, beyond its storage: the extension's
   * alarms and IndexedDB databases, the HTTP cache, cookies and the
   * clipboard's text. Call it with the background stopped.
   */
  clearBrowsingState(): Promise<void>;
  /** Where Firefox saves downloads, without asking (a folder of this run's own). */
  downloadsDir: string;
  /** Runs `expression` in the browser's chrome scope (the parent process) and returns its JSON value. */
  chromeEval<T>(expression: string): Promise<T>;
  console: FirefoxConsole;
  close(): Promise<void>;
}

/** The BiDi wire, which puppeteer keeps internal; used for what it has no API for. */
interface BidiWire {
  connection: { send(method: string, params: object): Promise<{ result: unknown }> };
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { value?: unknown };
  exceptionDetails?: { text?: string };
}

export async function launchFirefoxExtension(opts: FirefoxLaunchOptions): Promise<FirefoxExtension> {
  const sourceDir = opts.extensionDir ?? builtExtensionDir('firefox');
  if (!existsSync(join(sourceDir, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${sourceDir}: run \`npx wxt build -b firefox\` first.`);
  }
  const manifest = JSON.parse(readFileSync(join(sourceDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const geckoId = manifest.browser_specific_settings.gecko.id;
  const uuid = randomUUID();
  const workDir = mkdtempSync(join(tmpdir(), 'hl-e2e-firefox-'));
  // A private copy: a temporary add-on reads its files from the folder as it goes,
  // and a `wxt build` run by someone else mid-test must not pull them away.
  const extensionDir = join(workDir, 'extension');
  cpSync(sourceDir, extensionDir, { recursive: true });
  const profileDir = join(workDir, 'profile');
  const downloadsDir = join(workDir, 'downloads');
  mkdirSync(downloadsDir);
  const cleanup = () => rmSync(workDir, { recursive: true, force: true });

  let firefox: Browser;
  try {
    firefox = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findFirefox(),
      headless: opts.headless ?? true,
      userDataDir: profileDir,
      // Lets BiDi open moz-extension:// pages and evaluate in chrome scope.
      args: ['--remote-allow-system-access'],
      // Our own clean-up on exit (the caller's): no handlers added to this process per launch.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
        'network.proxy.type': 2,
        'network.proxy.autoconfig_url': `data:text/javascript,${encodeURIComponent(opts.pac)}`,
        // console.* of every content and extension process (pages, background, content
        // scripts) on stdout; the browser's own chrome code stays quiet.
        'devtools.console.stdout.content': true,
        'devtools.console.stdout.chrome': false,
        // manifest.json as a plain text document: the control page.
        'devtools.jsonview.enabled': false,
        // Nimbus (Firefox's experiments) logs an error to stdout when Remote Settings
        // cannot be reached, which here it never can: its own logger is switched off.
        'messaging-system.log': 'off',
        // Downloads go straight to a folder of this run's, as a person's would to theirs.
        'browser.download.folderList': 2,
        'browser.download.dir': downloadsDir,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.alwaysOpenPanel': false,
      },
    });
  } catch (error) {
    cleanup();
    throw error;
  }

  const stdout = new StdoutLines();
  const child = firefox.process();
  // HL_FIREFOX_DUMPIO=1 shows everything Firefox prints (a debugging aid).
  const echo = process.env.HL_FIREFOX_DUMPIO === '1' ? (chunk: Buffer) => process.stderr.write(chunk) : () => {};
  for (const stream of [child?.stdout, child?.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      echo(chunk);
    });
  }

  try {
    const wire = firefox as unknown as BidiWire;
    const bidi = async <T>(method: string, params: object): Promise<T> => (await wire.connection.send(method, params)).result as T;
    const chromeEval = async <T>(expression: string): Promise<T> => {
      const { contexts } = await bidi<{ contexts: Array<{ context: string }> }>('browsingContext.getTree', { 'moz:scope': 'chrome' });
      const r = await bidi<EvaluateResult>('script.evaluate', {
        target: { context: contexts[0]!.context },
        // As JSON text: BiDi's own serialisation of objects is not plain JSON.
        expression: `(async () => JSON.stringify(await (${expression})))()`,
        awaitPromise: true,
      });
      if (r.type !== 'success') throw new Error(`chrome-scope evaluation failed: ${r.exceptionDetails?.text ?? JSON.stringify(r)}`);
      const json = r.result?.value;
      return (typeof json === 'string' ? JSON.parse(json) : undefined) as T;
    };

    await trustCa(chromeEval, opts.caCert);
    const consoleWatch = new FirefoxConsole(firefox, stdout, chromeEval, uuid, geckoId);
    await consoleWatch.start();

    const installed = await firefox.installExtension(extensionDir);
    if (installed !== geckoId) throw new Error(`Firefox installed ${installed}, not ${geckoId}`);
    const host = await chromeEval<string | null>(`WebExtensionPolicy.getByID(${JSON.stringify(geckoId)})?.mozExtensionHostname ?? null`);
    if (host !== uuid) throw new Error(`The extension's moz-extension host is ${host}, not the one set by pref (${uuid})`);
    const extensionOrigin = `moz-extension://${uuid}`;
    await watchBackgroundActivity(chromeEval, geckoId);

    const navigate = async (page: Page, url: string) => {
      await bidi('browsingContext.navigate', { context: contextIdOf(page), url, wait: 'complete' });
    };
    // The install opens the welcome tab: waited for, so that it never appears in the middle of a test.
    // Found by its address in the browsing-context tree (puppeteer's page.url() stays about:blank
    // for moz-extension:// documents, which send it no load events).
    const welcomeUrl = `${extensionOrigin}/${WELCOME_PAGE}`;
    const welcomeContext = await until(
      `the welcome tab (${WELCOME_PAGE}) the extension opens when it is installed`,
      async () => {
        const { contexts } = await bidi<{ contexts: Array<{ context: string; url: string }> }>('browsingContext.getTree', { maxDepth: 0 });
        return contexts.find((c) => c.url === welcomeUrl)?.context ?? null;
      },
      (context) => context !== null,
      15_000,
    );
    const pages = await firefox.pages();
    const welcomePage = pages.find((page) => contextIdOf(page) === welcomeContext);
    if (!welcomePage) throw new Error('puppeteer has no page for the welcome tab');
    const keptWelcome = opts.welcome === 'keep' ? welcomePage : null;
    if (!keptWelcome) {
      await until('the welcome tab to have heard back from the background', () => welcomePage.evaluate(optionsPageSettled), Boolean, 15_000);
      await welcomePage.close();
    }
    const first = pages.find((page) => page !== welcomePage);
    const control = first ?? (await firefox.newPage());
    await navigate(control, `${extensionOrigin}/manifest.json`);
    await until('the control page to have the extension APIs', () => control.evaluate(() => typeof browser.storage?.local), (t) => t === 'object', 10_000);
    const version = await firefox.version();

    const tabIds = new WeakMap<Page, number>();
    // One change of focus at a time, as in Chromium (browser.ts, createTurns).
    const focusTurns = createTurns();
    const newPage = () => focusTurns(() => firefox.newPage());
    const backgroundState = () => chromeEval<string>(`WebExtensionPolicy.getByID(${JSON.stringify(geckoId)}).extension.backgroundState`);
    return {
      browser: firefox,
      version,
      geckoId,
      extensionOrigin,
      control,
      welcome: keptWelcome,
      console: consoleWatch,
      chromeEval,
      async newInstagramPage(path) {
        const page = await newPage();
        await page.goto(new URL(path, 'https://www.instagram.com/').href);
        return page;
      },
      async tabIdOf(page) {
        const known = tabIds.get(page);
        if (known !== undefined) return known;
        // As in Chromium: bring the page to the front and ask for the active tab.
        const id = await focusTurns(async () => {
          await page.bringToFront();
          return control.evaluate(async () => {
            const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
            return tab?.id ?? null;
          });
        });
        if (id === null) throw new Error(`No active tab found for ${page.url()}`);
        tabIds.set(page, id);
        return id;
      },
      async openExtensionPage(path) {
        const page = await newPage();
        await navigate(page, `${extensionOrigin}/${path}`);
        return page;
      },
      toolbarTitle: (tabId) => control.evaluate((id) => browser.action.getTitle({ tabId: id }), tabId),
      toolbarBadge: (tabId) => control.evaluate((id) => browser.action.getBadgeText({ tabId: id }), tabId),
      async getStorage(area, keys) {
        return control.evaluate((a, k) => browser.storage[a].get(k ?? null), area, keys ?? null);
      },
      async setStorage(area, items) {
        await control.evaluate((a, i) => browser.storage[a].set(i), area, items);
      },
      async clearStorage(area) {
        await control.evaluate((a) => browser.storage[a].clear(), area);
      },
      backgroundState,
      async stopBackground() {
        // As Firefox's idle timeout does it: once the background is quiet (no API call of
        // its own in flight, none for a moment, no listener still running), but without
        // waiting 30 s for it; like Chrome stopping a worker, it then stops at once.
        // Stopped with a call still out, Firefox would log "Promise rejected after context
        // unloaded" or "WebExtension context not found!" — errors of the harness, not of
        // the extension. Asked only while running (asked when stopped, Firefox logs an
        // error about it), and again if it started anew meanwhile.
        const id = JSON.stringify(geckoId);
        await until(
          'the background page to be quiet, then stop',
          () =>
            chromeEval<string>(`(async () => {
              const extension = WebExtensionPolicy.getByID(${id}).extension;
              if (extension.backgroundState !== 'running') return extension.backgroundState;
              const activity = globalThis.__hlBackgroundActivity;
              const listeners = extension.backgroundContext?.pendingRunListenerPromisesCount ?? 0;
              if (activity.pending > 0 || listeners > 0 || Date.now() - activity.last < ${BACKGROUND_QUIET_MS}) return 'busy';
              await extension.terminateBackground({ ignoreDevToolsAttached: true, disableResetIdleForTest: true });
              return extension.backgroundState;
            })()`),
          (state) => state === 'stopped',
          15_000,
        );
      },
      downloadsDir,
      async clearBrowsingState() {
        await control.evaluate(clearAlarmsAndDatabases);
        await chromeEval(`(() => {
          Services.cache2.clear();
          Services.cookies.removeAll();
          Services.clipboard.emptyClipboard(Ci.nsIClipboard.kGlobalClipboard);
          return true;
        })()`);
      },
      readClipboard: () =>
        chromeEval<string>(`(() => {
          const transferable = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
          transferable.init(null);
          transferable.addDataFlavor('text/plain');
          Services.clipboard.getData(transferable, Ci.nsIClipboard.kGlobalClipboard);
          const data = {};
          transferable.getTransferData('text/plain', data);
          return data.value.QueryInterface(Ci.nsISupportsString).data;
        })()`),
      async close() {
        await firefox.close().catch(() => {});
        cleanup();
      },
    };
  } catch (error) {
    await firefox.close().catch(() => {});
    cleanup();
    throw error;
  }
}

/** How long the background must have made no API call before the harness stops it (Firefox waits 30 s). */
const BACKGROUND_QUIET_MS = 300;

/**
 * Keeps count, in chrome scope, of the API calls the extension's background
 * page has in flight and of when it last called one or received an event —
 * what Firefox's own idle timeout watches. It wraps ParentAPIManager.callAndLog
 * (every API call of an extension context passes through it) and listens to
 * the extension's "background-script-reset-idle" (every event and API call).
 */
async function watchBackgroundActivity(chromeEval: <T>(expression: string) => Promise<T>, geckoId: string): Promise<void> {
  const ok = await chromeEval<boolean>(`(() => {
    const id = ${JSON.stringify(geckoId)};
    const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
    const manager = ExtensionParent.ParentAPIManager;
    if (typeof manager?.callAndLog !== 'function') return false;
    const activity = (globalThis.__hlBackgroundActivity = { pending: 0, last: Date.now() });
    const callAndLog = manager.callAndLog;
    manager.callAndLog = function (context, data, callable) {
      if (context?.extension?.id !== id || !context.isBackgroundContext) return callAndLog.call(this, context, data, callable);
      activity.pending++;
      activity.last = Date.now();
      const done = () => {
        activity.pending--;
        activity.last = Date.now();
      };
      let result;
      try {
        result = callAndLog.call(this, context, data, callable);
      } catch (error) {
        done();
        throw error;
      }
      Promise.resolve(result).then(done, done);
      return result;
    };
    WebExtensionPolicy.getByID(id).extension.on('background-script-reset-idle', () => {
      activity.last = Date.now();
    });
    return true;
  })()`);
  if (!ok) throw new Error("This Firefox has no ParentAPIManager.callAndLog: the harness cannot tell when the background page is quiet.");
}

/** The BiDi browsing context of a page (puppeteer's frame id; it has no public getter). */
function contextIdOf(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

/** Adds the stand-ins' CA to the profile's certificate store, trusted to identify TLS servers ("C,,"). */
async function trustCa(chromeEval: <T>(expression: string) => Promise<T>, caPem: string): Promise<void> {
  const der = new X509Certificate(caPem).raw.toString('base64');
  await chromeEval(`(() => {
    const db = Cc['@mozilla.org/security/x509certdb;1'].getService(Ci.nsIX509CertDB);
    db.addCertFromBase64(${JSON.stringify(der)}, 'C,,');
    return true;
  })()`);
}

// ---------------------------------------------------------------------------
// Console

/** Firefox's stdout and stderr, split into lines as they arrive. */
class StdoutLines {
  readonly lines: string[] = [];
  private partial = '';

  push(chunk: Buffer): void {
    const parts = (this.partial + chunk.toString('utf8')).split('\n');
    this.partial = parts.pop() ?? '';
    this.lines.push(...parts);
  }

  /** Resolves once a line containing `text` has arrived (looking from line `from`). */
  async waitFor(text: string, from: number, timeoutMs: number): Promise<number> {
    return until(`“${text}” on Firefox's stdout`, () => this.lines.findIndex((l, i) => i >= from && l.includes(text)), (i) => i >= 0, timeoutMs);
  }
}

/** Where Firefox's WebExtension framework lives (its errors are about the extensions it serves). */
const WEBEXTENSION_FRAMEWORK = ['resource://gre/modules/Extension', 'chrome://extensions/'];

/**
 * Messages Firefox logs in the extension's name that are Firefox's own doing
 * and that its code can neither cause nor avoid, each with why (as
 * CHROMIUM_QUIRKS in chromium-console.ts). Matched ones go to `ignored` with
 * the reason, not to the test; each is matched exactly, down to the Firefox
 * file and function that logs it, and harness.test.ts pins each one.
 */
export const FIREFOX_QUIRKS: ReadonlyArray<{ text: RegExp; why: string }> = [
  {
    text: /^\[JavaScript Error: "sendRemoveListener on closed conduit [^"\s]+" \{file: "resource:\/\/gre\/modules\/ConduitsChild\.sys\.mjs" line: \d+\}\]\s*_send@resource:\/\/gre\/modules\/ConduitsChild\.sys\.mjs:\d+:\d+\s+removeListener@resource:\/\/gre\/modules\/ExtensionChild\.sys\.mjs:\d+:\d+\s+removeListener@resource:\/\/gre\/modules\/ExtensionChild\.sys\.mjs:\d+:\d+\s+getAPI\/register\/api\.menus\.onClicked@chrome:\/\/browser\/content\/child\/ext-menus\.js:\d+:\d+\s/,
    why:
      'Firefox 153 ESR suspends the background page (its idle timeout; the harness stops it the same way) while it ' +
      'listens to menus.onClicked, which it must, at top level, for the context menu to wake it. Firefox then removes ' +
      'its child-side listener over the page\'s conduit, already closed, and logs that; every extension with such a ' +
      'listener gets it at every suspend. Removing the listener ourselves first is no way out: an explicit removal ' +
      'unregisters it as a persistent listener, and a menu click might then no longer wake the background.',
  },
];

/** The Firefox quirk a Browser Console message that names the extension is, if any (FIREFOX_QUIRKS). */
export function firefoxQuirkOf(text: string): { text: RegExp; why: string } | undefined {
  return FIREFOX_QUIRKS.find((quirk) => quirk.text.test(text));
}

/** Whether such a message is one of Firefox's own. */
export const isFirefoxOwnError = (text: string): boolean => firefoxQuirkOf(text) !== undefined;

/** A message of the Browser Console, as read in chrome scope. */
interface BrowserConsoleMessage {
  text: string;
  level: 'error' | 'warning' | 'info';
  category: string;
  /** The script or document it came from (errors of content processes arrive without their window). */
  source: string;
}

/**
 * What Firefox logs at warning or error level, split into the extension's and
 * the browser's own:
 * - `console.error` / `console.warn` calls of any content or extension process
 *   (background page, extension pages, content scripts, the stand-in site)
 *   reach only stdout (pref devtools.console.stdout.content). The stand-in
 *   site logs nothing, so every such line counts as the extension's;
 * - uncaught errors, CSP violations and manifest warnings reach the Browser
 *   Console (nsIConsoleService, in the parent process), read here through a
 *   listener registered in chrome scope at launch. A message is the
 *   extension's when its text or source names the extension's
 *   moz-extension:// host or its id; the rest is the browser's own (kept, and
 *   shown in the report, but not counted).
 */
export class FirefoxConsole implements ConsoleWatch {
  readonly browserName = 'firefox';
  /** Every message of the browser's own seen so far (not the extension's). */
  readonly ignored: ConsoleEntry[] = [];
  private stdoutFrom = 0;
  private flushes = 0;

  constructor(
    private readonly firefox: Browser,
    private readonly stdout: StdoutLines,
    private readonly chromeEval: <T>(expression: string) => Promise<T>,
    private readonly uuid: string,
    private readonly geckoId: string,
  ) {}

  /** Registers the Browser Console listener (once, before the extension is installed). */
  async start(): Promise<void> {
    await this.chromeEval(`(() => {
      if (globalThis.__hlConsole) return true;
      const seen = (globalThis.__hlConsole = []);
      const levelOf = (m) => {
        if (m instanceof Ci.nsIScriptError) {
          return m.flags & Ci.nsIScriptError.warningFlag ? 'warning' : m.flags & Ci.nsIScriptError.infoFlag ? 'info' : 'error';
        }
        return m.logLevel >= Ci.nsIConsoleMessage.error ? 'error' : m.logLevel === Ci.nsIConsoleMessage.warn ? 'warning' : 'info';
      };
      const record = (m) => {
        const level = levelOf(m);
        if (level === 'info') return;
        const isScriptError = m instanceof Ci.nsIScriptError;
        seen.push({
          text: m.message,
          level,
          category: isScriptError ? m.category : '',
          source: isScriptError ? m.sourceName : '',
        });
      };
      for (const m of Services.console.getMessageArray() ?? []) record(m);
      Services.console.registerListener({ observe: record });
      return true;
    })()`);
  }

  /**
   * Everything the extension logged since the last call, once what was in
   * flight has arrived: a marker logged in every open page (their processes
   * print in order) shows up on stdout, and the Browser Console is read after it.
   */
  async take(): Promise<ConsoleEntry[]> {
    const entries = await this.read();
    return [...this.held.splice(0), ...entries];
  }

  /** Entries `excuse` left in place, reported by the next take(). */
  private held: ConsoleEntry[] = [];

  /**
   * Moves the extension's messages so far that match `text` into `ignored`,
   * with `why`: for what the harness's own doing caused between tests (the
   * reset stopping the background), never for anything a test did. The rest
   * stay for the next take().
   */
  async excuse(text: RegExp, why: string): Promise<void> {
    for (const entry of await this.take()) {
      if (text.test(entry.text)) this.ignored.push({ ...entry, text: `${entry.text} — the harness's own: ${why}` });
      else this.held.push(entry);
    }
  }

  private async read(): Promise<ConsoleEntry[]> {
    const pages = await this.firefox.pages();
    const marker = `hl-e2e-console-flush-${++this.flushes}-${Date.now()}`;
    const from = this.stdout.lines.length;
    const marked: Promise<number>[] = [];
    for (const [i, page] of pages.entries()) {
      const mark = `${marker}-${i}`;
      const logged = await page.evaluate((m) => console.log(m), mark).then(
        () => true,
        () => false, // closed or navigating away: nothing more will come from it
      );
      if (logged) marked.push(this.stdout.waitFor(mark, from, 10_000));
    }
    await Promise.all(marked);

    const lines = this.stdout.lines.slice(this.stdoutFrom);
    this.stdoutFrom = this.stdout.lines.length;
    const entries: ConsoleEntry[] = [];
    lines.forEach((line, i) => {
      if (!/^console\.(error|warn|assert):/.test(line)) return;
      // A message can continue on indented lines (an object's properties, a stack).
      const rest = lines.slice(i + 1, i + 6).filter((next, j, all) => /^\s/.test(next) && all.slice(0, j).every((l) => /^\s/.test(l)));
      entries.push({ where: 'stdout', level: line.startsWith('console.warn') ? 'warning' : 'error', text: [line, ...rest].join('\n') });
    });

    const messages = await this.chromeEval<BrowserConsoleMessage[]>(`(() => {
      const seen = globalThis.__hlConsole ?? [];
      return seen.splice(0, seen.length);
    })()`);
    for (const m of messages) {
      m.text = String(m.text ?? '');
      m.source = String(m.source ?? '');
      const entry: ConsoleEntry = {
        where: `Browser Console${m.category ? ` (${m.category})` : ''}`,
        level: m.level === 'warning' ? 'warning' : 'error',
        text: m.source && !m.text.includes(m.source) ? `${m.text} [${m.source}]` : m.text,
      };
      // Ours: it names the extension (its moz-extension:// host or its id), comes from
      // one of its scripts or pages, or from Firefox's WebExtension framework serving it
      // (ExtensionParent, ExtensionStorage, …: with one extension installed, ours).
      const ours = [m.text, m.source].some(
        (s) => s.includes(this.uuid) || s.includes(this.geckoId) || WEBEXTENSION_FRAMEWORK.some((prefix) => s.includes(prefix)),
      );
      const quirk = ours ? firefoxQuirkOf(m.text) : undefined;
      if (quirk) this.ignored.push({ ...entry, text: `${entry.text} — Firefox's own: ${quirk.why}` });
      else if (ours) entries.push(entry);
      else this.ignored.push(entry);
    }
    return entries;
  }
}
