/**
 * The page model (test/support) bound to vitest's life cycle: one world per
 * test file, started before its first test and closed after its last.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startWorld, type World, type WorldOptions } from '../support/world';

export { idsOf, profileOf } from '../support/scenarios';
export { TOOLBAR_TITLE } from '../support/instagram-tab';

/**
 * The world of this test file. With `resetEachTest` (default) every test starts
 * from a fresh install with the test key saved; without it, once before the
 * first test. The object is filled in by beforeAll.
 */
export function useWorld(options: WorldOptions & { resetEachTest?: boolean } = {}): World {
  const { resetEachTest = true, ...worldOptions } = options;
  const world = {} as World;
  beforeAll(async () => {
    Object.assign(world, await startWorld(worldOptions));
    if (!resetEachTest) await world.reset();
  });
  afterAll(async () => {
    await world.close?.();
  });
  if (resetEachTest) {
    beforeEach(async () => {
      await world.reset();
    });
  }
  return world;
}
