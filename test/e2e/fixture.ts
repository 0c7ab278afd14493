/**
 * The page model (test/support) bound to vitest's life cycle. Every test
 * fails if the extension logged an error or warning while it ran (worker,
 * pages, content script; see chromium-console.ts).
 *
 * One browser for most files: a file that needs Chromium launched as usual
 * (English, Chrome's throttling of 5xx off, the welcome tab closed, no
 * extension debugging) gets the world kept from the file before it
 * (kept-worlds.ts), its stand-in SociaVault configured with this file's keys,
 * profiles and balance. A file that needs Chromium launched otherwise, or the
 * browser as the install left it (`reset: false`), starts its own before its
 * first test and closes it after its last.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { formatConsoleEntries } from '../support/console-entries';
import { keptWorld } from '../support/kept-worlds';
import { startWorld, type World, type WorldLaunch, type WorldOptions } from '../support/world';

export { idsOf, profileOf } from '../support/scenarios';
export { TOOLBAR_TITLE } from '../support/instagram-tab';

/** A launch option that only some files set; with none of them, the file can share the usual browser. */
function launchedAsUsual(launch: WorldLaunch): boolean {
  return Object.values(launch).every((value) => value === undefined);
}

/** The usual browser, kept across files. */
function usualWorld(): Promise<World> {
  return keptWorld(
    'chromium',
    () => startWorld({ watchConsole: true }),
    (world) => world.browser.context.browser()?.isConnected() === true,
  );
}

/**
 * The world of this test file. With `resetEachTest` (default) every test starts
 * from a fresh install with the test key saved; without it, once before the
 * first test, or never with `reset: false` (the browser as the install left
 * it: no key, the welcome tab if kept). `ownBrowser` starts a browser for this
 * file alone even when it is launched as usual: for a file that leaves the
 * browser unfit for the next one. The object is filled in by beforeAll.
 */
export function useWorld(options: WorldOptions & { resetEachTest?: boolean; reset?: boolean; ownBrowser?: boolean } = {}): World {
  const { reset = true, ownBrowser = false, ...rest } = options;
  const { resetEachTest = reset, validKeys, credits, scenarios, ...launch } = rest;
  const kept = reset && !ownBrowser && launchedAsUsual(launch);
  const world = {} as World;
  // Messages of the page itself seen before this file started belong to the files before it.
  let ignoredBefore = 0;
  beforeAll(async () => {
    if (kept) {
      Object.assign(world, await usualWorld());
      world.api.configure({ validKeys, credits, scenarios });
    } else {
      Object.assign(world, await startWorld({ watchConsole: true, validKeys, credits, scenarios, ...launch }));
    }
    ignoredBefore = world.browser.console?.ignored.length ?? 0;
    if (reset && !resetEachTest) await world.reset();
  });
  afterAll(async () => {
    const ignored = world.browser?.console?.ignored.slice(ignoredBefore) ?? [];
    if (ignored.length > 0) {
      console.log(`Console messages that are not the extension's (not counted):\n${formatConsoleEntries(ignored)}`);
    }
    if (!kept) await world.close?.();
  });
  if (resetEachTest) {
    beforeEach(async () => {
      await world.reset();
    });
  }
  afterEach(async () => {
    const entries = (await world.browser.console?.take()) ?? [];
    if (entries.length > 0) {
      throw new Error(`The extension logged ${entries.length} error(s) or warning(s) in Chromium:\n${formatConsoleEntries(entries)}`);
    }
  });
  return world;
}
