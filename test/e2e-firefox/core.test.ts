/**
 * The product's core flows in real Firefox (Debian's firefox-esr, headless):
 * the Firefox build, installed as a temporary add-on, against the same local
 * stand-ins and with the same page model as the Chromium tests.
 */
import { describe, expect, it } from 'vitest';
import { idsOf, profileOf, TOOLBAR_TITLE, useFirefoxWorld } from './fixture';

const world = useFirefoxWorld();
/** The statuses of the highlight requests the stand-in answered (not the free balance requests). */

describe('on a profile', () => {
  it('titles the toolbar button, lists the IDs in order and badges the count', async () => {
    const { tab, popup } = await world.popupFor('/nasa/');
    expect(await tab.title()).toBe(TOOLBAR_TITLE.of('nasa'));
    expect(await popup.settled()).toBe('list');
    expect(await popup.handle()).toBe('@nasa');
    expect(await popup.rowIds()).toEqual(idsOf('nasa'));
    await expect.poll(() => tab.badge()).toBe('12');
    expect(world.highlightLog().map((r) => r.query)).toEqual([{ handle: 'nasa' }]);
  });

  it('copies one ID, and all IDs one per line, to the clipboard', async () => {
    const { popup } = await world.popupFor('/nasa/');
    await popup.settled('list');
    const [first] = idsOf('nasa');
    expect(await popup.copyId(first!)).toBe(`Copied ${first}`);
    expect(await popup.readClipboard()).toBe(first);

    expect(await popup.copyAll()).toBe('Copied 12 IDs');
    expect(await popup.readClipboard()).toBe(idsOf('nasa').join('\n'));
  });

  it('follows in-app navigation (pushState), and a revisited profile comes from the cache without a second credit', async () => {
    const { tab, popup } = await world.popupFor('/nasa/');
    await popup.settled('list');
    expect(await world.settledHighlightRequests()).toBe(1);

    const loadId = await tab.loadId();
    await tab.spaNavigate('/natgeo/');
    await tab.waitForProfile('natgeo');
    expect(await tab.loadId()).toBe(loadId);

    const natgeo = await world.popup(tab);
    await natgeo.settled('list');
    expect(await natgeo.handle()).toBe('@natgeo');
    expect(await natgeo.rowIds()).toEqual(idsOf('natgeo'));
    expect(await world.settledHighlightRequests()).toBe(2);

    await tab.pushState('/nasa/');
    await tab.waitForProfile('nasa');
    const again = await world.popup(tab);
    await again.settled('list');
    expect(await again.rowIds()).toEqual(idsOf('nasa'));
    expect(await again.fetchedAt()).toContain('from cache');
    expect(await world.settledHighlightRequests()).toBe(2);
    expect(world.api.credits).toBe(1000 - 2);
  });
});

describe('by handle', () => {
  it('on a page that is no profile, offers a field and looks up the handle typed into it', async () => {
    const { tab, popup } = await world.popupFor('/explore/');
    expect(await tab.title()).toContain(TOOLBAR_TITLE.noProfile);
    expect(await popup.settled()).toBe('no-profile');
    expect(await world.settledHighlightRequests()).toBe(0);

    await popup.lookUp('@natgeo');
    expect(await popup.settled('list')).toBe('list');
    expect(await popup.handle()).toBe('@natgeo');
    expect(await popup.rowIds()).toEqual(idsOf('natgeo'));
    expect(world.highlightLog().map((r) => r.query)).toEqual([{ handle: 'natgeo' }]);
  });

  it('the user ID shown is the owner id, and copies exactly', async () => {
    const { popup } = await world.popupFor('/nasa/');
    await popup.settled('list');
    const { ownerId } = profileOf('nasa');
    await popup.copyUserId(ownerId);
    expect(await popup.readClipboard()).toBe(ownerId);
  });
});

describe('when the lookup cannot be made', () => {
  it('without a key says so and sends nothing', async () => {
    await world.reset({ apiKey: null });
    const { popup } = await world.popupFor('/nasa/');
    expect(await popup.settled()).toBe('no-key');
    expect(await popup.describe()).toContain('Open options');
    expect(world.api.requests).toEqual([]); // not even the balance
  });

  it('a rejected key (401) shows the key-rejected state', async () => {
    await world.reset({ apiKey: 'sk_live_not_a_valid_key' });
    const { popup } = await world.popupFor('/nasa/');
    expect(await popup.settled('error')).toBe('error');
    expect(await popup.errorKind()).toBe('key-rejected');
    expect(await popup.alertText()).toMatch(/rejected/i);
    expect(world.highlightLog().map((r) => r.status)).toEqual([401]);
  });

  it('out of credits (402) names what the lookup needs and what is left', async () => {
    world.api.setCredits(0);
    const { popup } = await world.popupFor('/nasa/');
    expect(await popup.settled('error')).toBe('error');
    expect(await popup.errorKind()).toBe('out-of-credits');
    expect(await popup.describe()).toContain('This lookup needs 1 credit; you have 0 credits.');
    expect(world.highlightLog().map((r) => r.status)).toEqual([402]);
  });
});
