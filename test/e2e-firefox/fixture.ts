/**
 * The Firefox world (test/support/firefox-world.ts) bound to vitest's life
 * cycle: every test starts from a fresh install with the test key saved, and
 * fails if the extension logged any error or warning while it ran.
 *
 * One Firefox for most files, as for Chromium (test/e2e/fixture.ts): a file
 * that needs Firefox launched as usual gets the world kept from the file
 * before it (kept-worlds.ts), its stand-in configured with this file's keys,
 * profiles and balance. A file that needs the browser as the install left it
 * (`reset: false`, the welcome tab kept) starts its own and closes it after
 * its last test.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { formatConsoleEntries } from '../support/console-entries';
import { startFirefoxWorld, type FirefoxWorld, type FirefoxWorldOptions } from '../support/firefox-world';
import { keptWorld } from '../support/kept-worlds';

export { idsOf, profileOf } from '../support/scenarios';
export { TOOLBAR_TITLE } from '../support/tab-model';

/** The usual Firefox, kept across files. */
function usualWorld(): Promise<FirefoxWorld> {
  return keptWorld('firefox', () => startFirefoxWorld(), (world) => world.browser.browser.connected);
}

/** With `reset: false` no test resets it: the browser as the install left it (no key, the welcome tab if kept). */
export function useFirefoxWorld(options: FirefoxWorldOptions & { reset?: boolean } = {}): FirefoxWorld {
  const { reset = true, validKeys, credits, scenarios, ...launch } = options;
  const kept = reset && Object.values(launch).every((value) => value === undefined);
  const world = {} as FirefoxWorld;
  // Firefox's own messages seen before this file started belong to the files before it.
  let ignoredBefore = 0;
  beforeAll(async () => {
    if (kept) {
      Object.assign(world, await usualWorld());
      world.api.configure({ validKeys, credits, scenarios });
    } else {
      Object.assign(world, await startFirefoxWorld({ validKeys, credits, scenarios, ...launch }));
    }
    ignoredBefore = world.browser.console.ignored.length;
  });
  afterAll(async () => {
    const ignored = world.browser?.console.ignored.slice(ignoredBefore) ?? [];
    if (ignored.length > 0) {
      console.log(`Firefox's own console messages (not the extension's, not counted):\n${formatConsoleEntries(ignored)}`);
    }
    if (!kept) await world.close?.();
  });
  beforeEach(async () => {
    if (reset) await world.reset();
  });
  afterEach(async () => {
    const entries = await world.browser.console.take();
    if (entries.length > 0) {
      throw new Error(`The extension logged ${entries.length} error(s) or warning(s) in Firefox:\n${formatConsoleEntries(entries)}`);
    }
  });
  return world;
}
