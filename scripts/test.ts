// `npm test`: builds the extension for Chrome and Firefox, runs every test
// project (unit, types, build, end-to-end in real Chromium, then end-to-end in
// real Firefox) and ends with one line "N passed, N failed" computed from
// vitest's JSON report. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { buildExtension } from '../test/support/build';
import { ensureChromium } from '../test/support/chromium';
import { ensureFirefox } from '../test/support/firefox';

/** The part of vitest's JSON report (Jest-compatible) read here. */
interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { status: string; assertionResults: { status: string }[] }[];
}

const report = '.test-tmp/vitest-report.json';
const extraArgs = process.argv.slice(2);

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

try {
  // Also checks a CHROME_PATH / FIREFOX_PATH that is set: a wrong one fails here, before anything runs.
  process.env.CHROME_PATH = ensureChromium({ install: true });
  process.env.FIREFOX_PATH = ensureFirefox({ install: true });
} catch (error) {
  console.error((error as Error).message);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// Both builds: the build tests (test/build/) read both, and each browser's e2e tests run its own.
for (const browser of ['chrome', 'firefox'] as const) {
  try {
    await buildExtension({ browser, output: 'inherit' });
  } catch (error) {
    console.error(`The extension did not build for ${browser}. ${(error as Error).message}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

mkdirSync('.test-tmp', { recursive: true });
rmSync(report, { force: true });
const vitestStatus = run('npx', [
  'vitest', 'run',
  // Both cores for the unit and build files (vitest's default leaves one idle: 78 s → 50 s
  // here); the browser projects run one file at a time whatever this says (vitest.config.ts).
  '--maxWorkers=2',
  '--reporter=default', '--reporter=json', `--outputFile.json=${report}`,
  ...extraArgs,
]);

if (!existsSync(report)) {
  console.error('vitest wrote no report.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const results = JSON.parse(readFileSync(report, 'utf8')) as VitestJsonReport;
const passed = results.numPassedTests;
// A file that failed to load (or whose hooks failed) ran no test: count it as one failure.
const brokenFiles = results.testResults.filter(
  (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
).length;
const failed = results.numFailedTests + brokenFiles;
const total = passed + failed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(vitestStatus !== 0 || failed > 0 || total === 0 ? 1 : 0);
