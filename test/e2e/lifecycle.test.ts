/**
 * Tabs and the service worker's life: what a browser does to an extension
 * between two clicks. (The extension's own reload: extension-reload.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { idsOf, TOOLBAR_TITLE, useWorld } from './fixture';

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
