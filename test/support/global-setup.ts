import { buildExtension } from './build';

/**
 * Vitest globalSetup of the e2e project: builds the extension for Chrome when
 * there is no build yet (or E2E_REBUILD=1). Three tries, a minute apart: a
 * build can fail for a moment while files are being edited.
 */
export default async function setup(): Promise<void> {
  await buildExtension({ browser: 'chrome', ifMissing: true, attempts: 3 });
}
