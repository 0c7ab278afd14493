/**
 * Tabs, the service worker's life and the extension's own reload: what a
 * browser does to an extension between two clicks.
 */
import { describe, expect, it } from 'vitest';
import type { ChromeApi } from '../support/chrome-api';
import { contentScriptContext, evaluateIn, trackContexts } from '../support/page-worlds';
import { until } from '../support/poll';
import { idsOf, TOOLBAR_TITLE, useWorld } from './fixture';

declare const chrome: ChromeApi & { runtime: { reload(): void } };

const world = useWorld();

describe('tabs and the service worker', () => {
  it('two Instagram tabs on different profiles each show their own', async () => {
    const a = await world.popupFor('/nasa/');
    const b = await world.popupFor('/natgeo/');
    expect(await a.tab.title()).toBe('Highlights of @nasa');
    expect(await b.tab.title()).toBe('Highlights of @natgeo');
    await a.popup.settled('list');
    await b.popup.settled('list');
    expect(await a.popup.handle()).toBe('@nasa');
    expect(await b.popup.handle()).toBe('@natgeo');
    expect(await a.popup.rowIds()).toEqual(idsOf('nasa'));
    expect(await b.popup.rowIds()).toEqual(idsOf('natgeo'));
  });

  it('a stopped service worker forgets nothing: profile and cached answer survive', async () => {
    const { tab, popup } = await world.popupFor('/nasa/');
    await popup.settled('list');
    await popup.close();
    expect(world.highlightRequests()).toBe(1);

    await world.stopWorker();
    expect(await world.browser.isWorkerRunning()).toBe(false);

    const reopened = await world.popup(tab);
    expect(await reopened.settled()).toBe('list');
    expect(await reopened.handle()).toBe('@nasa');
    expect(await reopened.rowIds()).toEqual(idsOf('nasa'));
    await expect.poll(() => reopened.fetchedAt()).toContain('from cache');
    expect(world.highlightRequests()).toBe(1);
  });

  it('a profile detected just before the worker stopped is still known to the popup', async () => {
    const tab = await world.instagram('/natgeo/');
    expect(await tab.title()).toBe('Highlights of @natgeo');
    await world.stopWorker();
    const popup = await world.popup(tab);
    expect(await popup.settled()).toBe('list');
    expect(await popup.handle()).toBe('@natgeo');
  });

  it('a tab that navigated away from Instagram shows no profile', async () => {
    const tab = await world.instagram('/nasa/');
    // Any page outside www.instagram.com: the content script is gone with it.
    await tab.page.goto(`${world.browser.extensionOrigin}/manifest.json`);
    // Chrome drops per-tab action settings on a cross-document navigation.
    await expect.poll(() => tab.title()).toBe(TOOLBAR_TITLE.default);
    const popup = await world.popup(tab);
    expect(await popup.settled()).toBe('no-profile');
    // The popup asked the tab itself; nothing named the old profile again.
    expect(await tab.title()).toBe(TOOLBAR_TITLE.default);
    // No content script answered there: the popup says how to make a page visible.
    expect(await popup.page.getByTestId('reload-hint').count()).toBe(1);
  });
});

describe('the extension reloads', () => {
  it('the Instagram tab shows no uncaught errors from the old content script', async () => {
    const { page } = await world.instagram('/nasa/');

    // Uncaught exceptions from every world of the page, content scripts' included.
    const cdp = await page.context().newCDPSession(page);
    const exceptions: string[] = [];
    cdp.on('Runtime.exceptionThrown', (event) => exceptions.push(event.exceptionDetails.text));
    const consoleErrors: string[] = [];
    cdp.on('Runtime.consoleAPICalled', (event) => {
      if (event.type === 'error') consoleErrors.push(JSON.stringify(event.args.map((a) => a.value ?? a.description)));
    });
    const content = await contentScriptContext(await trackContexts(cdp), world.browser.extensionOrigin);

    const worker = await world.browser.worker();
    await worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    // The old content script is orphaned once its world no longer has an extension id.
    await until(
      'the old content script to lose its extension',
      () => evaluateIn(cdp, 'typeof chrome.runtime?.id', content.id),
      (r) => r.text === '"undefined"',
    );
    // Instagram keeps navigating. The content script hears of each pushState inside it
    // (WXT listens to the Navigation API's synchronous navigate event).
    for (const path of ['/natgeo/', '/explore/', '/nasa/tagged/']) {
      await page.evaluate((p) => history.pushState({}, '', p), path);
    }
    // A round trip on the session that listens: every event sent before it has arrived.
    await evaluateIn(cdp, 'new Promise((resolve) => setTimeout(resolve, 0))', content.id);
    expect(exceptions).toEqual([]);
    expect(consoleErrors.filter((e) => /extension|context invalidated/i.test(e))).toEqual([]);
  });
});
