/**
 * Every state the popup can show, each with its own message and next step,
 * in real Chromium against the local SociaVault.
 */
import { describe, expect, it } from 'vitest';
import { attachToServiceWorker } from '../support/browser';
import { until } from '../support/poll';
import { controlWorkerTimers } from '../support/worker-timers';
import { idsOf, profileOf, useWorld } from './fixture';

const world = useWorld();

describe('looking up', () => {
  it('shows a loading state while the API is answering', async () => {
    // The answer waits until the loading state has been seen, however long that takes.
    world.api.holdHighlights({ pass: 0, hold: Infinity });
    const { popup } = await world.popupFor('/slow/');
    await expect.poll(() => popup.state()).toBe('loading');
    await expect.poll(() => popup.page.getByRole('status').first().textContent()).toContain('Looking up @slow');
    await expect.poll(() => world.api.held).toBe(1);
    world.api.releaseHeld();
    expect(await popup.settled()).toBe('list');
    expect(await popup.rowIds()).toEqual(idsOf('slow'));
  });

  it('looks up a typed handle from a page that is no profile', async () => {
    const { popup } = await world.popupFor('/p/C9xYz12AbCd/');
    expect(await popup.settled()).toBe('no-profile');
    await popup.lookUp('@NatGeo');
    expect(await popup.settled('list')).toBe('list');
    expect(await popup.handle()).toBe('@natgeo');
    expect(world.api.requests.at(-1)?.query).toEqual({ handle: 'natgeo' });
  });

  it('looks up a pasted profile URL from a reel', async () => {
    const { popup } = await world.popupFor('/reel/C1a2b3c4d5e/');
    expect(await popup.settled()).toBe('no-profile');
    await popup.lookUp('https://www.instagram.com/emptyprofile/?hl=en');
    expect(await popup.settled('empty')).toBe('empty');
  });

  it('refuses typed input that is no handle, keeps it, and spends nothing', async () => {
    const { popup } = await world.popupFor('/explore/');
    await popup.settled('no-profile');
    // Instagram's own page answered "no profile": no reload hint.
    expect(await popup.page.getByTestId('reload-hint').count()).toBe(0);
    await popup.lookUp('not a handle!');
    await expect.poll(() => popup.page.getByTestId('lookup-error').textContent()).toContain('“not a handle!” is not a handle or a profile link');
    expect(await popup.lookupField().inputValue()).toBe('not a handle!');
    expect(await world.settledHighlightRequests()).toBe(0);
  });

  it('lists all 150 highlights of a big profile in a list that scrolls', async () => {
    const { popup } = await world.popupFor('/bigprofile/');
    expect(await popup.settled()).toBe('list');
    expect(await popup.rowIds()).toEqual(idsOf('bigprofile'));
    expect(await popup.page.getByTestId('highlight-count').textContent()).toBe('150 highlights');
    // Assistive technology meets one list of 150 items, whatever runs the rows were rendered in.
    const list = popup.page.getByRole('list', { name: '150 highlights' });
    expect(await list.getByRole('listitem').count()).toBe(150);
    expect(await list.getByRole('listitem').last().getAttribute('data-id')).toBe(idsOf('bigprofile').at(-1));
    const last = popup.rows().last();
    await last.scrollIntoViewIfNeeded();
    await expect.poll(() => last.isVisible()).toBe(true);
    // The page itself stays popup-sized: the list scrolls, not the window.
    const { scrollHeight, clientHeight } = await popup.page.evaluate(() => {
      const row = document.querySelector('[data-testid="highlight-row"]')!;
      let box: Element | null = row.parentElement;
      while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement;
      return { scrollHeight: box?.scrollHeight ?? 0, clientHeight: box?.clientHeight ?? 0 };
    });
    expect(scrollHeight).toBeGreaterThan(clientHeight);
  });

  it('shows emoji and non-Latin titles as they are', async () => {
    const { popup } = await world.popupFor('/unicode.names/');
    await popup.settled('list');
    const titles = profileOf('unicode.names').highlights.map((h) => h.title);
    const shown = await popup.rows().allTextContents();
    titles.forEach((title, i) => expect(shown[i]).toContain(title));
  });

  it('Refresh sends exactly one new request', async () => {
    const { popup } = await world.popupFor('/nasa/');
    await popup.settled('list');
    expect(await world.settledHighlightRequests()).toBe(1);
    await popup.refresh();
    await expect.poll(() => world.highlightRequests()).toBe(2);
    expect(await popup.settled('list')).toBe('list');
  });
});

