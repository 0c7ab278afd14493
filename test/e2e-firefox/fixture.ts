/**
 * The Firefox world (test/support/firefox-world.ts) bound to vitest's life
 * cycle: one Firefox per test file; every test starts from a fresh install
 * with the test key saved, and fails if the extension logged any error or
 * warning while it ran.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { formatConsoleEntries } from '../support/console-entries';
import { startFirefoxWorld, type FirefoxWorld, type FirefoxWorldOptions } from '../support/firefox-world';

export { idsOf, profileOf } from '../support/scenarios';
export { TOOLBAR_TITLE } from '../support/tab-model';

/** With `reset: false` no test resets it: the browser as the install left it (no key, the welcome tab if kept). */
export function useFirefoxWorld(options: FirefoxWorldOptions & { reset?: boolean } = {}): FirefoxWorld {
  const { reset = true, ...worldOptions } = options;
  const world = {} as FirefoxWorld;
  beforeAll(async () => {
    Object.assign(world, await startFirefoxWorld(worldOptions));
  });
  afterAll(async () => {
    const ignored = world.browser?.console.ignored ?? [];
    if (ignored.length > 0) {
      console.log(`Firefox's own console messages (not the extension's, not counted):\n${formatConsoleEntries(ignored)}`);
    }
    await world.close?.();
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
