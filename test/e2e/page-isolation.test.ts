/**
 * The content script is invisible to the page and cannot be steered by it.
 * A recorder runs in the page's own world from its first moment (before any
 * page or extension script) and writes down everything a page script could
 * notice: window messages, the events a framework's content script is known
 * to send, DOM mutations, new globals. A run in Chromium without the
 * extension is the baseline: with the extension, the page must see the same.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../support/chromium';
import { TOOLBAR_TITLE, useWorld } from './fixture';

const world = useWorld();
const WAIT = { timeout: 10_000 };

interface PageRecord {
  messages: string[];
  events: string[];
  mutations: string[];
  globals: string[];
}

/** Runs in the page's main world before anything else; `watched` are event names to listen for. */
function recorder(watched: string[]) {
  const seen = { messages: [] as string[], events: [] as string[], mutations: [] as string[] };
  const before = new Set(Object.getOwnPropertyNames(window));
  window.addEventListener('message', (e) => seen.messages.push(JSON.stringify(e.data)), true);
  for (const name of watched) {
    window.addEventListener(name, () => seen.events.push(`window ${name}`), true);
    document.addEventListener(name, () => seen.events.push(`document ${name}`), true);
  }
  new MutationObserver((records) => {
    for (const r of records) {
      const added = [...r.addedNodes].map((n) => n.nodeName).join(',');
      seen.mutations.push(`${r.type} ${r.target.nodeName} ${r.attributeName ?? ''} +${added}`);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  (window as unknown as { __record(): PageRecord }).__record = () => ({
    ...seen,
    globals: Object.getOwnPropertyNames(window).filter((n) => !before.has(n) && n !== '__record'),
  });
}

/** Event names WXT's content-script context and location watcher use, for every entrypoint name we might have. */
function frameworkEventNames(extensionId: string): string[] {
  const names: string[] = [];
  for (const entry of ['content', 'profile-watcher']) {
    for (const event of ['wxt:content-script-started', 'wxt:locationchange']) names.push(`${extensionId}:${entry}:${event}`);
  }
  return names;
}

/** The same visit in any browser: load /nasa/, navigate in the page twice, come back. */
async function visit(page: Page, watched: string[]): Promise<PageRecord> {
  await page.addInitScript(recorder, watched);
  await page.goto('https://www.instagram.com/nasa/');
  await page.evaluate(() => (window as unknown as { __spaNavigate(p: string): void }).__spaNavigate('/natgeo/'));
  await page.evaluate(() => history.pushState({}, '', '/explore/'));
  await page.evaluate(() => history.back());
  // The app has re-rendered for the way back…
  await page.waitForFunction(() => document.body.dataset.path === '/natgeo/');
  // …and every message posted so far has been delivered: one posted now arrives after them.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const last = 'recorder:last';
        addEventListener('message', function done(e) {
          if (e.data !== last) return;
          removeEventListener('message', done);
          resolve();
        });
        postMessage(last, '*');
      }),
  );
  return page.evaluate(() => (window as unknown as { __record(): PageRecord }).__record());
}

let plain: Browser;
let baseline: PageRecord;

beforeAll(async () => {
  // Chromium without the extension, reaching the same sample Instagram.
  plain = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      `--host-resolver-rules=MAP www.instagram.com 127.0.0.1:${world.site.port},MAP * ~NOTFOUND`,
      `--ignore-certificate-errors-spki-list=${world.tls.spkiHash}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  const page = await plain.newPage();
  baseline = await visit(page, frameworkEventNames(world.browser.extensionId));
});

afterAll(async () => {
  await plain?.close();
});

describe('the page world and the content script', () => {
  it('the page observes nothing of the extension: no message, event, DOM change or global', async () => {
    const page = await world.browser.context.newPage();
    const seen = await visit(page, frameworkEventNames(world.browser.extensionId));
    const tabId = await world.browser.tabIdOf(page);
    // The extension followed the page meanwhile (back from /explore/ to /natgeo/)…
    await expect.poll(() => world.browser.toolbarTitle(tabId), WAIT).toBe(TOOLBAR_TITLE.of('natgeo'));
    // …and the page saw exactly what it sees without the extension.
    expect(seen.messages).toEqual(baseline.messages);
    expect(seen.events).toEqual([]);
    expect(seen.mutations).toEqual(baseline.mutations);
    expect(seen.globals).toEqual(baseline.globals);
    expect(JSON.stringify(seen)).not.toContain(world.browser.extensionId);
  });

  it('the page cannot stop or steer detection: forged framework events, then in-page navigation still detected', async () => {
    const tab = await world.instagram('/nasa/');
    await tab.waitForProfile('nasa');

    await tab.page.evaluate((names) => {
      for (const name of names) {
        const detail = { contentScriptName: name.split(':')[1], messageId: 'forged' };
        document.dispatchEvent(new CustomEvent(name, { detail }));
        window.dispatchEvent(new CustomEvent(name, { detail }));
        window.postMessage({ type: name, ...detail }, '*');
      }
    }, frameworkEventNames(world.browser.extensionId));

    await tab.pushState('/natgeo/');
    expect(await tab.waitForProfile('natgeo')).toBe(TOOLBAR_TITLE.of('natgeo'));
    await tab.pushState('/reels/');
    expect(await tab.waitForProfile(null)).toContain(TOOLBAR_TITLE.noProfile);
  });
});
