/**
 * "Never lose a credit, never leak the key", the security half, in real Chromium:
 * hostile API data renders inertly and fetches nothing it should not, the key is
 * out of reach of the content script's world, it never shows up in any log,
 * request URL, page text or clipboard, and a stopped worker still hears every message.
 */
import type { CDPSession, Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { LOCAL_KEYS, SESSION_KEYS } from '../../utils/storage-keys';
import { attachToServiceWorker, type TargetSession } from '../support/browser';
import type { ChromeApi } from '../support/chrome-api';
import { InstagramTab } from '../support/instagram-tab';
import { OptionsPage } from '../support/options-page';
import { contentScriptContext, evaluateIn, trackContexts } from '../support/page-worlds';
import { Popup } from '../support/popup';
import { HOSTILE_HIGHLIGHTS, HOSTILE_LEGIT_COVER } from '../support/scenarios';
import { visibleImagesDone } from '../support/screenshot';
import { DEFAULT_API_KEY } from '../support/sociavault-server';
import { idsOf, useWorld } from './fixture';

declare const chrome: ChromeApi;

/** For waits on the worker, which may be starting up. */
const WAIT = { timeout: 10_000 };

const world = useWorld();

/** Hosts the popup may contact: the extension itself and Instagram's image CDNs over plain https. */
function isAllowedPopupRequest(url: string, extensionId: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'chrome-extension:') return u.host === extensionId;
  return (
    u.protocol === 'https:' &&
    u.username === '' &&
    u.password === '' &&
    u.port === '' &&
    (/^([a-z0-9-]+\.)+cdninstagram\.com$/.test(u.hostname) || /^([a-z0-9-]+\.)+fbcdn\.net$/.test(u.hostname))
  );
}

