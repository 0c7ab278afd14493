/**
 * The popup in Chromium (Playwright). It runs as popup.html?tab=<id> in a tab
 * of its own: Playwright cannot see the real toolbar popup. What it shows and
 * what a person does there is the shared PopupModel (popup-model.ts); this
 * adds Playwright's locators for tests that look closer, and the clipboard.
 */
import type { Locator, Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import { playwrightDriver } from './page-driver';
import { POPUP_LABELS, POPUP_SELECTORS, PopupModel, popupPath } from './popup-model';

export { POPUP_VIEWPORT, SETTLED_STATES, type SettledState } from './popup-model';

export interface PopupOpenOptions {
  viewport?: { width: number; height: number };
  /** The address's query instead of `?tab=<id>`, e.g. `?handle=nasa` (what the context menu opens). */
  search?: string;
  /** Runs on the blank page before the popup loads, e.g. to record its requests from the first byte. */
  beforeLoad?: (page: Page) => Promise<void>;
}

/** What a person reads in an element: its rendered text on one line. */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

export class Popup extends PopupModel {
  constructor(readonly page: Page) {
    super(playwrightDriver(page));
  }

  /** Opens the popup for a tab, or without `tabId` as a page of its own. */
  static async open(browser: ExtensionBrowser, tabId?: number, options: PopupOpenOptions = {}): Promise<Popup> {
    const page = await browser.newPage();
    if (options.viewport) await page.setViewportSize(options.viewport);
    await options.beforeLoad?.(page);
    await page.goto(`${browser.extensionOrigin}/${options.search === undefined ? popupPath(tabId) : `popup.html${options.search}`}`);
    return new Popup(page);
  }

  get main(): Locator {
    return this.page.locator(POPUP_SELECTORS.main);
  }

  rows(): Locator {
    return this.page.locator(POPUP_SELECTORS.row);
  }

  copyStatus(): Promise<string> {
    return this.page.locator(POPUP_SELECTORS.copyStatus).innerText();
  }

  /** What the clipboard holds, read from the popup brought to the front. */
  async readClipboard(): Promise<string> {
    await this.page.bringToFront();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  lookupField(): Locator {
    return this.page.getByLabel(POPUP_LABELS.lookupField);
  }

  /** Puts `input` into the lookup form (typed key by key with `typed`, else pasted) and presses Look up. */
  override async lookUp(input: string, { typed = false } = {}): Promise<void> {
    if (!typed) return super.lookUp(input);
    const field = this.lookupField();
    await field.click();
    await field.pressSequentially(input, { delay: 10 });
    await this.driver.clickButton(POPUP_LABELS.lookUp);
  }
}