/** The request timeout of the extension (REQUEST_TIMEOUT_MS in entrypoints/background/lookup/api-client.ts). */
const REQUEST_TIMEOUT_MS = 20_000;

// Every failing answer → its error kind → the words and next step the popup shows is proved
// without a browser (test/unit/entrypoints/popup/failure-text.test.ts); here, each kind of next
// step once, end to end.
describe('errors', () => {
  it('a profile SociaVault does not know (404): says so and opens the form with the handle in it, to correct', async () => {
    const { popup } = await world.popupFor('/err404/');
    expect(await popup.settled()).toBe('error');
    expect(await popup.errorKind()).toBe('not-found');
    expect(await popup.main.textContent()).toMatch(/@err404 was not found/);
    expect(await popup.lookupField().inputValue()).toBe('err404');
    expect(await world.settledHighlightRequests()).toBe(1);
  });

  it('a server error (500) says so and offers "Try again", which asks once more', async () => {
    const { popup } = await world.popupFor('/err500/');
    await popup.settled('error');
    expect(await popup.errorKind()).toBe('server-error');
    expect(await popup.main.textContent()).toMatch(/HTTP 500/);
    expect(await world.settledHighlightRequests()).toBe(1);
    await popup.page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => world.highlightRequests()).toBe(2);
    expect(await popup.settled('error')).toBe('error');
    expect(await world.settledHighlightRequests()).toBe(2);
  });

  it('"Try again" after a timeout shows the answer of the new request', async () => {
    // The first request is held until it has timed out; the one "Try again" sends is answered.
    world.api.holdHighlights({ pass: 0, hold: Infinity });
    const tab = await world.instagram('/slow/');
    const timeouts = await controlWorkerTimers(world.browser, REQUEST_TIMEOUT_MS);
    const popup = await world.popup(tab);
    await until('the request to reach SociaVault', () => world.api.held, (held) => held === 1);
    expect(await timeouts.runNow()).toBeGreaterThanOrEqual(1);
    expect(await popup.settled('error')).toBe('error');
    expect(await popup.errorKind()).toBe('timeout');
    world.api.releaseHeld();
    await popup.page.getByRole('button', { name: 'Try again' }).click();
    // Settled on a list, not on the error that was there before the click.
    expect(await popup.settled('list')).toBe('list');
    expect(await popup.rowIds()).toEqual(idsOf('slow'));
    expect(world.highlightRequests()).toBe(2);
  });

  it('a 402 from an empty balance names what is required and available, and links to where credits are bought', async () => {
    world.api.setCredits(0);
    const { popup } = await world.popupFor('/nasa/');
    expect(await popup.settled()).toBe('error');
    expect(await popup.errorKind()).toBe('out-of-credits');
    expect(await popup.main.textContent()).toContain('This lookup needs 1 credit; you have 0 credits.');
    const panel = popup.page.getByRole('region', { name: 'Out of credits' });
    expect(await panel.getByRole('link', { name: 'Buy credits' }).getAttribute('href')).toBe('https://sociavault.com/dashboard');
  });

  it('gives up when the request times out and says the request may have used a credit, without retrying', async () => {
    // Never answered (until the next reset).
    world.api.holdHighlights({ pass: 0, hold: Infinity });
    const tab = await world.instagram('/slow/');
    // The worker that will send the request: its 20 s run out when the test says so.
    const timeouts = await controlWorkerTimers(world.browser, REQUEST_TIMEOUT_MS);
    const popup = await world.popup(tab);
    await until('the request to reach SociaVault', () => world.api.held, (held) => held === 1);
    // "Looking up…" once the answer has not come within the popup's wait for it (main.tsx, ANSWER_WAIT_MS).
    await until('the popup to say it is looking up', () => popup.state(), (state) => state === 'loading', 10_000);
    expect(await timeouts.runNow()).toBeGreaterThanOrEqual(1);
    expect(await popup.settled('error')).toBe('error');
    expect(await popup.errorKind()).toBe('timeout');
    expect(await popup.main.textContent()).toMatch(/No answer in 20 s\. The request may still have used a credit/);
    expect(await world.settledHighlightRequests()).toBe(1);
  });
});

describe('a Refresh that fails', () => {
  it('keeps the earlier list on screen and says why it was not renewed', async () => {
    const { popup } = await world.popupFor('/nasa/');
    await popup.settled('list');
    world.api.setCredits(0);
    await popup.refresh();
    await expect.poll(() => popup.page.getByTestId('refresh-error').textContent()).toMatch(/Refresh failed: Out of credits/);
    expect(await popup.state()).toBe('list');
    expect(await popup.rowIds()).toEqual(idsOf('nasa'));
    expect(await world.settledHighlightRequests()).toBe(2);
  });
});

