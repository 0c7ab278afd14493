/**
 * Tabs, the service worker's life and the extension's own reload: what a
 * browser does to an extension between two clicks.
 */
import { describe, expect, it } from 'vitest';
import type { ChromeApi } from '../support/chrome-api';
import { actionTitle, rowIds, settledState, idsOf, useWorld } from './fixture';

declare const chrome: ChromeApi & { runtime: { reload(): void } };

const world = useWorld();

describe('tabs and the service worker', () => {
  it('two Instagram tabs on different profiles each show their own', async () => {
    const a = await world.popupFor('/nasa/');
    const b = await world.popupFor('/natgeo/');
    expect(await actionTitle(world, a.tabId)).toBe('Highlights of @nasa');
    expect(await actionTitle(world, b.tabId)).toBe('Highlights of @natgeo');
    await settledState(a.popup, ['list']);
    await settledState(b.popup, ['list']);
    expect(await a.popup.getByTestId('profile-handle').textContent()).toBe('@nasa');
    expect(await b.popup.getByTestId('profile-handle').textContent()).toBe('@natgeo');
    expect(await rowIds(a.popup)).toEqual(idsOf('nasa'));
    expect(await rowIds(b.popup)).toEqual(idsOf('natgeo'));
  });

  it('a stopped service worker forgets nothing: profile and cached answer survive', async () => {
    const { page, tabId, popup } = await world.popupFor('/nasa/');
    await settledState(popup, ['list']);
    await popup.close();
    expect(world.highlightRequests()).toBe(1);

    await world.browser.stopServiceWorker();
    expect(await world.browser.isWorkerRunning()).toBe(false);

    const reopened = await world.browser.openPopup(tabId);
    expect(await settledState(reopened)).toBe('list');
    expect(await reopened.getByTestId('profile-handle').textContent()).toBe('@nasa');
    expect(await rowIds(reopened)).toEqual(idsOf('nasa'));
    await expect.poll(() => reopened.getByTestId('fetched-at').textContent()).toContain('from cache');
    expect(world.highlightRequests()).toBe(1);
    void page;
  });

  it('a profile detected just before the worker stopped is still known to the popup', async () => {
    const page = await world.browser.newInstagramPage('/natgeo/');
    const tabId = await world.browser.tabIdOf(page);
    await expect.poll(() => actionTitle(world, tabId)).toBe('Highlights of @natgeo');
    await world.browser.stopServiceWorker();
    const popup = await world.browser.openPopup(tabId);
    expect(await settledState(popup)).toBe('list');
    expect(await popup.getByTestId('profile-handle').textContent()).toBe('@natgeo');
  });

  it('a tab that navigated away from Instagram shows no profile', async () => {
    const { page, tabId } = await world.popupFor('/nasa/');
    // Any page outside www.instagram.com: the content script is gone with it.
    await page.goto(`chrome-extension://${world.browser.extensionId}/manifest.json`);
    // Chrome drops per-tab action settings on a cross-document navigation.
    await expect.poll(() => actionTitle(world, tabId)).toBe('Highlight Lookup');
    const popup = await world.browser.openPopup(tabId);
    expect(await settledState(popup)).toBe('no-profile');
    // The popup asked the tab itself; nothing named the old profile again.
    expect(await actionTitle(world, tabId)).toBe('Highlight Lookup');
    // No content script answered there: the popup says how to make a page visible.
    expect(await popup.getByTestId('reload-hint').count()).toBe(1);
  });
});

describe('the extension reloads', () => {
  it('the Instagram tab shows no uncaught errors from the old content script', async () => {
    const page = await world.browser.newInstagramPage('/nasa/');
    const tabId = await world.browser.tabIdOf(page);
    await expect.poll(() => actionTitle(world, tabId)).toBe('Highlights of @nasa');

    // Uncaught exceptions from every world of the page, content scripts' included.
    const cdp = await page.context().newCDPSession(page);
    const exceptions: string[] = [];
    cdp.on('Runtime.exceptionThrown', (event) => exceptions.push(event.exceptionDetails.text));
    const consoleErrors: string[] = [];
    cdp.on('Runtime.consoleAPICalled', (event) => {
      if (event.type === 'error') consoleErrors.push(JSON.stringify(event.args.map((a) => a.value ?? a.description)));
    });
    await cdp.send('Runtime.enable');

    const worker = await world.browser.worker();
    await worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    // The old content script is orphaned now; Instagram keeps navigating.
    await page.waitForTimeout(500);
    for (const path of ['/natgeo/', '/explore/', '/nasa/tagged/']) {
      await page.evaluate((p) => history.pushState({}, '', p), path);
      await page.waitForTimeout(150);
    }
    await page.waitForTimeout(500);
    expect(exceptions).toEqual([]);
    expect(consoleErrors.filter((e) => /extension|context invalidated/i.test(e))).toEqual([]);
  });
});
