/**
 * Where users actually land: a logged-out visitor's login wall, the app's
 * deep links. The profile they wanted is detected; no route word is ever
 * looked up as a handle.
 */
import { describe, expect, it } from 'vitest';
import { idsOf, useWorld } from './fixture';

const world = useWorld();

describe('detection where users land', () => {
  it.each([
    ['the login wall, next percent-encoded', '/accounts/login/?next=%2Fnasa%2F&source=desktop_nav', 'nasa'],
    ['the login wall, next encoded twice', '/accounts/login/?next=%252Fnatgeo%252Ftagged%252F', 'natgeo'],
    ['an app deep link', '/_u/nasa/', 'nasa'],
  ])('%s: %s shows @%s', async (_what, path, handle) => {
    const { tab, popup } = await world.popupFor(path);
    expect(await tab.waitForProfile(handle)).toBe(`Highlights of @${handle}`);
    await popup.settled('list');
    expect(await popup.handle()).toBe(`@${handle}`);
    expect(await popup.rowIds()).toEqual(idsOf(handle));
    expect(world.highlightLog().map((r) => r.query)).toEqual([{ handle }]);
  });

  it('a login wall that leads to no profile, and /_u/ alone, are no profile: nothing is looked up', async () => {
    for (const path of ['/accounts/login/?next=%2Fexplore%2F', '/_u/']) {
      const { tab, popup } = await world.popupFor(path);
      await tab.waitForProfile(null);
      await popup.settled('no-profile');
    }
    expect(world.highlightRequests()).toBe(0);
  });
});
