// `npm run test:build`: builds the extension for Chrome and for Firefox, then
// runs the build tests (test/build/: manifests, size budgets, web-ext lint,
// the store zips, the built code) on those builds. Arguments go to vitest.
import { spawnSync } from 'node:child_process';
import { buildExtension } from '../test/support/build';

for (const browser of ['chrome', 'firefox'] as const) {
  try {
    await buildExtension({ browser, output: 'inherit' });
  } catch (error) {
    console.error(`The extension did not build for ${browser}. ${(error as Error).message}`);
    process.exit(1);
  }
}

const result = spawnSync('npx', ['vitest', 'run', '--project', 'build', ...process.argv.slice(2)], { stdio: 'inherit', env: process.env });
process.exit(result.status ?? 1);
