/**
 * `npm run bench:load`: the extension under load, in headless Chromium
 * against the local stand-ins (what it does: test/bench/load.ts). It prints
 * the run's figures and exits non-zero when something that must hold did not
 * (a profile asked twice, a request with auto-lookup off, more automatic
 * lookups than the minute's cap, an error in any page or the worker, the
 * worker's heap over 50 MB) or the extension logged an error or warning.
 * Not part of `npm test`: it measures more than it proves, and takes long.
 *
 *   npm run bench:load                 build, run, print
 *   npm run bench:load -- --no-build   use the existing .output/chrome-mv3
 */
import { formatConsoleEntries } from '../test/support/console-entries';
import { buildExtension } from '../test/support/build';
import { ensureChromium } from '../test/support/chromium';
import { HEAP_LIMIT_BYTES, LOAD_SCENARIOS, runLoad, type LoadFigures } from '../test/bench/load';
import { startWorld } from '../test/support/world';

const USAGE = 'Usage: npm run bench:load -- [--no-build]';
const log = (line = '') => console.log(line);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function parseArgs(argv: string[]): { build: boolean } | 'help' {
  const args = { build: true };
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--no-build') args.build = false;
    else throw new Error(`Unknown argument ${arg}\n${USAGE}`);
  }
  return args;
}

function report(f: LoadFigures): void {
  log();
  log(`navigations          ${f.navigations} over 5 tabs (${f.realLoads} of them real page loads) in ${f.navigationSeconds.toFixed(1)} s`);
  log(`lookups at once      ${f.lookups}: ${f.lookupRequests} requests for ${f.distinctProfiles} distinct profiles in ${f.lookupSeconds.toFixed(1)} s`);
  log(`auto-lookup on       ${f.autoRequests} requests during ${f.autoNavigations} navigations to new profiles`);
  log(`worker heap          ${mb(f.heapBeforeBytes)} → ${mb(f.heapAfterBytes)} (limit ${mb(HEAP_LIMIT_BYTES)})`);
  log(`the run              ${f.totalSeconds.toFixed(1)} s`);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args === 'help') {
    log(USAGE);
    return 0;
  }
  ensureChromium();
  if (args.build) {
    log('Building the extension (wxt build)…');
    await buildExtension({ browser: 'chrome' });
  }
  const world = await startWorld({ scenarios: LOAD_SCENARIOS, watchConsole: true, handleSignals: true });
  try {
    await world.reset();
    log(`Chromium ${world.browser.context.browser()?.version() ?? ''} (headless), the built extension, the stand-ins on loopback.`);
    const figures = await runLoad(world, log);
    report(figures);
    const logged = (await world.browser.console?.take()) ?? [];
    if (logged.length > 0) {
      console.error(`\nFAILED: the extension logged ${logged.length} error(s) or warning(s):\n${formatConsoleEntries(logged)}`);
      return 1;
    }
    log('\nOK: every check held.');
    return 0;
  } catch (error) {
    console.error(`\nFAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    await world.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
