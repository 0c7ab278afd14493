/**
 * The popup as a person uses it. It runs as popup.html?tab=<id> in a tab of
 * its own: Playwright cannot see the real toolbar popup.
 */
import type { Locator, Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import { until } from './poll';

/** The values of `<main data-state>` once the popup is done loading. */
export const SETTLED_STATES = ['list', 'empty', 'error', 'no-key', 'no-profile'] as const;
export type SettledState = (typeof SETTLED_STATES)[number];

export const POPUP_VIEWPORT = { width: 360, height: 640 };

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

/** The texts the copy status took, recorded in the page (a notice fades after two seconds). */
interface CopyNoticeWindow {
  __copyNotices?: string[];
}

export class Popup {
  constructor(readonly page: Page) {}

  /** Opens the popup for a tab, or without `tabId` as a page of its own. */
  static async open(browser: ExtensionBrowser, tabId?: number, options: PopupOpenOptions = {}): Promise<Popup> {
    const page = await browser.context.newPage();
    if (options.viewport) await page.setViewportSize(options.viewport);
    await options.beforeLoad?.(page);
    const search = options.search ?? (tabId === undefined ? '' : `?tab=${tabId}`);
    await page.goto(`${browser.extensionOrigin}/popup.html${search}`);
    return new Popup(page);
  }

  get main(): Locator {
    return this.page.locator('main[data-state]');
  }

  state(): Promise<string | null> {
    return this.main.getAttribute('data-state');
  }

  /** `data-error`: the kind of failure shown, or null. */
  errorKind(): Promise<string | null> {
    return this.main.getAttribute('data-error');
  }

  /** What the popup shows, in one line: its state, error kind and text. */
  async describe(): Promise<string> {
    return this.page
      .evaluate(() => {
        const main = document.querySelector('main');
        const text = (main?.innerText ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
        return `data-state=${main?.getAttribute('data-state')} data-error=${main?.getAttribute('data-error') ?? '-'}: “${text}”`;
      })
      .catch((error: unknown) => `(could not read the popup: ${String(error)})`);
  }

  /**
   * Waits until the popup shows one of `expected` (default: any settled state)
   * and, when `error` is given, that kind of error; returns the state. The
   * error on timeout says what the popup shows instead.
   */
  async settled(expected: SettledState | readonly SettledState[] = SETTLED_STATES, error?: string, timeoutMs = 15_000): Promise<string> {
    const states: readonly string[] = typeof expected === 'string' ? [expected] : expected;
    const wanted = `${states.join(' or ')}${error ? ` (${error})` : ''}`;
    const seen = await until(
      `the popup to show ${wanted}`,
      async () => ({ state: await this.state(), error: await this.errorKind() }),
      (s) => states.includes(String(s.state)) && (error === undefined || s.error === error),
      timeoutMs,
    ).catch(async (failure: Error) => {
      throw new Error(`${failure.message.replace(/ \(last seen.*$/, '')}. The popup shows ${await this.describe()}`);
    });
    return String(seen.state);
  }

  /** The profile named in the header, e.g. "@nasa". */
  async handle(): Promise<string> {
    return ((await this.page.getByTestId('profile-handle').textContent()) ?? '').trim();
  }

  rows(): Locator {
    return this.page.locator('[data-testid="highlight-row"]');
  }

  /** Every row's ID, once a long list has finished rendering in steps (data-rendered="all"). */
  async rowIds(): Promise<string[]> {
    await until(
      'the list to render all its rows',
      () => this.page.locator('ul.highlights[data-rendered="partial"]').count(),
      (partial) => partial === 0,
    );
    return this.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id') ?? ''));
  }

  /** "from cache", "just now", … */
  async fetchedAt(): Promise<string> {
    return ((await this.page.getByTestId('fetched-at').textContent()) ?? '').trim();
  }

  copyStatus(): Promise<string> {
    return this.page.getByTestId('copy-status').innerText();
  }

  /** Clicks a row's copy button; returns the notice it gave ("Copied …"). */
  copyId(id: string): Promise<string> {
    return this.copyWith(this.page.getByRole('button', { name: `Copy ID ${id}`, exact: true }));
  }

  /** Clicks "Copy all IDs" (or the button named `label`, e.g. "Copy all as CSV"); returns the notice. */
  copyAll(label = 'Copy all IDs'): Promise<string> {
    return this.copyWith(this.page.getByRole('button', { name: label }));
  }

  /** Clicks the copy button of the profile's numeric user ID; returns the notice. */
  copyUserId(ownerId: string): Promise<string> {
    return this.copyWith(this.page.getByRole('button', { name: `Copy user ID ${ownerId}`, exact: true }));
  }

  /**
   * Clicks a copy button in the focused popup (the clipboard serves focused
   * documents only) and returns the first notice after it. The notices are
   * recorded in the page as they appear, so one that fades before it is
   * looked at is not missed.
   */
  private async copyWith(button: Locator): Promise<string> {
    await this.page.bringToFront();
    await this.page.evaluate(() => {
      const status = document.querySelector('[data-testid="copy-status"]');
      const w = window as CopyNoticeWindow;
      w.__copyNotices = [];
      if (!status) return;
      new MutationObserver(() => {
        const text = (status.textContent ?? '').trim();
        if (text) w.__copyNotices?.push(text);
      }).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await button.click();
    const notices = await until(
      'the popup to say what it copied',
      () => this.page.evaluate(() => (window as CopyNoticeWindow).__copyNotices ?? []),
      (seen) => seen.length > 0,
      5_000,
    );
    return notices[0]!;
  }

  /** What the clipboard holds, read from the popup brought to the front. */
  async readClipboard(): Promise<string> {
    await this.page.bringToFront();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Clicks Refresh (a new request, one credit). */
  async refresh(): Promise<void> {
    await this.page.bringToFront();
    await this.page.getByRole('button', { name: /Refresh/ }).click();
  }

  lookupField(): Locator {
    return this.page.getByLabel('Instagram handle or profile URL');
  }

  /** Puts `input` into the lookup form (typed key by key with `typed`, else pasted) and presses Look up. */
  async lookUp(input: string, { typed = false } = {}): Promise<void> {
    const field = this.lookupField();
    if (typed) {
      await field.click();
      await field.pressSequentially(input, { delay: 10 });
    } else {
      await field.fill(input);
    }
    await this.page.getByRole('button', { name: 'Look up', exact: true }).click();
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