/** A popup for `tab` in a tab of popup size, with every request and dialog recorded from the first byte. */
async function openRecordedPopup(tab: InstagramTab) {
  const requests = new Set<string>();
  const failed: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  const popup = await world.popup(tab, {
    viewport: { width: 360, height: 600 },
    async beforeLoad(page) {
      page.on('request', (r) => requests.add(r.url()));
      page.on('requestfailed', (r) => failed.push(r.url()));
      page.on('dialog', (d) => {
        dialogs.push(`${d.type()}: ${d.message()}`);
        void d.dismiss().catch(() => {});
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      // CDP sees what Playwright may not: data: and blocked requests, and ones refused before sending.
      const cdp = await world.browser.context.newCDPSession(page);
      cdp.on('Network.requestWillBeSent', (e) => requests.add(e.request.url));
      cdp.on('Network.loadingFailed', (e) => failed.push(`${e.requestId} ${e.errorText} ${e.blockedReason ?? ''}`));
      cdp.on('Runtime.exceptionThrown', (e) => errors.push(e.exceptionDetails.exception?.description ?? e.exceptionDetails.text));
      await cdp.send('Network.enable');
      await cdp.send('Runtime.enable');
    },
  });
  return { popup, requests, failed, dialogs, errors };
}

describe('hostile data from the API', () => {
  it('renders titles as inert text, keeps the layout, loads only the legit cover and contacts no other host', async () => {
    const tab = await world.instagram('/hostile/');
    expect(await tab.title()).toBe('Highlights of @hostile');
    const { page } = tab;
    const hitsBefore = world.site.hits.length;
    const recorded = await openRecordedPopup(tab);
    const { requests, dialogs, errors } = recorded;
    const popup = recorded.popup.page;

    expect(await recorded.popup.settled()).toBe('list');
    const ids = idsOf('hostile');
    expect(await recorded.popup.rowIds()).toEqual(ids);
    // Let every cover that is going to load, load (and any injected handler fire).
    const legitHref = new URL(HOSTILE_LEGIT_COVER).href;
    const legitLoaded = () =>
      popup.evaluate(
        (src) =>
          Array.from(document.querySelectorAll<HTMLImageElement>('[data-testid="highlight-row"] img'))
            .filter((img) => img.getAttribute('src') === src)
            .map((img) => img.complete && img.naturalWidth > 0),
        legitHref,
      );
    await expect.poll(legitLoaded, WAIT).toEqual([true]);
    // Every image in view is done (loaded or failed), so any handler on one has run.
    await visibleImagesDone(popup);

    // Nothing ran.
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(await popup.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();

    // No element was made from a title: no script, frame, handler attribute or <b>.
    const injected = await popup.evaluate(() => {
      const app = document.body;
      return {
        scripts: app.querySelectorAll('script').length,
        frames: app.querySelectorAll('iframe, object, embed, frame').length,
        svgWithHandlers: app.querySelectorAll('svg[onload]').length,
        imgWithHandlers: app.querySelectorAll('img[onerror]').length,
        handlerAttributes: Array.from(app.querySelectorAll('*')).flatMap((el) =>
          Array.from(el.attributes)
            .filter((a) => /^on/i.test(a.name))
            .map((a) => `${el.tagName}[${a.name}]`),
        ),
        bold: app.querySelectorAll('b').length,
      };
    });
    expect(injected).toEqual({
      scripts: 0,
      frames: 0,
      svgWithHandlers: 0,
      imgWithHandlers: 0,
      handlerAttributes: [],
      bold: 0,
    });

    // Every title is there as literal text, in an element of its own with no elements inside:
    // markup in a title was not parsed into elements.
    const titles = HOSTILE_HIGHLIGHTS.map((h) => h.title);
    const literal = await popup.locator('[data-testid="highlight-row"]').evaluateAll(
      (rows, expected) =>
        rows.map((row, i) =>
          Array.from(row.querySelectorAll('*')).some((el) => el.children.length === 0 && el.textContent === expected[i]),
        ),
      titles,
    );
    expect(literal).toEqual(titles.map(() => true));

    // The 5,000-character title neither stretches its row nor widens the popup.
    const layout = await popup.evaluate(() => {
      const rows = Array.from(document.querySelectorAll('[data-testid="highlight-row"]'));
      const overflowing = Array.from(document.querySelectorAll('main *'))
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && r.right > 360.5)
        .map(({ el, r }) => `${el.tagName}.${el.className} right=${Math.round(r.right)}`);
      return {
        heights: rows.map((r) => Math.round(r.getBoundingClientRect().height)),
        docWidth: document.documentElement.scrollWidth,
        mainWidth: Math.round(document.querySelector('main')!.getBoundingClientRect().width),
        overflowing,
      };
    });
    const hugeIndex = titles.findIndex((t) => t.length >= 5000);
    const otherHeights = layout.heights.filter((_, i) => i !== hugeIndex);
    expect(layout.heights[hugeIndex]).toBeLessThanOrEqual(Math.max(...otherHeights) + 4);
    expect(Math.max(...layout.heights)).toBeLessThanOrEqual(100);
    expect(layout.docWidth).toBeLessThanOrEqual(360);
    expect(layout.mainWidth).toBeLessThanOrEqual(360);
    expect(layout.overflowing).toEqual([]);

    // Covers: a placeholder for each refused URL, one <img> for the legit one.
    const covers = await popup.locator('[data-testid="highlight-row"]').evaluateAll((rows) =>
      rows.map((row) => ({
        placeholder: row.querySelector('[data-testid="thumbnail-placeholder"]') !== null,
        imgs: Array.from(row.querySelectorAll('img')).map((img) => img.getAttribute('src')),
      })),
    );
    const legitIndex = HOSTILE_HIGHLIGHTS.findIndex((h) => h.cover === HOSTILE_LEGIT_COVER);
    covers.forEach((cover, i) => {
      if (i === legitIndex) expect(cover).toEqual({ placeholder: false, imgs: [legitHref] });
      else expect(cover, `cover of row ${i}: ${HOSTILE_HIGHLIGHTS[i]!.cover}`).toEqual({ placeholder: true, imgs: [] });
    });
    expect(await popup.locator('[data-testid="highlight-row"] img').count()).toBe(1);

    // Every request the popup made (failed ones included) went to the extension or the CDNs.
    const requested = [...requests];
    expect(requested.filter((u) => !isAllowedPopupRequest(u, world.browser.extensionId))).toEqual([]);
    expect(requested).toContain(legitHref);
    const decoys = (u: string) => u.includes('/x.jpg') || /^(data|javascript):/i.test(u);
    expect(requested.filter(decoys)).toEqual([]);
    // The fake CDN agrees: it served the legit cover and none of the /x.jpg decoys.
    const images = world.site.hits.slice(hitsBefore).filter((h) => h.kind === 'image');
    expect(images.map((h) => `https://${h.host}${h.path}`)).toContain(legitHref);
    expect(images.filter((h) => h.path.includes('/x.jpg'))).toEqual([]);

    // The IDs are still listed and copyable.
    const hugeId = ids[hugeIndex]!;
    await recorded.popup.copyId(hugeId);
    expect(await recorded.popup.readClipboard()).toBe(hugeId);
    await recorded.popup.copyAll();
    expect(await recorded.popup.readClipboard()).toBe(ids.join('\n'));
    expect(dialogs).toEqual([]);
  });
});

describe('the key stays in trusted contexts', () => {
  it("the content script's world cannot read it, an extension page can, the page's own world has no chrome.storage", async () => {
    // The worker has started (and run setAccessLevel at its start) before anything is checked.
    await world.browser.worker();
    const page = await world.browser.context.newPage();
    const cdp = await world.browser.context.newCDPSession(page);
    const contexts = await trackContexts(cdp);
    await page.goto('https://www.instagram.com/nasa/');
    const tab = new InstagramTab(world.browser, page, await world.browser.tabIdOf(page));
    // The content script reported, so the worker's main() has run.
    await tab.waitForProfile('nasa');
    const content = await contentScriptContext(contexts, world.browser.extensionOrigin);
    expect(content.name).toBe('Highlight Lookup');

    const reads = {
      apiKey: await evaluateIn(cdp, `chrome.storage.local.get('${LOCAL_KEYS.apiKey}').then(JSON.stringify)`, content.id),
      everything: await evaluateIn(cdp, `chrome.storage.local.get(null).then(JSON.stringify)`, content.id),
      session: await evaluateIn(cdp, `chrome.storage.session.get(null).then(JSON.stringify)`, content.id),
      // Asking the background for it from Instagram's tab gets nothing either.
      askBackground: await evaluateIn(
        cdp,
        `chrome.runtime.sendMessage({ type: 'get-api-key' }).then((r) => JSON.stringify(r ?? null), (e) => 'rejected: ' + e.message)`,
        content.id,
      ),
    };
    for (const [what, outcome] of Object.entries(reads)) expect(outcome.text, what).not.toContain(DEFAULT_API_KEY);
    // Chrome refuses storage.local outright in this context.
    expect(reads.apiKey).toMatchObject({ threw: true, text: expect.stringMatching(/Access to storage is not allowed from this context/) });
    expect(reads.everything.threw).toBe(true);

    // The same evaluation from an extension page does read it: the check above can fail.
    const extensionPage = await world.browser.context.newPage();
    await extensionPage.goto(`${world.browser.extensionOrigin}/manifest.json`);
    const extCdp = await world.browser.context.newCDPSession(extensionPage);
    expect(await evaluateIn(extCdp, `chrome.storage.local.get('${LOCAL_KEYS.apiKey}').then(JSON.stringify)`)).toEqual({
      threw: false,
      text: JSON.stringify(JSON.stringify({ [LOCAL_KEYS.apiKey]: DEFAULT_API_KEY })),
    });

    // Instagram's own world (the default context) has no chrome.storage at all.
    expect(await evaluateIn(cdp, `typeof globalThis.chrome?.storage`)).toEqual({ threw: false, text: '"undefined"' });
    expect(await page.evaluate(() => typeof (globalThis as { chrome?: { storage?: unknown } }).chrome?.storage)).toBe('undefined');
  });
});

/** Everything that could carry the key out: logs, exceptions, URLs, text; labelled by where it came from. */
class LeakRecorder {
  readonly entries: Array<{ where: string; text: string }> = [];
  private readonly pending: Promise<unknown>[] = [];
  /** One command per watched session: its answer comes after every event the session sent before it. */
  private readonly roundTrips: Array<() => Promise<unknown>> = [];

  add(where: string, text: string): void {
    this.entries.push({ where, text });
  }

  /** Console calls (with each argument serialised in full), exceptions and browser log entries of a target. */
  handleEvent(where: string, method: string, params: unknown, send: (m: string, p: object) => Promise<unknown>): void {
    if (method !== 'Runtime.consoleAPICalled' && method !== 'Runtime.exceptionThrown' && method !== 'Log.entryAdded') return;
    this.add(`${where} ${method}`, JSON.stringify(params));
    if (method !== 'Runtime.consoleAPICalled') return;
    // Previews are shallow: serialise every object argument in full as well.
    const args = (params as { args: Array<{ objectId?: string }> }).args;
    for (const arg of args) {
      if (!arg.objectId) continue;
      this.pending.push(
        send('Runtime.callFunctionOn', {
          objectId: arg.objectId,
          functionDeclaration:
            'function () { try { return (this instanceof Error ? this.stack + " " : "") + JSON.stringify(this); } catch (e) { return String(this); } }',
          returnByValue: true,
        })
          .then((r) => this.add(`${where} console argument`, JSON.stringify(r)))
          .catch(() => {}),
      );
    }
  }

  /** All console, exception and log events of a page, every world of it included. */
  async watchPage(where: string, cdp: CDPSession): Promise<void> {
    const send = (m: string, p: object) => cdp.send(m as 'Runtime.callFunctionOn', p as never);
    cdp.on('Runtime.consoleAPICalled', (p) => this.handleEvent(where, 'Runtime.consoleAPICalled', p, send));
    cdp.on('Runtime.exceptionThrown', (p) => this.handleEvent(where, 'Runtime.exceptionThrown', p, send));
    cdp.on('Log.entryAdded', (p) => this.handleEvent(where, 'Log.entryAdded', p, send));
    await cdp.send('Runtime.enable');
    await cdp.send('Log.enable');
    this.roundTrips.push(() => cdp.send('Runtime.evaluate', { expression: '0' }));
  }

  async watchWorker(session: TargetSession): Promise<void> {
    session.onEvent((method, params) =>
      this.handleEvent('worker', method, params, (m, p) => session.send(m, p as Record<string, unknown>)),
    );
    await session.send('Runtime.enable');
    await session.send('Log.enable');
    this.roundTrips.push(() => session.send('Runtime.evaluate', { expression: '0' }));
  }

  /** Every event sent so far has arrived and every argument asked for is serialised. */
  async settle(): Promise<void> {
    await Promise.all(this.roundTrips.map((roundTrip) => roundTrip().catch(() => undefined)));
    await Promise.all(this.pending);
  }

  containing(secret: string) {
    return this.entries.filter((e) => e.text.includes(secret) || safeDecode(e.text).includes(secret));
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

describe('the key never leaks', () => {
  it('appears in no log, exception, request URL, page text, clipboard or tab message; only in the X-API-Key header', async () => {
    const WRONG_KEY = 'sk_live_wrong_key_leakcheck_7f3a9c';
    const secrets = [DEFAULT_API_KEY, WRONG_KEY];
    const rec = new LeakRecorder();
    const { context, extensionOrigin } = world.browser;

    // Every request of every page and of the worker, with its headers.
    const requests: Request[] = [];
    const onRequest = (r: Request) => requests.push(r);
    context.on('request', onRequest);
    context.on('requestfailed', onRequest);
    const onConsole = (m: { text(): string; type(): string }) => rec.add('playwright console', `${m.type()} ${m.text()}`);
    context.on('console', onConsole);
    const onWebError = (e: { error(): Error }) => rec.add('playwright weberror', String(e.error()?.stack ?? e.error()));
    context.on('weberror', onWebError);

    const worker = await attachToServiceWorker(world.browser);
    const recordPage = async (where: string, page: Page) => {
      await rec.watchPage(where, await context.newCDPSession(page));
      page.on('pageerror', (e) => rec.add(`${where} pageerror`, String(e.stack ?? e)));
    };
    const snapshot = async (where: string, page: Page, { html = true } = {}) => {
      rec.add(`${where} text`, await page.evaluate(() => document.body.innerText));
      if (html) rec.add(`${where} html`, await page.content());
    };
    const clipboards: string[] = [];

    try {
      await rec.watchWorker(worker);

      // Instagram tab, watched from its first byte: main world and content script world.
      const ig = await context.newPage();
      const igCdp = await context.newCDPSession(ig);
      await rec.watchPage('instagram', igCdp);
      const contexts = await trackContexts(igCdp);
      ig.on('pageerror', (e) => rec.add('instagram pageerror', String(e.stack ?? e)));
      await ig.goto('https://www.instagram.com/nasa/');
      const tab = new InstagramTab(world.browser, ig, await world.browser.tabIdOf(ig));
      await tab.waitForProfile('nasa');
      // Record every message the background sends to this tab, from inside the content script's world.
      const content = await contentScriptContext(contexts, extensionOrigin);
      await evaluateIn(
        igCdp,
        `globalThis.__seen = []; chrome.runtime.onMessage.addListener((m) => { globalThis.__seen.push(JSON.stringify(m)); }); 'ok'`,
        content.id,
      );

      // Options page, as a person would use it.
      const optionsPage = await context.newPage();
      await recordPage('options', optionsPage);
      await optionsPage.goto(`${extensionOrigin}/options.html`);
      const options = new OptionsPage(world.browser, optionsPage);
      expect(await options.loaded()).toBe('A key is saved in this browser.');

      // The recorders see every world: a marker logged in each one is caught.
      const MARKER = 'leak-recorder-canary';
      await evaluateIn(igCdp, `console.log({ nested: { canary: '${MARKER}-content' } }); 1`, content.id);
      await ig.evaluate((m) => console.log(`${m}-main`), MARKER);
      await (await world.browser.worker()).evaluate((m) => console.log({ deep: { canary: `${m}-worker` } }), MARKER);

      // Lookups that succeed, copying.
      const openPopup = (label: string) => Popup.open(world.browser, tab.tabId, { beforeLoad: (page) => recordPage(label, page) });
      let popup = await openPopup('popup nasa');
      expect(await popup.settled()).toBe('list');
      await popup.copyAll();
      expect(await popup.readClipboard()).toBe(idsOf('nasa').join('\n'));
      clipboards.push(await popup.readClipboard());
      await popup.copyId(idsOf('nasa')[3]!);
      expect(await popup.readClipboard()).toBe(idsOf('nasa')[3]);
      clipboards.push(await popup.readClipboard());
      await snapshot('popup nasa', popup.page);

      const visit = async (handle: string, state: string, error?: string) => {
        await tab.pushState(`/${handle}/`);
        await tab.waitForProfile(handle);
        popup = await openPopup(`popup ${handle}`);
        expect(await popup.settled()).toBe(state);
        if (error) expect(await popup.errorKind()).toBe(error);
        await snapshot(`popup ${handle}`, popup.page);
      };
      await visit('natgeo', 'list');
      await visit('err404', 'error', 'not-found');
      await visit('err402', 'error', 'out-of-credits');

      // A wrong key, saved through the options page: 401.
      await options.saveKey(WRONG_KEY);
      expect(await options.storedKey()).toBe(WRONG_KEY);
      await visit('unicode.names', 'error', 'key-rejected');
      // The right key again, then a refresh that costs a credit.
      await options.saveKey(DEFAULT_API_KEY);
      expect(await options.storedKey()).toBe(DEFAULT_API_KEY);
      await visit('nasa', 'list');
      await popup.refresh();
      await expect.poll(() => world.api.requests.filter((r) => r.query.handle === 'nasa' || r.query.user_id === '528817151').length, WAIT).toBe(2);
      // The refresh is over once its button is back (the list stays on screen all along).
      await expect.poll(() => popup.page.getByRole('button', { name: /^Refresh/ }).isEnabled(), WAIT).toBe(true);
      expect(await popup.settled('list')).toBe('list');
      await snapshot('popup nasa refreshed', popup.page);
      // Its text only: the options page holds the key in its (password) field by design.
      await snapshot('options', optionsPage, { html: false });

      // What the background told the tab.
      const seen = await evaluateIn(igCdp, `JSON.stringify(globalThis.__seen)`, content.id);
      rec.add('messages to the tab', seen.text);
      expect(seen.text).toContain('which-profile');
      rec.add('storage.session', JSON.stringify(await world.getStorage('session')));

      await rec.settle();
    } finally {
      context.off('request', onRequest);
      context.off('requestfailed', onRequest);
      context.off('console', onConsole);
      context.off('weberror', onWebError);
      await worker.detach();
    }

    // The recorders did record, in every world.
    for (const where of ['content', 'main', 'worker']) {
      expect(rec.entries.some((e) => e.text.includes(`leak-recorder-canary-${where}`)), `canary in ${where}`).toBe(true);
    }
    for (const c of clipboards) rec.add('clipboard', c);

    // The key (right or wrong) is nowhere.
    for (const secret of secrets) expect(rec.containing(secret).map((e) => e.where)).toEqual([]);

    // Requests: only the API ones carry it, and only in the X-API-Key header.
    const apiRequests = requests.filter((r) => new URL(r.url()).hostname === 'api.sociavault.com');
    expect(apiRequests.length).toBeGreaterThanOrEqual(6);
    for (const r of requests) {
      const url = r.url();
      for (const secret of secrets) expect(safeDecode(url), url).not.toContain(secret);
      const headers = Object.entries(r.headers()).filter(([name]) => name.toLowerCase() !== 'x-api-key');
      for (const secret of secrets) expect(JSON.stringify(headers), url).not.toContain(secret);
      if (!apiRequests.includes(r)) expect(r.headers()['x-api-key'], url).toBeUndefined();
    }

    // The server's view: every highlights request had the key in the header, none in the URL.
    const served = world.highlightLog();
    expect(served.length).toBeGreaterThanOrEqual(6);
    for (const r of served) {
      expect(secrets).toContain(r.apiKey);
      for (const secret of secrets) {
        expect(safeDecode(r.url)).not.toContain(secret);
        const otherHeaders = Object.entries(r.headers).filter(([name]) => name !== 'x-api-key');
        expect(JSON.stringify(otherHeaders)).not.toContain(secret);
      }
    }
    expect(served.filter((r) => r.apiKey === WRONG_KEY).map((r) => r.status)).toEqual([401]);
    expect(served.some((r) => r.apiKey === DEFAULT_API_KEY && r.status === 200)).toBe(true);
    // Nothing else ever sent it anywhere: the fake Instagram saw no key in any path.
    for (const secret of secrets) expect(world.site.hits.filter((h) => safeDecode(h.path).includes(secret))).toEqual([]);
  });
});

describe('every listener is registered synchronously at the worker start', () => {
  it('a stopped worker, woken by a message from an extension page, answers it', async () => {
    const page = await world.browser.context.newPage();
    await page.goto(`${world.browser.extensionOrigin}/manifest.json`);
    await world.stopWorker();
    expect(await world.browser.isWorkerRunning()).toBe(false);

    const answer = await page.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'get-status' }).catch((e: Error) => `rejected: ${e.message}`),
    );
    expect(answer).toEqual({ hasKey: true, settings: DEFAULT_SETTINGS });
    expect(await world.browser.isWorkerRunning()).toBe(true);
  });

  it("a stopped worker, woken by the content script's report of an in-page navigation, updates the title", async () => {
    const tab = await world.instagram('/nasa/');
    expect(await tab.title()).toBe('Highlights of @nasa');

    await world.stopWorker();
    expect(await world.browser.isWorkerRunning()).toBe(false);
    await tab.pushState('/natgeo/');
    // Nothing but the report can wake it here.
    await expect.poll(() => world.browser.isWorkerRunning(), { timeout: 10_000 }).toBe(true);
    const tabProfiles = async () => (await world.getStorage('session', SESSION_KEYS.tabProfiles))[SESSION_KEYS.tabProfiles];
    await expect.poll(tabProfiles, WAIT).toMatchObject({ [String(tab.tabId)]: 'natgeo' });
    expect(await tab.title()).toBe('Highlights of @natgeo');
  });
});

describe('an answer that carries the key', () => {
  it('a title, an owner name and a cover URL with the key: nothing shows, loads, copies or stores it', async () => {
    const coverRequests: string[] = [];
    world.browser.context.on('request', (r) => {
      if (/cdninstagram\.com|fbcdn\.net/.test(r.url())) coverRequests.push(r.url());
    });
    const { tab, popup } = await world.popupFor('/keyecho/');
    expect(await popup.settled()).toBe('list');
    expect(await popup.rowIds()).toEqual(idsOf('keyecho'));
    expect(await popup.main.innerText()).toContain('Saved with [your API key] inside');
    expect(await popup.page.content()).not.toContain(DEFAULT_API_KEY);

    // Copy all, in each format: the key in none of them.
    for (const [copyFormat, label] of [['lines', 'Copy all IDs'], ['csv', 'Copy all as CSV'], ['json', 'Copy all as JSON']] as const) {
      await world.setStorage('local', { settings: { ...DEFAULT_SETTINGS, copyFormat } });
      const again = await world.popup(tab);
      expect(await again.settled()).toBe('list');
      await again.copyAll(label);
      const copied = await again.readClipboard();
      expect(copied).toContain(idsOf('keyecho')[2]!);
      expect(copied).not.toContain(DEFAULT_API_KEY);
      await again.close();
    }
    expect(coverRequests.length).toBeGreaterThan(0);
    expect(coverRequests.filter((url) => url.includes(DEFAULT_API_KEY))).toEqual([]);
    // Nothing stored carries it either (the popup may read the cache itself).
    const stored = await world.getStorage('local');
    expect(JSON.stringify(Object.entries(stored).filter(([key]) => key !== 'apiKey'))).not.toContain(DEFAULT_API_KEY);
  });
});