describe('the popup opened as a page of its own', () => {
  it('without ?tab= shows the lookup form, with no reload hint', async () => {
    const popup = await world.popup();
    expect(await popup.settled()).toBe('no-profile');
    expect(await popup.page.getByTestId('reload-hint').count()).toBe(0);
  });
});

describe('offline', () => {
  it('says so without sending a request, and looks up once back online', async () => {
    const worker = await attachToServiceWorker(world.browser);
    const setOffline = (offline: boolean) =>
      worker.send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    try {
      await worker.send('Network.enable');
      await setOffline(true);
      const { popup } = await world.popupFor('/nasa/');
      expect(await popup.settled()).toBe('error');
      expect(await popup.errorKind()).toBe('offline');
      expect(await popup.main.textContent()).toMatch(/You are offline.*No credit was used/);
      expect(await world.settledHighlightRequests()).toBe(0);

      await setOffline(false);
      await popup.page.getByRole('button', { name: 'Try again' }).click();
      expect(await popup.settled('list')).toBe('list');
      expect(await world.settledHighlightRequests()).toBe(1);
    } finally {
      await setOffline(false).catch(() => undefined);
      await worker.detach();
    }
  });
});

describe('a very long list', () => {
  it('5,000 highlights: rows arrive in short steps (never more than 150 at once), all of them in the end, counted in full from the start', async () => {
    const tab = await world.instagram('/many5000/');
    const popup = await world.popup(tab, {
      // Counts the rows each task adds, from before the popup's first script.
      beforeLoad: async (page) => {
        await page.addInitScript(() => {
          const batches: number[] = [];
          (window as unknown as { __rowBatches: number[] }).__rowBatches = batches;
          new MutationObserver((records) => {
            let rows = 0;
            for (const r of records) {
              for (const n of r.addedNodes) if (n instanceof HTMLElement) rows += n.matches('.row') ? 1 : n.querySelectorAll('.row').length;
            }
            if (rows > 0) batches.push(rows);
          }).observe(document, { childList: true, subtree: true });
        });
      },
    });
    expect(await popup.settled()).toBe('list');
    await expect.poll(() => popup.page.locator('.highlights').getAttribute('data-rendered'), { timeout: 30_000 }).toBe('all');
    const batches = await popup.page.evaluate(() => (window as unknown as { __rowBatches: number[] }).__rowBatches);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(5000);
    expect(Math.max(...batches)).toBeLessThanOrEqual(150);
    expect(await popup.rows().first().getAttribute('aria-setsize')).toBe('5000');
    expect(await popup.rowIds()).toEqual(idsOf('many5000'));

    await popup.copyAll();
    expect(await popup.readClipboard()).toBe(idsOf('many5000').join('\n'));
  });

  it('1,000 highlights: covers far below wait for the list to be scrolled near them', async () => {
    const tab = await world.instagram('/many1000/');
    const popup = await world.popup(tab);
    expect(await popup.settled()).toBe('list');
    await expect.poll(() => popup.page.locator('.highlights').getAttribute('data-rendered'), { timeout: 30_000 }).toBe('all');
    const covers = () => popup.page.locator('.row img.thumb').count();
    // The first screens have theirs (drawn after the list's first paint); the rows far below a blank tile, and no request.
    await expect.poll(covers).toBe(40);
    expect(await popup.rows().last().locator('img').count()).toBe(0);

    // To the end, as a hand on the scrollbar goes: rows far below are laid out at an estimated
    // height, and as the ones coming into view take their real height the list grows a little,
    // so one scroll to the bottom may stop short of the last row. Scrolled until it is in view
    // once the rows have been painted.
    const scrollToEnd = () =>
      popup.page.locator('.highlights').evaluate(async (list) => {
        list.scrollTo({ top: list.scrollHeight });
        await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)));
        const rows = list.querySelectorAll('.row');
        const [box, last] = [list.getBoundingClientRect(), rows[rows.length - 1]!.getBoundingClientRect()];
        return last.top >= box.top && last.bottom <= box.bottom + 1;
      });
    await expect.poll(scrollToEnd).toBe(true);
    await expect.poll(() => popup.rows().last().locator('img.thumb').count(), { timeout: 10_000 }).toBe(1);
    const lastCover = popup.rows().last().locator('img.thumb');
    await expect.poll(async () => (await scrollToEnd()) && lastCover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  });
});
