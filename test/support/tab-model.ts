/**
 * A tab on the sample www.instagram.com as the extension sees it, in any
 * browser: the toolbar button's title and badge for it (asked through the
 * browser's harness) and the ways the app moves inside itself (through a
 * PageDriver). Chromium's InstagramTab (instagram-tab.ts) and Firefox's
 * (firefox-world.ts) add how a page is loaded in their browser.
 */
import type { PageDriver } from './page-driver';
import { until } from './poll';

/** What the toolbar button's title says (the manifest's default_title, then the background's). */
export const TOOLBAR_TITLE = {
  default: 'Highlight Lookup',
  of: (handle: string) => `Highlights of @${handle}`,
  noProfile: 'no Instagram profile',
} as const;

/** What a harness can tell about the toolbar button for a tab. */
export interface ToolbarReader {
  toolbarTitle(tabId: number): Promise<string>;
  toolbarBadge(tabId: number): Promise<string>;
}

/** What the sample site's page script exposes to tests (see instagram-site.ts). */
interface SampleSiteWindow {
  __spaNavigate(path: string, replace?: boolean): void;
  __spaLoadId: string;
}

export class InstagramTabModel {
  constructor(
    readonly toolbar: ToolbarReader,
    readonly driver: PageDriver,
    readonly tabId: number,
  ) {}

  title(): Promise<string> {
    return this.toolbar.toolbarTitle(this.tabId);
  }

  badge(): Promise<string> {
    return this.toolbar.toolbarBadge(this.tabId);
  }

  /** Waits until the extension has seen the page: the toolbar title is no longer the default. */
  seen(what: string, timeoutMs = 10_000): Promise<string> {
    return until(`the extension to see ${what} (a toolbar title of its own)`, () => this.title(), (t) => t !== TOOLBAR_TITLE.default, timeoutMs);
  }

  /** Waits until the toolbar title names `handle` (null: says there is no profile); returns it. */
  waitForProfile(handle: string | null, timeoutMs = 15_000): Promise<string> {
    const expected = handle === null ? TOOLBAR_TITLE.noProfile : TOOLBAR_TITLE.of(handle);
    return until(`the toolbar title to read “${expected}”`, () => this.title(), (t) => (handle === null ? t.includes(expected) : t === expected), timeoutMs);
  }

  /** Changes with every full page load, never with in-app navigation. */
  loadId(): Promise<string> {
    return this.driver.evaluate(() => (window as unknown as SampleSiteWindow).__spaLoadId, undefined);
  }

  /** Navigates the way the app does: history.pushState, then a re-render. */
  spaNavigate(path: string): Promise<void> {
    return this.driver.evaluate((p) => (window as unknown as SampleSiteWindow).__spaNavigate(p), path);
  }

  /** history.pushState alone, without the app re-rendering. */
  pushState(path: string): Promise<void> {
    return this.driver.evaluate((p) => history.pushState({}, '', p), path);
  }
}
