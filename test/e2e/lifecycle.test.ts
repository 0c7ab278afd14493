/**
 * Tabs and the service worker's life: what a browser does to an extension
 * between two clicks. (The extension's own reload: extension-reload.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { AUTO_LOOKUPS_PER_MINUTE } from '../../utils/limits';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { LOCAL_KEYS } from '../../utils/storage-keys';
import { until } from '../support/poll';
import { DEFAULT_SCENARIOS, loadProfiles } from '../support/scenarios';
import { idsOf, TOOLBAR_TITLE, useWorld } from './fixture';

/** Profiles never looked up before, for automatic lookups: cap0 … cap11. */
const FRESH = Array.from({ length: 12 }, (_, i) => `cap${i}`);

const world = useWorld({ scenarios: { ...DEFAULT_SCENARIOS, ...loadProfiles(FRESH.length, 'cap') } });

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

describe('automatic lookups and the stopped worker', () => {
  it(`the cap on automatic lookups (${AUTO_LOOKUPS_PER_MINUTE} a minute) survives the worker being stopped in between`, async () => {
    await world.setStorage('local', { [LOCAL_KEYS.settings]: { ...DEFAULT_SETTINGS, autoLookup: true } });
    const tab = await world.instagram('/explore/');
    const visit = async (handle: string) => {
      await tab.spaNavigate(`/${handle}/`);
      await tab.waitForProfile(handle);
    };
    /** The most highlights requests sent in any 60 s window (all of them automatic here). */
    const busiestMinute = () => {
      const times = world.highlightLog().map((r) => r.at);
      return Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + 60_000).length));
    };
    /**
     * Stopping the worker ends whatever the visits started in it: a lookup has sent its request
     * by then (the stop takes longer than a loopback request) or never will. Then every answer is in.
     */
    const settleVisits = async () => {
      await world.stopWorker();
      await until('every request to be answered', () => world.highlightLog().every((r) => r.status !== 0), Boolean);
    };

    // Six new profiles in a row: the minute's lookups are taken, the sixth is not looked up.
    for (const handle of FRESH.slice(0, 6)) await visit(handle);
    await until('the minute’s automatic lookups', () => world.highlightRequests(), (n) => n >= AUTO_LOOKUPS_PER_MINUTE);
    await settleVisits();
    const first = world.highlightLog().map((r) => r.query.handle);
    expect(first).toHaveLength(AUTO_LOOKUPS_PER_MINUTE);
    expect(new Set(first).size).toBe(AUTO_LOOKUPS_PER_MINUTE);

    // A fresh worker for the next visits, within the same minute: it remembers what was taken.
    for (const handle of FRESH.slice(6)) await visit(handle);
    await settleVisits();
    expect(busiestMinute()).toBeLessThanOrEqual(AUTO_LOOKUPS_PER_MINUTE);
  });
});
