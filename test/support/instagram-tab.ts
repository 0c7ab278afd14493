/**
 * A tab on the sample www.instagram.com, as the extension sees it: its
 * chrome.tabs id, the toolbar button's title and badge for it, and the ways
 * the page moves (a link clicked inside the app, the app's own navigation, a
 * bare pushState, a full load).
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import { until } from './poll';

/** What the toolbar button's title says (the manifest's default_title, then the background's). */
export const TOOLBAR_TITLE = {
  default: 'Highlight Lookup',
  of: (handle: string) => `Highlights of @${handle}`,
  noProfile: 'no Instagram profile',
} as const;

/** What the sample site's page script exposes to tests (see instagram-site.ts). */
interface SampleSiteWindow {
  __spaNavigate(path: string, replace?: boolean): void;
  __spaLoadId: string;
}

export class InstagramTab {
  constructor(
    readonly browser: ExtensionBrowser,
    readonly page: Page,
    readonly tabId: number,
  ) {}

  /**
   * A new tab at https://www.instagram.com<path>, returned once the content
   * script has reported it: the toolbar title is no longer the default.
   */
  static async open(browser: ExtensionBrowser, path: string): Promise<InstagramTab> {
    const page = await browser.newInstagramPage(path);
    const tab = new InstagramTab(browser, page, await browser.tabIdOf(page));
    await until(`the extension to see ${path} (a toolbar title of its own)`, () => tab.title(), (t) => t !== TOOLBAR_TITLE.default, 10_000);
    return tab;
  }

  title(): Promise<string> {
    return this.browser.toolbarTitle(this.tabId);
  }

  badge(): Promise<string> {
    return this.browser.toolbarBadge(this.tabId);
  }

  /** Waits until the toolbar title names `handle` (null: says there is no profile); returns it. */
  waitForProfile(handle: string | null, timeoutMs = 15_000): Promise<string> {
    const expected = handle === null ? TOOLBAR_TITLE.noProfile : TOOLBAR_TITLE.of(handle);
    return until(`the toolbar title to read “${expected}”`, () => this.title(), (t) => (handle === null ? t.includes(expected) : t === expected), timeoutMs);
  }

  /** Changes with every full page load, never with in-app navigation. */
  loadId(): Promise<string> {
    return this.page.evaluate(() => (window as unknown as SampleSiteWindow).__spaLoadId);
  }

  /** Clicks a link of the site's top navigation; throws if that loaded a page instead of navigating inside it. */
  async clickLink(text: string): Promise<void> {
    await this.page.bringToFront();
    const before = await this.loadId();
    await this.page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: text, exact: true }).click();
    if ((await this.loadId()) !== before) throw new Error(`Clicking “${text}” reloaded the page instead of navigating inside it.`);
  }

  /** Navigates the way the app does: history.pushState, then a re-render. */
  spaNavigate(path: string): Promise<void> {
    return this.page.evaluate((p) => (window as unknown as SampleSiteWindow).__spaNavigate(p), path);
  }

  /** history.pushState alone, without the app re-rendering. */
  pushState(path: string): Promise<void> {
    return this.page.evaluate((p) => history.pushState({}, '', p), path);
  }

  /** A full page load of https://www.instagram.com<path>. */
  async goto(path: string): Promise<void> {
    await this.page.goto(new URL(path, 'https://www.instagram.com/').href);
  }
}
