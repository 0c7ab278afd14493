/**
 * Credits where the user works, and what follows from a profile: the
 * balance in the popup (free, asked at most once a minute, never without a
 * key), the low-balance warning, a panel opened from the context menu or
 * popped out, and "Add to collection". None of it costs a credit.
 */
import { describe, expect, it } from 'vitest';
import { answeredTypes, recordAnswers } from '../support/answer-log';
import { API_PATHS } from '../support/sociavault-server';
import { idsOf, useWorld } from './fixture';

const world = useWorld();
const balanceRequests = () => world.api.requests.filter((r) => r.path === API_PATHS.credits).length;

describe('the balance in the popup', () => {
  it('shows credits and status, updated after a paid answer without asking again', async () => {
    const { tab, popup } = await world.popupFor('/nasa/');
    await popup.settled('list');
    await expect.poll(() => popup.page.getByTestId('balance').innerText()).toBe('999 credits · active');
    expect(balanceRequests()).toBe(1);

    // Another profile, paid: the balance follows from the answer, not from a new request.
    await tab.spaNavigate('/natgeo/');
    await tab.waitForProfile('natgeo');
    const next = await world.popup(tab);
    await next.settled('list');
    await expect.poll(() => next.page.getByTestId('balance').innerText()).toBe('998 credits · active');
    expect(await world.settledHighlightRequests()).toBe(2);
    expect(balanceRequests()).toBe(1);
  });

  it('warns under the threshold set in the options', async () => {
    world.api.setCredits(20);
    const { popup } = await world.popupFor('/nasa/');
    await popup.settled('list');
    await expect.poll(() => popup.page.getByTestId('balance-low').innerText()).toMatch(/^Only 19 credits left Buy credits$/);
  });

  it('is never asked without a key', async () => {
    await world.reset({ apiKey: null });
    const { popup } = await world.popupFor('/nasa/', { beforeLoad: recordAnswers });
    await popup.settled('no-key');
    // The popup does ask the background for the balance; only once that is answered is "no request" known.
    await expect.poll(() => answeredTypes(popup.page)).toContain('get-balance');
    expect(await popup.page.getByTestId('balance').count()).toBe(0);
    expect(balanceRequests()).toBe(0);
  });
});

describe('panels of their own', () => {
  it('popup.html?handle= (what the context menu opens) looks that profile up', async () => {
    const popup = await world.popup(undefined, { search: '?handle=natgeo' });
    await popup.settled('list');
    expect(await popup.handle()).toBe('@natgeo');
    expect(await popup.rowIds()).toEqual(idsOf('natgeo'));
  });

  it('"Open in a window of its own" opens the panel for the same tab', async () => {
    const { tab, popup } = await world.popupFor('/nasa/');
    await popup.settled('list');
    const opened = world.browser.context.waitForEvent('page');
    await popup.page.getByRole('button', { name: 'Open in a window of its own' }).click();
    const window = await opened;
    await window.waitForLoadState();
    expect(window.url()).toBe(`${world.browser.extensionOrigin}/popup.html?tab=${tab.tabId}`);
    expect(await world.settledHighlightRequests()).toBe(1);
  });
});

describe('Add to collection', () => {
  it('is in the list’s menu: adds the profile once and says how many the collection holds', async () => {
    const { popup } = await world.popupFor('/nasa/');
    await popup.settled('list');
    await popup.openMenu();
    const add = popup.page.getByRole('button', { name: 'Add to collection' });
    await add.click();
    await expect.poll(() => popup.page.getByTestId('collection-status').innerText()).toBe('Added · 1 profile in the collection');
    expect(await add.isDisabled()).toBe(true);

    const again = await world.popupFor('/nasa/tagged/');
    await again.popup.settled('list');
    await again.popup.openMenu();
    await expect.poll(() => again.popup.page.getByTestId('collection-status').innerText()).toBe('1 in the collection');
    await again.popup.page.getByRole('button', { name: 'Add to collection' }).click();
    await expect.poll(() => again.popup.page.getByTestId('collection-status').innerText()).toBe('Already in the collection');
    expect(await world.settledHighlightRequests()).toBe(1);
  });

  it('"Open the collection" opens the collection page in a tab', async () => {
    const { popup } = await world.popupFor('/nasa/');
    await popup.settled('list');
    await popup.openMenu();
    const opened = world.browser.context.waitForEvent('page');
    await popup.page.getByRole('button', { name: 'Open the collection' }).click();
    const page = await opened;
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toBe(`${world.browser.extensionOrigin}/collection.html`);
  });
});
