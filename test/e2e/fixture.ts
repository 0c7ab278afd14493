/**
 * The page model (test/support) bound to vitest's life cycle: one world per
 * test file, started before its first test and closed after its last. Every
 * test fails if the extension logged an error or warning while it ran
 * (worker, pages, content script; see chromium-console.ts).
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { formatConsoleEntries } from '../support/console-entries';
import { startWorld, type World, type WorldOptions } from '../support/world';

export { idsOf, profileOf } from '../support/scenarios';
export { TOOLBAR_TITLE } from '../support/instagram-tab';

/**
 * The world of this test file. With `resetEachTest` (default) every test starts
 * from a fresh install with the test key saved; without it, once before the
 * first test, or never with `reset: false` (the browser as the install left
 * it: no key, the welcome tab if kept). The object is filled in by beforeAll.
 */
export function useWorld(options: WorldOptions & { resetEachTest?: boolean; reset?: boolean } = {}): World {
  const { reset = true, ...rest } = options;
  const { resetEachTest = reset, ...worldOptions } = rest;
  const world = {} as World;
  beforeAll(async () => {
    Object.assign(world, await startWorld({ watchConsole: true, ...worldOptions }));
    if (reset && !resetEachTest) await world.reset();
  });
  afterAll(async () => {
    const ignored = world.browser?.console?.ignored ?? [];
    if (ignored.length > 0) {
      console.log(`Console messages that are not the extension's (not counted):\n${formatConsoleEntries(ignored)}`);
    }
    await world.close?.();
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
