/**
 * Proves the Firefox harness itself (test/support/firefox.ts): if these fail,
 * no other Firefox result means anything.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConsoleEntry } from '../support/console-entries';
import { until } from '../support/poll';
import { TOOLBAR_TITLE, useFirefoxWorld } from './fixture';

const world = useFirefoxWorld();

describe('Firefox with the extension', () => {
  it('runs the Firefox build, at the moz-extension:// host set by pref', async () => {
    expect(world.browser.version).toMatch(/^firefox\/\d+/);
    expect(world.browser.extensionOrigin).toMatch(/^moz-extension:\/\/[0-9a-f-]{36}$/);
    expect(await world.browser.control.evaluate(() => location.origin)).toBe(world.browser.extensionOrigin);
  });

  it('reaches the stand-in www.instagram.com by its name, over TLS it trusts, and no other host', async () => {
    const tab = await world.instagram('/nasa/');
    expect(tab.page.url()).toBe('https://www.instagram.com/nasa/');
    expect(await tab.page.evaluate(() => document.querySelector('[data-testid="profile-username"]')?.textContent)).toBe('nasa');
    expect(await tab.title()).toBe(TOOLBAR_TITLE.of('nasa'));
    // What the proxy tunnels, and what it refuses (there is no internet to reach).
    expect(world.proxy.log).toContain(`www.instagram.com:443 → ${world.site.port}`);
    const elsewhere = await tab.page.evaluate(() => fetch('https://example.com/').then(() => 'reached', () => 'refused'));
    expect(elsewhere).toBe('refused');
  });

  it('stops the background page for real; the next event starts it again', async () => {
    const tab = await world.instagram('/nasa/');
    await world.browser.stopBackground();
    expect(await world.browser.backgroundState()).toBe('stopped');
    // The content script's report of an in-app navigation wakes it.
    await tab.pushState('/natgeo/');
    await tab.waitForProfile('natgeo');
    expect(await world.browser.backgroundState()).toBe('running');
  });

  it('Firefox quirk, pinned: unloading the background page logs "sendRemoveListener on closed conduit" for menus.onClicked', async () => {
    // Why FIREFOX_QUIRKS (firefox.ts) lets this one message through. When this
    // test fails, Firefox has changed: drop the quirk from the list.
    await world.instagram('/nasa/');
    expect(await world.browser.backgroundState()).toBe('running');
    const ignoredBefore = world.browser.console.ignored.length;
    await world.browser.stopBackground();
    expect(await world.browser.console.take()).toEqual([]);
    expect(world.browser.console.ignored.slice(ignoredBefore).map((e) => e.text)).toContainEqual(
      expect.stringMatching(/^\[JavaScript Error: "sendRemoveListener on closed conduit [^"]+"[\s\S]*api\.menus\.onClicked[\s\S]* — Firefox's own/),
    );
  });

  it('reads what the extension copied from the browser’s clipboard', async () => {
    const { popup } = await world.popupFor('/natgeo/');
    await popup.settled('list');
    const [only] = await popup.rowIds();
    await popup.copyId(only!);
    expect(await popup.readClipboard()).toBe(only);
  });
});

describe('the console watch', () => {
  it("sees an extension page's console calls and uncaught errors", async () => {
    const popup = await world.popup();
    await popup.settled('no-profile');
    await popup.page.evaluate(() => console.warn('e2e canary: popup'));
    await popup.page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          setTimeout(() => {
            throw new Error('e2e canary: uncaught');
          });
          setTimeout(resolve, 50);
        }),
    );
    const seen = await world.browser.console.take();
    expect(seen.map((e) => e.text)).toEqual([
      expect.stringMatching(/^console\.warn: "e2e canary: popup"/),
      expect.stringContaining('Error: e2e canary: uncaught'),
    ]);
    expect(seen[1]!.text).toContain(`${world.browser.extensionOrigin}/popup.html`);
    expect(await world.browser.console.take()).toEqual([]);
  });

  it('lets the reset excuse only what matches, and keeps the rest for the test', async () => {
    const popup = await world.popup();
    await popup.settled('no-profile');
    await popup.page.evaluate(() => {
      console.warn('e2e canary: excused');
      console.warn('e2e canary: kept');
    });
    const ignoredBefore = world.browser.console.ignored.length;
    await world.browser.console.excuse(/e2e canary: excused/, 'a test of excuse');
    expect(world.browser.console.ignored.slice(ignoredBefore).map((e) => e.text)).toEqual([
      expect.stringMatching(/^console\.warn: "e2e canary: excused"[\s\S]* — the harness's own: a test of excuse$/),
    ]);
    expect((await world.browser.console.take()).map((e) => e.text)).toEqual([expect.stringMatching(/^console\.warn: "e2e canary: kept"/)]);
    expect(await world.browser.console.take()).toEqual([]);
  });

  it("sees a background page's and a content script's console calls (a second extension that logs, installed for this test)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hl-e2e-canary-'));
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        name: 'e2e console canary',
        version: '1.0',
        browser_specific_settings: { gecko: { id: 'console-canary@e2e.test' } },
        background: { scripts: ['background.js'] },
        content_scripts: [{ matches: ['https://www.instagram.com/*'], js: ['content.js'] }],
      }),
    );
    writeFileSync(join(dir, 'background.js'), "console.error('e2e canary: background');\n");
    writeFileSync(join(dir, 'content.js'), "console.warn('e2e canary: content script');\n");
    const id = await world.browser.browser.installExtension(dir);
    try {
      await world.instagram('/nasa/');
      const seen: ConsoleEntry[] = [];
      await until(
        'both canaries on the console',
        async () => {
          seen.push(...(await world.browser.console.take()));
          return seen.map((e) => e.text).sort();
        },
        (texts) => texts.length >= 2,
        10_000,
      );
      expect(seen.map((e) => e.text).sort()).toEqual([
        'console.error: "e2e canary: background"',
        'console.warn: "e2e canary: content script"',
      ]);
    } finally {
      await world.browser.browser.uninstallExtension(id);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
