/**
 * The product's main flow in real Chromium: detect the profile, look up its
 * highlights through the (local) SociaVault API, list and copy their IDs.
 */
import { describe, expect, it } from 'vitest';
import { idsOf, profileOf, useWorld } from './fixture';
import type { ChromeApi } from '../support/chrome-api';

declare const chrome: ChromeApi;

const world = useWorld();

describe('on a profile', () => {
  it('titles the toolbar button "Highlights of @nasa"', async () => {
    const { tab } = await world.popupFor('/nasa/tagged/');
    expect(await tab.title()).toBe('Highlights of @nasa');
  });

  it('badges the toolbar button with the count once known, for every tab on that profile', async () => {
    // Reported, but not looked up yet: no count. (The popup is opened only after this look.)
    const tab = await world.instagram('/nasa/');
    expect(await tab.badge()).toBe('');
    const popup = await world.popup(tab);
    await popup.settled('list');
    await expect.poll(() => tab.badge()).toBe('12');
    // Another tab on the same profile: known from the cache, no request.
    const second = await world.instagram('/nasa/reels/');
    await expect.poll(() => second.badge()).toBe('12');
    // In-app to a profile not looked up yet: no count.
    await tab.pushState('/natgeo/');
    await tab.waitForProfile('natgeo');
    await expect.poll(() => tab.badge()).toBe('');
    expect(world.highlightRequests()).toBe(1);
  });

  it('lists the IDs the API returned, in order, for the tab named in popup.html?tab=', async () => {
    const { popup } = await world.popupFor('/nasa/');
    expect(await popup.settled()).toBe('list');
    await expect.poll(() => popup.handle()).toBe('@nasa');
    expect(await popup.rowIds()).toEqual(idsOf('nasa'));
    expect(world.highlightRequests()).toBe(1);
  });

  it('copies one ID, and all IDs one per line, to the clipboard', async () => {
    const { popup } = await world.popupFor('/nasa/');
    await popup.settled('list');
    const [first] = idsOf('nasa');
    expect(await popup.copyId(first!)).toContain('Copied');
    expect(await popup.readClipboard()).toBe(first);

    await popup.copyAll();
    expect(await popup.readClipboard()).toBe(idsOf('nasa').join('\n'));

    // The profile's numeric id, for the faster user_id lookups.
    const { ownerId } = profileOf('nasa');
    expect(await popup.page.getByTestId('owner-id').textContent()).toContain(ownerId);
    await popup.copyUserId(ownerId);
    expect(await popup.readClipboard()).toBe(ownerId);
  });

  it('follows in-app navigation (pushState) and shows a revisited profile from the cache', async () => {
    const { tab } = await world.popupFor('/nasa/');
    let popup = await world.popup(tab);
    await popup.settled('list');
    expect(world.highlightRequests()).toBe(1);

    const loadId = await tab.loadId();
    await tab.pushState('/natgeo/');
    await tab.waitForProfile('natgeo');
    expect(await tab.loadId()).toBe(loadId);

    popup = await world.popup(tab);
    await popup.settled('list');
    expect(await popup.handle()).toBe('@natgeo');
    expect(await popup.rowIds()).toEqual(idsOf('natgeo'));
    expect(world.highlightRequests()).toBe(2);

    await tab.pushState('/nasa/');
    await tab.waitForProfile('nasa');
    popup = await world.popup(tab);
    await popup.settled('list');
    expect(await popup.rowIds()).toEqual(idsOf('nasa'));
    await expect.poll(() => popup.fetchedAt()).toContain('from cache');
    expect(world.highlightRequests()).toBe(2);
  });
});

describe('states', () => {
  it('without a key says so and sends nothing', async () => {
    await world.reset({ apiKey: null });
    const { popup } = await world.popupFor('/nasa/');
    expect(await popup.settled()).toBe('no-key');
    await expect.poll(() => popup.page.getByRole('button', { name: 'Open options' }).count()).toBe(1);
    expect(world.highlightRequests()).toBe(0);
  });

  it.each([
    ['a line break', 'sk_live_first\nsk_live_second'],
    ['characters beyond ASCII', 'sk_live_clé_ключ'],
    ['a megabyte of text', `sk_live_${'x'.repeat(1024 * 1024)}`],
  ])('a saved key no header can carry (%s) is a key problem, with the way to the options; nothing is sent', async (_label, apiKey) => {
    await world.reset({ apiKey });
    const { popup } = await world.popupFor('/nasa/');
    expect(await popup.settled('error', 'key-unusable')).toBe('error');
    expect(await popup.alertText()).toMatch(/^Your saved API key cannot be used.*nothing was sent\. Paste your key again in the options\./);
    await expect.poll(() => popup.page.getByRole('button', { name: 'Open options' }).count()).toBe(1);
    // The balance the popup asks for after it settles goes through the same check.
    const control = await world.browser.control();
    const balance = await control.evaluate(() => chrome.runtime.sendMessage({ type: 'get-balance' }));
    expect(balance).toMatchObject({ ok: false, error: { kind: 'key-unusable' } });
    expect(world.api.requests).toEqual([]);
  });

  it('a rejected key (401) shows the key-rejected state', async () => {
    await world.reset({ apiKey: 'sk_live_not_a_valid_key' });
    const { popup } = await world.popupFor('/nasa/');
    expect(await popup.settled()).toBe('error');
    expect(await popup.errorKind()).toBe('key-rejected');
    await expect.poll(() => popup.page.getByRole('alert').textContent()).toMatch(/rejected/i);
    expect(world.api.requests.at(-1)?.status).toBe(401);
  });

  it('on a page that is no profile, offers a field and looks up what is typed', async () => {
    const { popup, tab } = await world.popupFor('/explore/');
    expect(await tab.title()).toContain('no Instagram profile');
    expect(await popup.settled()).toBe('no-profile');
    expect(world.highlightRequests()).toBe(0);
    await popup.lookUp('https://www.instagram.com/natgeo/');
    expect(await popup.settled('list')).toBe('list');
    expect(await popup.rowIds()).toEqual(idsOf('natgeo'));
  });

  it('says when a profile has no highlights', async () => {
    const { popup } = await world.popupFor('/emptyprofile/');
    expect(await popup.settled()).toBe('empty');
    expect(await popup.page.getByTestId('empty-message').textContent()).toBe('@emptyprofile has no highlights');
  });
});

describe('copy format', () => {
  it('chosen in the options, "Copy all" copies CSV with id and title', async () => {
    const options = await world.options();
    await options.copyFormat().selectOption('csv');
    expect(await options.saveSettings(/Settings saved/)).toContain('Settings saved');

    const { popup } = await world.popupFor('/natgeo/');
    await popup.settled('list');
    await popup.copyAll('Copy all as CSV');
    const [only] = profileOf('natgeo').highlights;
    expect(await popup.readClipboard()).toBe(`id,title\r\n${only!.id},${only!.title}`);
  });
});
