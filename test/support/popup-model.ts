/**
 * The popup as a person uses it, in any browser: what it shows (read from the
 * page) and what a person does there (through a PageDriver). The Chromium
 * model (popup.ts, Playwright) and the Firefox one (firefox-world.ts,
 * puppeteer-core) are this class with a driver and a clipboard reader of
 * their own; the selectors and the texts a test expects are written here once.
 */
import type { PageDriver } from './page-driver';
import { until } from './poll';

/** The values of `<main data-state>` once the popup is done loading. */
export const SETTLED_STATES = ['list', 'empty', 'error', 'no-key', 'no-profile'] as const;
export type SettledState = (typeof SETTLED_STATES)[number];

export const POPUP_VIEWPORT = { width: 360, height: 640 };

/** Where the popup's parts are (data-testid and the like). */
export const POPUP_SELECTORS = {
  main: 'main[data-state]',
  row: '[data-testid="highlight-row"]',
  handle: '[data-testid="profile-handle"]',
  fetchedAt: '[data-testid="fetched-at"]',
  copyStatus: '[data-testid="copy-status"]',
  ownerId: '[data-testid="owner-id"]',
  emptyMessage: '[data-testid="empty-message"]',
  alert: '[role="alert"]',
} as const;

/** The names a person reads on the popup's controls. */
export const POPUP_LABELS = {
  copyId: (id: string) => `Copy ID ${id}`,
  copyUserId: (id: string) => `Copy user ID ${id}`,
  copyAll: 'Copy all IDs',
  refresh: /Refresh/,
  lookupField: 'Instagram handle or profile URL',
  lookUp: 'Look up',
  openOptions: 'Open options',
  tryAgain: 'Try again',
  /** The list's menu button: downloads and the collection are in its menu. */
  menu: 'More: downloads and the collection',
} as const;

/** popup.html in a tab of its own: for the tab `tabId` (popup.html?tab=<id>), or standalone. */
export function popupPath(tabId?: number): string {
  return tabId === undefined ? 'popup.html' : `popup.html?tab=${tabId}`;
}

/** The texts the copy status took, recorded in the page (a notice fades after two seconds). */
interface CopyNoticeWindow {
  __copyNotices?: string[];
}

export class PopupModel {
  constructor(readonly driver: PageDriver) {}

  /** The trimmed text of the first element matching `selector`, or null when there is none. */
  textAt(selector: string): Promise<string | null> {
    return this.driver.evaluate((s) => document.querySelector(s)?.textContent?.trim() ?? null, selector);
  }

  /** `data-state`: what the popup shows (null before it renders). */
  state(): Promise<string | null> {
    return this.driver.evaluate((s) => document.querySelector(s)?.getAttribute('data-state') ?? null, POPUP_SELECTORS.main);
  }

  /** `data-error`: the kind of failure shown, or null. */
  errorKind(): Promise<string | null> {
    return this.driver.evaluate((s) => document.querySelector(s)?.getAttribute('data-error') ?? null, POPUP_SELECTORS.main);
  }

  /** What the popup shows, in one line: its state, error kind and text. */
  async describe(): Promise<string> {
    return this.driver
      .evaluate(() => {
        const main = document.querySelector('main');
        const text = (main?.innerText ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
        return `data-state=${main?.getAttribute('data-state')} data-error=${main?.getAttribute('data-error') ?? '-'}: “${text}”`;
      }, undefined)
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
    return (await this.textAt(POPUP_SELECTORS.handle)) ?? '';
  }

  /** The highlight IDs listed, in order, once a long list has rendered every row in its steps (data-rendered="all"). */
  async rowIds(): Promise<string[]> {
    await until(
      'the list to render all its rows',
      () => this.driver.evaluate(() => document.querySelectorAll('.highlights[data-rendered="partial"]').length, undefined),
      (partial) => partial === 0,
    );
    return this.driver.evaluate(
      (s) => [...document.querySelectorAll(s)].map((row) => row.getAttribute('data-id') ?? ''),
      POPUP_SELECTORS.row,
    );
  }

  /** "from cache", "just now", …: drawn after the list's first paint, so waited for. */
  async fetchedAt(): Promise<string> {
    return (await until('the list to say when it was fetched', () => this.textAt(POPUP_SELECTORS.fetchedAt), (text) => text !== null)) ?? '';
  }

  /** The text of the popup's alert (an error's explanation), or "". */
  async alertText(): Promise<string> {
    return (await this.textAt(POPUP_SELECTORS.alert)) ?? '';
  }

  /** Clicks a row's copy button; returns the notice it gave ("Copied …"). */
  copyId(id: string): Promise<string> {
    return this.copyWith(POPUP_LABELS.copyId(id));
  }

  /** Clicks "Copy all IDs" (or the button named `label`, e.g. "Copy all as CSV"); returns the notice. */
  copyAll(label: string = POPUP_LABELS.copyAll): Promise<string> {
    return this.copyWith(label);
  }

  /** Clicks the copy button of the profile's numeric user ID; returns the notice. */
  copyUserId(ownerId: string): Promise<string> {
    return this.copyWith(POPUP_LABELS.copyUserId(ownerId));
  }

  /**
   * Clicks a copy button in the focused popup (the clipboard serves focused
   * documents only) and returns the first notice after it. The notices are
   * recorded in the page as they appear, so one that fades before it is
   * looked at is not missed.
   */
  private async copyWith(buttonName: string): Promise<string> {
    await this.driver.bringToFront();
    await this.driver.evaluate((selector) => {
      const status = document.querySelector(selector);
      const w = window as CopyNoticeWindow;
      w.__copyNotices = [];
      if (!status) return;
      new MutationObserver(() => {
        const text = (status.textContent ?? '').trim();
        if (text) w.__copyNotices?.push(text);
      }).observe(status, { childList: true, characterData: true, subtree: true });
    }, POPUP_SELECTORS.copyStatus);
    await this.driver.clickButton(buttonName);
    const notices = await until(
      'the popup to say what it copied',
      () => this.driver.evaluate(() => (window as CopyNoticeWindow).__copyNotices ?? [], undefined),
      (seen) => seen.length > 0,
      5_000,
    );
    return notices[0]!;
  }

  /**
   * Opens the list's menu (Download CSV, Download JSON, Add to collection,
   * Open the collection) and waits for it, its code loaded on first use.
   */
  async openMenu(): Promise<void> {
    await this.driver.clickButton(POPUP_LABELS.menu);
    await until('the list’s menu to open', () => this.driver.evaluate(() => document.querySelector('#list-menu') !== null, undefined), Boolean, 10_000);
  }

  /** Clicks Refresh (a new request, one credit). */
  async refresh(): Promise<void> {
    await this.driver.bringToFront();
    await this.driver.clickButton(POPUP_LABELS.refresh);
  }

  /** Puts `input` into the lookup form and presses Look up. */
  async lookUp(input: string): Promise<void> {
    await this.driver.fill(POPUP_LABELS.lookupField, input);
    await this.driver.clickButton(POPUP_LABELS.lookUp);
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
