/** The options page as a person uses it: the key, the settings, the cache. */
import type { Locator, Page } from 'playwright-core';
import { LOCAL_KEYS } from '../../utils/storage-keys';
import type { ExtensionBrowser } from './browser';
import { until } from './poll';

export const OPTIONS_VIEWPORT = { width: 720, height: 900 };

export class OptionsPage {
  constructor(
    readonly browser: ExtensionBrowser,
    readonly page: Page,
  ) {}

  /** Opens the options page and waits until it has loaded what is saved. */
  static async open(browser: ExtensionBrowser, { viewport }: { viewport?: { width: number; height: number } } = {}): Promise<OptionsPage> {
    const page = await browser.openOptions();
    if (viewport) await page.setViewportSize(viewport);
    const options = new OptionsPage(browser, page);
    await options.loaded();
    return options;
  }

  keyField(): Locator {
    return this.page.getByLabel('API key', { exact: true });
  }

  /** The card around the key field (for a screenshot of it alone). */
  keyCard(): Locator {
    return this.page.locator('section.card').filter({ has: this.keyField() });
  }

  /**
   * Waits until the page has heard from the background: whether a key is saved
   * (returned, as it says it) and the settings (their Save button is enabled
   * then). A choice made before that would be overwritten by the loaded one.
   */
  async loaded(): Promise<string> {
    await until('the options page to load the settings', () => this.page.getByRole('button', { name: 'Save settings' }).isEnabled(), Boolean, 10_000);
    return until(
      'the options page to say whether a key is saved',
      () => this.page.getByTestId('key-state').innerText(),
      (text) => !/^Checking/.test(text),
      10_000,
    );
  }

  /** Waits for the message `testId` to read like `expected` (default: anything); returns it. */
  private message(testId: string, what: string, expected: RegExp = /\S/): Promise<string> {
    return until(`the ${what} message to match ${expected}`, () => this.page.getByTestId(testId).innerText(), (t) => expected.test(t), 10_000);
  }

  keyMessage(expected?: RegExp): Promise<string> {
    return this.message('key-message', 'key', expected);
  }

  settingsMessage(expected?: RegExp): Promise<string> {
    return this.message('settings-message', 'settings', expected);
  }

  cacheMessage(expected?: RegExp): Promise<string> {
    return this.message('cache-message', 'cache', expected);
  }

  testKeyButton(): Locator {
    return this.page.getByRole('button', { name: 'Test key', exact: true });
  }

  /** The live region beside the key field where "Test key" says what it found. */
  keyTestRegion(): Locator {
    return this.page.getByTestId('key-test');
  }

  /** Waits for the "Test key" result to read like `expected` (default: anything but "Testing…"); returns it. */
  keyTestResult(expected: RegExp = /^(?!Testing)\S/): Promise<string> {
    return this.message('key-test', '"Test key"', expected);
  }

  /** Replaces what the key field shows, as a person types it (the saved key shown first). */
  async typeKey(key: string): Promise<void> {
    await this.loaded();
    const field = this.keyField();
    await field.fill('');
    await field.pressSequentially(key, { delay: 10 });
  }

  /** Presses "Test key" and returns the result once it reads like `expected`. */
  async testKey(expected?: RegExp): Promise<string> {
    await this.testKeyButton().click();
    return this.keyTestResult(expected);
  }

  async storedKey(): Promise<unknown> {
    return (await this.browser.getStorage('local', LOCAL_KEYS.apiKey))[LOCAL_KEYS.apiKey];
  }

  /**
   * Types `key` into "API key" as a person would (after the page has shown the
   * saved one), presses Save and waits until the key is stored; returns the
   * page's message.
   */
  async saveKey(key: string): Promise<string> {
    await this.page.bringToFront();
    await this.loaded();
    const field = this.keyField();
    await field.fill('');
    await field.pressSequentially(key, { delay: 10 });
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
    await until(`the key “${key.trim()}” to be stored`, () => this.storedKey(), (stored) => stored === key.trim(), 10_000);
    return this.keyMessage(/Key saved/);
  }

  cacheLifetime(): Locator {
    return this.page.getByLabel('Cache lifetime (hours)');
  }

  copyFormat(): Locator {
    return this.page.getByLabel('“Copy all” copies');
  }

  /** Presses "Save settings"; returns the message once it reads like `expected`. */
  async saveSettings(expected?: RegExp): Promise<string> {
    await this.page.getByRole('button', { name: 'Save settings' }).click();
    return this.settingsMessage(expected);
  }

  /** Presses "Clear cached answers"; returns the message once it reads like `expected`. */
  async clearCache(expected?: RegExp): Promise<string> {
    await this.page.getByRole('button', { name: 'Clear cached answers' }).click();
    return this.cacheMessage(expected);
  }
}
