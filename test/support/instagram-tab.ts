/**
 * A tab on the sample www.instagram.com in Chromium (Playwright): the shared
 * InstagramTabModel (tab-model.ts) plus what Playwright adds — a link clicked
 * inside the app, a full load.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import { playwrightDriver } from './page-driver';
import { InstagramTabModel } from './tab-model';

export { TOOLBAR_TITLE } from './tab-model';

export class InstagramTab extends InstagramTabModel {
  constructor(
    readonly browser: ExtensionBrowser,
    readonly page: Page,
    tabId: number,
  ) {
    super(browser, playwrightDriver(page), tabId);
  }

  /**
   * A new tab at https://www.instagram.com<path>, returned once the content
   * script has reported it: the toolbar title is no longer the default.
   */
  static async open(browser: ExtensionBrowser, path: string): Promise<InstagramTab> {
    const page = await browser.newInstagramPage(path);
    const tab = new InstagramTab(browser, page, await browser.tabIdOf(page));
    await tab.seen(path);
    return tab;
  }

  /** Clicks a link of the site's top navigation; throws if that loaded a page instead of navigating inside it. */
  async clickLink(text: string): Promise<void> {
    await this.page.bringToFront();
    const before = await this.loadId();
    await this.page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: text, exact: true }).click();
    if ((await this.loadId()) !== before) throw new Error(`Clicking “${text}” reloaded the page instead of navigating inside it.`);
  }

  /** A full page load of https://www.instagram.com<path>. */
  async goto(path: string): Promise<void> {
    await this.page.goto(new URL(path, 'https://www.instagram.com/').href);
  }
}
