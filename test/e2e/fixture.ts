import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../support/browser';
import type { ChromeApi } from '../support/chrome-api';
import { startInstagramSite, type InstagramSite } from '../support/instagram-site';
import { DEFAULT_SCENARIOS, type ProfileScenario } from '../support/scenarios';
import { DEFAULT_API_KEY, startSociaVault, type SociaVaultServer } from '../support/sociavault-server';
import { createTestCertificate } from '../support/tls';

declare const chrome: ChromeApi;

/** One browser with the built extension, the fake Instagram and the fake SociaVault. */
export interface World {
  browser: ExtensionBrowser;
  api: SociaVaultServer;
  site: InstagramSite;
  /** Back to a fresh install with the test key saved, and a fresh server. */
  reset(options?: { apiKey?: string | null }): Promise<void>;
  /** Opens an Instagram page and the popup for its tab. */
  popupFor(path: string): Promise<{ page: Page; popup: Page; tabId: number }>;
  /** Highlights requests the API received (each one a credit when it answered 200). */
  highlightRequests(): number;
  close(): Promise<void>;
}

/** `http2`: the stand-in SociaVault speaks HTTP/2 (see SociaVaultOptions.http2). */
export async function startWorld(options: { httpThrottling?: boolean; http2?: boolean } = {}): Promise<World> {
  const tls = createTestCertificate();
  const api = await startSociaVault({ tls, http2: options.http2 });
  const site = await startInstagramSite({ tls });
  const browser = await launchExtension({
    instagramPort: site.port,
    apiPort: api.port,
    spkiHash: tls.spkiHash,
    httpThrottling: options.httpThrottling,
  });

  const world: World = {
    browser,
    api,
    site,
    async reset({ apiKey = DEFAULT_API_KEY } = {}) {
      for (const page of browser.context.pages().slice(1)) await page.close();
      await browser.setStorage('local', { highlightCache: {}, ownerIds: {}, settings: { cacheTtlHours: 24, autoLookup: false, copyFormat: 'lines' } });
      await browser.setStorage('local', { apiKey });
      api.reset();
    },
    async popupFor(path) {
      const page = await browser.newInstagramPage(path);
      const tabId = await browser.tabIdOf(page);
      await waitForReport(world, tabId);
      const popup = await browser.openPopup(tabId);
      return { page, popup, tabId };
    },
    highlightRequests: () => api.requests.filter((r) => r.path === '/v1/scrape/instagram/highlights').length,
    async close() {
      await browser.close();
      await Promise.all([api.close(), site.close()]);
    },
  };
  return world;
}

/** The toolbar button's title for a tab. */
export async function actionTitle(world: World, tabId: number): Promise<string> {
  const worker = await world.browser.worker();
  return worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
}

/** The toolbar button's badge for a tab. */
export async function badgeText(world: World, tabId: number): Promise<string> {
  const worker = await world.browser.worker();
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Waits until the content script has reported the page (the toolbar title changes from the default). */
async function waitForReport(world: World, tabId: number): Promise<void> {
  await expect.poll(() => actionTitle(world, tabId), { timeout: 10_000 }).not.toBe('Highlight Lookup');
}

/** The popup's state attribute, once it has settled on one of `states`. */
export async function settledState(popup: Page, states: string[] = ['list', 'empty', 'error', 'no-key', 'no-profile']) {
  const main = popup.locator('main[data-state]');
  await expect.poll(() => main.getAttribute('data-state'), { timeout: 15_000 }).toSatisfy((s) => states.includes(String(s)));
  return main.getAttribute('data-state');
}

export async function rowIds(popup: Page): Promise<string[]> {
  return popup.locator('[data-testid="highlight-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id') ?? ''));
}

/**
 * One world per test file, started before its first test, reset before each
 * test and closed after the last. The object is filled in by beforeAll.
 */
export function useWorld(options: { httpThrottling?: boolean; http2?: boolean } = {}): World {
  const world = {} as World;
  beforeAll(async () => {
    Object.assign(world, await startWorld(options));
  });
  afterAll(async () => {
    await world.close?.();
  });
  beforeEach(async () => {
    await world.reset();
  });
  return world;
}

/** The highlight IDs the stand-in API sends for a profile, in order. */
export function idsOf(handle: string): string[] {
  return (DEFAULT_SCENARIOS[handle] as ProfileScenario).highlights.map((h) => h.id);
}
