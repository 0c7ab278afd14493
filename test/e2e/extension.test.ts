/**
 * The product's main flow in real Chromium: detect the profile, look up its
 * highlights through the (local) SociaVault API, list and copy their IDs.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIOS, type ProfileScenario } from '../support/scenarios';
import { actionTitle, badgeText, idsOf, rowIds, settledState, useWorld } from './fixture';

const world = useWorld();

describe('on a profile', () => {
  it('titles the toolbar button "Highlights of @nasa"', async () => {
    const { tabId } = await world.popupFor('/nasa/tagged/');
    expect(await actionTitle(world, tabId)).toBe('Highlights of @nasa');
  });

  it('badges the toolbar button with the count once known, for every tab on that profile', async () => {
    // Reported, but not looked up yet: no count. The popup opens only after this look:
    // opened first, its lookup could have set the badge already.
    const page = await world.browser.newInstagramPage('/nasa/');
    const tabId = await world.browser.tabIdOf(page);
    await expect.poll(() => actionTitle(world, tabId)).toBe('Highlights of @nasa');
    expect(await badgeText(world, tabId)).toBe('');
    const first = { page, tabId, popup: await world.browser.openPopup(tabId) };
    await settledState(first.popup, ['list']);
    await expect.poll(() => badgeText(world, first.tabId)).toBe('12');
    // Another tab on the same profile: known from the cache, no request.
    const second = await world.browser.newInstagramPage('/nasa/reels/');
    const secondId = await world.browser.tabIdOf(second);
    await expect.poll(() => badgeText(world, secondId)).toBe('12');
    // In-app to a profile not looked up yet: no count.
    await first.page.evaluate(() => history.pushState({}, '', '/natgeo/'));
    await expect.poll(() => actionTitle(world, first.tabId)).toBe('Highlights of @natgeo');
    await expect.poll(() => badgeText(world, first.tabId)).toBe('');
    expect(world.highlightRequests()).toBe(1);
  });

  it('lists the IDs the API returned, in order, for the tab named in popup.html?tab=', async () => {
    const { popup } = await world.popupFor('/nasa/');
    expect(await settledState(popup)).toBe('list');
    await expect.poll(() => popup.getByTestId('profile-handle').textContent()).toBe('@nasa');
    expect(await rowIds(popup)).toEqual(idsOf('nasa'));
    expect(world.highlightRequests()).toBe(1);
  });

  it('copies one ID, and all IDs one per line, to the clipboard', async () => {
    const { popup } = await world.popupFor('/nasa/');
    await settledState(popup, ['list']);
    const [first] = idsOf('nasa');
    await popup.getByRole('button', { name: `Copy ID ${first}` }).click();
    await expect.poll(() => popup.getByTestId('copy-status').textContent()).toContain('Copied');
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(first);

    await popup.getByRole('button', { name: 'Copy all IDs' }).click();
    await expect.poll(() => popup.evaluate(() => navigator.clipboard.readText())).toBe(idsOf('nasa').join('\n'));

    // The profile's numeric id, for the faster user_id lookups.
    const ownerId = (DEFAULT_SCENARIOS.nasa as ProfileScenario).ownerId;
    expect(await popup.getByTestId('owner-id').textContent()).toContain(ownerId);
    await popup.getByRole('button', { name: `Copy user ID ${ownerId}` }).click();
    await expect.poll(() => popup.evaluate(() => navigator.clipboard.readText())).toBe(ownerId);
  });

  it('follows in-app navigation (pushState) and shows a revisited profile from the cache', async () => {
    const { page, tabId } = await world.popupFor('/nasa/');
    let popup = await world.browser.openPopup(tabId);
    await settledState(popup, ['list']);
    expect(world.highlightRequests()).toBe(1);

    const loadId = await page.evaluate(() => (window as unknown as { __spaLoadId: string }).__spaLoadId);
    await page.evaluate(() => history.pushState({}, '', '/natgeo/'));
    await expect.poll(() => actionTitle(world, tabId)).toBe('Highlights of @natgeo');
    expect(await page.evaluate(() => (window as unknown as { __spaLoadId: string }).__spaLoadId)).toBe(loadId);

    popup = await world.browser.openPopup(tabId);
    await settledState(popup, ['list']);
    expect(await popup.getByTestId('profile-handle').textContent()).toBe('@natgeo');
    expect(await rowIds(popup)).toEqual(idsOf('natgeo'));
    expect(world.highlightRequests()).toBe(2);

    await page.evaluate(() => history.pushState({}, '', '/nasa/'));
    await expect.poll(() => actionTitle(world, tabId)).toBe('Highlights of @nasa');
    popup = await world.browser.openPopup(tabId);
    await settledState(popup, ['list']);
    expect(await rowIds(popup)).toEqual(idsOf('nasa'));
    await expect.poll(() => popup.getByTestId('fetched-at').textContent()).toContain('from cache');
    expect(world.highlightRequests()).toBe(2);
  });
});

describe('states', () => {
  it('without a key says so and sends nothing', async () => {
    await world.reset({ apiKey: null });
    const { popup } = await world.popupFor('/nasa/');
    expect(await settledState(popup)).toBe('no-key');
    await expect.poll(() => popup.getByRole('button', { name: 'Open options' }).count()).toBe(1);
    expect(world.highlightRequests()).toBe(0);
  });

  it('a rejected key (401) shows the key-rejected state', async () => {
    await world.reset({ apiKey: 'sk_live_not_a_valid_key' });
    const { popup } = await world.popupFor('/nasa/');
    expect(await settledState(popup)).toBe('error');
    expect(await popup.locator('main').getAttribute('data-error')).toBe('key-rejected');
    await expect.poll(() => popup.getByRole('alert').textContent()).toMatch(/rejected/i);
    expect(world.api.requests.at(-1)?.status).toBe(401);
  });

  it('on a page that is no profile, offers a field and looks up what is typed', async () => {
    const { popup, tabId } = await world.popupFor('/explore/');
    expect(await actionTitle(world, tabId)).toContain('no Instagram profile');
    expect(await settledState(popup)).toBe('no-profile');
    expect(world.highlightRequests()).toBe(0);
    await popup.getByLabel('Instagram handle or profile URL').fill('https://www.instagram.com/natgeo/');
    await popup.getByRole('button', { name: 'Look up' }).click();
    expect(await settledState(popup, ['list'])).toBe('list');
    expect(await rowIds(popup)).toEqual(idsOf('natgeo'));
  });

  it('says when a profile has no highlights', async () => {
    const { popup } = await world.popupFor('/emptyprofile/');
    expect(await settledState(popup)).toBe('empty');
    expect(await popup.getByTestId('empty-message').textContent()).toBe('@emptyprofile has no highlights');
  });
});

describe('copy format', () => {
  it('chosen in the options, "Copy all" copies CSV with id and title', async () => {
    const options = await world.browser.openOptions();
    await options.getByLabel('“Copy all” copies').selectOption('csv');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => options.getByTestId('settings-message').textContent()).toContain('Settings saved');

    const { popup } = await world.popupFor('/natgeo/');
    await settledState(popup, ['list']);
    await popup.getByRole('button', { name: 'Copy all as CSV' }).click();
    const [only] = (DEFAULT_SCENARIOS.natgeo as ProfileScenario).highlights;
    await expect.poll(() => popup.evaluate(() => navigator.clipboard.readText())).toBe(`id,title\r\n${only!.id},${only!.title}`);
  });
});
