/**
 * The welcome after a first install, in Firefox: the temporary add-on's
 * install opens options.html?welcome=1 with the focus in the key field, and
 * sends nothing. The browser is left as the install made it (no reset).
 */
import { describe, expect, it } from 'vitest';
import { puppeteerDriver } from '../support/page-driver';
import { WELCOME_PAGE } from '../support/welcome';
import { useFirefoxWorld } from './fixture';

const world = useFirefoxWorld({ welcome: 'keep', reset: false });

describe('on first install', () => {
  it('opens the options page with the welcome, the focus in the key field, and sends nothing', async () => {
    const welcome = puppeteerDriver(world.browser.welcome!);
    const seen = await welcome.evaluate(
      () => ({
        url: location.href,
        heading: document.querySelector('[data-testid="welcome"] h2')?.textContent ?? null,
        words: document.querySelector('[data-testid="welcome"]')?.textContent ?? '',
        dashboard: document.querySelector<HTMLAnchorElement>('[data-testid="welcome"] a')?.href ?? null,
      }),
      null,
    );
    expect(seen.url).toBe(`${world.browser.extensionOrigin}/${WELCOME_PAGE}`);
    expect(seen.heading).toBe('Welcome to Highlight Lookup');
    expect(seen.words).toContain('Each lookup costs one SociaVault credit.');
    expect(seen.dashboard).toBe('https://sociavault.com/dashboard');
    await expect.poll(() => welcome.evaluate(() => document.activeElement?.id ?? null, null)).toBe('api-key');
    expect(world.api.requests).toEqual([]);
  });
});
