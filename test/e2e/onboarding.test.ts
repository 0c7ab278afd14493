/**
 * The welcome after a first install: the options page opens by itself with
 * options.html?welcome=1 (what the extension does, where to get a key, that a
 * lookup costs one credit), the focus in the key field; nothing opens after
 * an update. The browser is left as the install made it (no reset).
 */
import { describe, expect, it } from 'vitest';
import type { ChromeApi } from '../support/chrome-api';
import { OptionsPage } from '../support/options-page';
import { until } from '../support/poll';
import { WELCOME_PAGE } from '../support/welcome';
import { useWorld } from './fixture';

declare const chrome: ChromeApi & {
  runtime: { getManifest(): { version: string } };
  contextMenus: { update(id: string, properties: object): Promise<void> };
};

/** The entry the background makes in runtime.onInstalled, after it has decided on the welcome. */
const PROFILE_LINK_MENU_ID = 'highlights-of-profile-link';

const world = useWorld({ welcome: 'keep', reset: false, extensionDebugging: true });

describe('on first install', () => {
  it('opens the options page with the welcome, the focus in the key field, and sends nothing', async () => {
    const welcome = world.browser.welcome!;
    expect(welcome.url()).toBe(`${world.browser.extensionOrigin}/${WELCOME_PAGE}`);
    const options = new OptionsPage(world.browser, welcome);
    expect(await options.loaded()).toBe('No key saved yet.');

    const card = welcome.getByTestId('welcome');
    expect(await card.getByRole('heading').innerText()).toBe('Welcome to Highlight Lookup');
    const words = await card.innerText();
    expect(words).toContain('lists the story highlights of the profile you are looking at, with their IDs');
    expect(words).toContain('paste your SociaVault API key below and press Save');
    expect(words).toContain('Each lookup costs one SociaVault credit.');
    expect(await card.getByRole('link', { name: 'SociaVault dashboard' }).getAttribute('href')).toBe('https://sociavault.com/dashboard');

    await expect.poll(() => welcome.evaluate(() => document.activeElement?.id)).toBe('api-key');
    expect(world.browser.context.pages().filter((page) => page.url().includes('welcome=1'))).toHaveLength(1);
    expect(world.api.requests).toEqual([]);
  });

  it('the options page opened any other way has no welcome and leaves the focus alone', async () => {
    const options = await OptionsPage.open(world.browser);
    expect(await options.page.getByTestId('welcome').count()).toBe(0);
    expect(await options.page.evaluate(() => document.activeElement?.id ?? '')).not.toBe('api-key');
    await options.page.close();
  });
});

describe('after an update', () => {
  it('opens nothing: a newer version installed over it runs its install listener, and no welcome tab comes', async () => {
    await world.browser.welcome!.close();
    // A tab that outlives the update (the extension's own pages close with it).
    const blank = await world.browser.context.newPage();
    await world.browser.updateExtension('0.1.1');

    // The updated worker has made its menu in runtime.onInstalled (reason "update"), after
    // the welcome would have been asked for; the tabs it sees are asked for after that.
    const tabs = await until(
      'the updated service worker to make the profile-link menu in runtime.onInstalled',
      async () => {
        const next = world.browser.context.serviceWorkers().find((w) => w.url().startsWith(`${world.browser.extensionOrigin}/`));
        if (!next) return null;
        expect(await next.evaluate(() => chrome.runtime.getManifest().version)).toBe('0.1.1');
        await next.evaluate((id) => chrome.contextMenus.update(id, {}), PROFILE_LINK_MENU_ID);
        return next.evaluate(() => chrome.tabs.query({}));
      },
      (found) => found !== null,
      15_000,
    );
    expect(tabs).toHaveLength(1);
    expect(world.browser.context.pages()).toEqual([blank]);
  });
});
