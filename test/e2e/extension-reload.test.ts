/**
 * The extension reloads (chrome.runtime.reload(), as after an update or a
 * click in chrome://extensions) while an Instagram tab is open: the content
 * script left in that tab must not throw. A browser of its own: under this
 * harness (extension loaded by --load-extension) the reloaded extension never
 * comes back, so no later test could use the browser.
 */
import { describe, expect, it } from 'vitest';
import type { ChromeApi } from '../support/chrome-api';
import { contentScriptContext, evaluateIn, trackContexts } from '../support/page-worlds';
import { until } from '../support/poll';
import { useWorld } from './fixture';

declare const chrome: ChromeApi & { runtime: { reload(): void } };

const world = useWorld({ ownBrowser: true });

describe('the extension reloads', () => {
  it('the Instagram tab shows no uncaught errors from the old content script', async () => {
    const { page } = await world.instagram('/nasa/');

    // Uncaught exceptions from every world of the page, content scripts' included.
    const cdp = await page.context().newCDPSession(page);
    const exceptions: string[] = [];
    cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: d }) =>
      exceptions.push(d.exception?.description?.split('\n')[0] ?? d.text),
    );
    const consoleErrors: string[] = [];
    cdp.on('Runtime.consoleAPICalled', (event) => {
      if (event.type === 'error') consoleErrors.push(JSON.stringify(event.args.map((a) => a.value ?? a.description)));
    });
    const content = await contentScriptContext(await trackContexts(cdp), world.browser.extensionOrigin);

    const worker = await world.browser.worker();
    await worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    // The old content script is orphaned once its world no longer has an extension id.
    await until(
      'the old content script to lose its extension',
      () => evaluateIn(cdp, 'typeof chrome.runtime?.id', content.id),
      (r) => r.text === '"undefined"',
    );
    // Instagram keeps navigating. The content script hears of each pushState inside it
    // (WXT listens to the Navigation API's synchronous navigate event).
    for (const path of ['/natgeo/', '/explore/', '/nasa/tagged/']) {
      await page.evaluate((p) => history.pushState({}, '', p), path);
    }
    // A canary from the orphaned world, after the navigations: it proves both watches would
    // have seen an error of the old content script, so the empty lists below mean something.
    await evaluateIn(
      cdp,
      `console.error('e2e canary: extension'); setTimeout(() => { throw new Error('e2e canary') }); new Promise((r) => setTimeout(r, 20))`,
      content.id,
    );
    // A round trip on the session that listens: every event sent before it has arrived.
    await evaluateIn(cdp, 'new Promise((resolve) => setTimeout(resolve, 0))', content.id);
    expect(exceptions).toEqual(['Error: e2e canary']);
    expect(consoleErrors.filter((e) => /extension|context invalidated/i.test(e))).toEqual(['["e2e canary: extension"]']);
    // The harness's own console watch saw the canary too (and only it), so it would fail this test on a real one.
    const logged = await world.browser.console!.take();
    expect(logged.map((e) => [e.where, e.text.replace(/\n[\s\S]*/, '').replace(/ \(at [^)]*\)$/, '')])).toEqual([
      ['content script on https://www.instagram.com/nasa/tagged/', 'e2e canary: extension'],
      ['content script on https://www.instagram.com/nasa/tagged/', 'Uncaught Error: e2e canary'],
    ]);
  });
});
