/**
 * The options page in Firefox: "Test key" and the test a saved key gets at
 * once, through the extension's background and SociaVault's free
 * `/v1/credits`; not one highlights request (each a credit) is sent.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { puppeteerDriver, type PageDriver } from '../support/page-driver';
import { until } from '../support/poll';
import { API_PATHS, DEFAULT_API_KEY } from '../support/sociavault-server';
import { useFirefoxWorld } from './fixture';

const SECOND_KEY = 'sk_live_second_account';
const WRONG_KEY = 'sk_live_not_a_valid_key';

const world = useFirefoxWorld({ validKeys: [DEFAULT_API_KEY, SECOND_KEY] });

const creditsLog = () => world.api.requests.filter((r) => r.path === API_PATHS.credits);

/** The options page, once it shows the saved key (what a person would see before typing). */
async function openOptions(): Promise<{ page: Page; driver: PageDriver }> {
  const page = await world.browser.openExtensionPage('options.html');
  const driver = puppeteerDriver(page);
  await until(
    'the options page to show the saved key',
    () => driver.evaluate(() => (document.getElementById('api-key') as HTMLInputElement | null)?.value ?? null, null),
    (value) => value === DEFAULT_API_KEY,
    10_000,
  );
  return { page, driver };
}

/** What the "Test key" live region says once it says something other than "Testing…". */
function keyTestResult(driver: PageDriver): Promise<string> {
  return until(
    'the "Test key" result',
    () => driver.evaluate(() => document.querySelector('[data-testid="key-test"]')?.textContent ?? '', null),
    (text) => text !== '' && !text.startsWith('Testing'),
    10_000,
  );
}

describe('Test key', () => {
  it('shows the balance and the subscription status of the saved key, and spends no credit', async () => {
    const { driver } = await openOptions();
    await driver.clickButton('Test key');
    expect(await keyTestResult(driver)).toBe('Key works: 1000 credits · active.');
    expect(creditsLog().map((r) => [r.apiKey, r.status])).toEqual([[DEFAULT_API_KEY, 200]]);
    expect(await world.settledHighlightRequests()).toBe(0);
    expect(world.api.credits).toBe(1000);
  });

  it('tests the key typed in the field, and says when SociaVault rejects it (401)', async () => {
    const { driver } = await openOptions();
    await driver.fill('API key', WRONG_KEY);
    await driver.clickButton('Test key');
    expect(await keyTestResult(driver)).toBe('SociaVault rejected this key: Invalid API key. Copy it again from your SociaVault dashboard.');
    expect(creditsLog().map((r) => [r.apiKey, r.status])).toEqual([[WRONG_KEY, 401]]);
    expect((await world.getStorage('local', 'apiKey')).apiKey).toBe(DEFAULT_API_KEY);
    expect(await world.settledHighlightRequests()).toBe(0);
  });

  it('says that SociaVault could not be reached when the connection fails', async () => {
    world.api.failCredits('hangup');
    const { driver } = await openOptions();
    await driver.clickButton('Test key');
    expect(await keyTestResult(driver)).toMatch(/^Could not reach SociaVault, so the key was not checked\./);
    expect(await world.settledHighlightRequests()).toBe(0);
  });

  it('saving a new key tests it at once', async () => {
    const { driver } = await openOptions();
    await driver.fill('API key', SECOND_KEY);
    await driver.clickButton('Save');
    expect(await keyTestResult(driver)).toBe('Key works: 1000 credits · active.');
    expect((await world.getStorage('local', 'apiKey')).apiKey).toBe(SECOND_KEY);
    expect(creditsLog().map((r) => [r.apiKey, r.status])).toEqual([[SECOND_KEY, 200]]);
    expect(await world.settledHighlightRequests()).toBe(0);
  });
});
