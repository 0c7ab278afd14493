import { buildExtension } from './build';

/**
 * Vitest globalSetup of the e2e-firefox project: builds the extension for
 * Firefox when there is no build yet (or E2E_REBUILD=1). Three tries, a
 * minute apart, as for Chrome.
 */
export default async function setup(): Promise<void> {
  await buildExtension({ browser: 'firefox', ifMissing: true, attempts: 3 });
}
