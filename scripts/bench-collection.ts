/**
 * `npm run bench:collection`: big collections in the real extension
 * (headless Chromium) against the local stand-in SociaVault, which answers
 * at once, so that what is timed is the extension's own work.
 *
 * Two collections, each in a browser of its own: 10,000 profiles of 20
 * highlights, and 1,000 of 150. Each is pasted into the collection page as
 * one paste (Ctrl+V, then Add timed until the page says what it added), estimated, started,
 * confirmed and run to the end with the default three lookups at once. The
 * pace is printed per thousand profiles (milliseconds a profile, from when
 * each request reached the stand-in), with the median of the hundreds and
 * the last hundred against profiles 100 to 200, and what the page does when
 * left open on the finished run (nothing, we hope). Then what is stored where
 * (storage.local against its quota, the cache against its budget, the run's
 * head and parts, the answers in IndexedDB), and both downloads, each timed
 * with the largest heap of the page and of the worker meanwhile. Garbage is
 * collected first, but a peak still counts garbage not yet collected, so it
 * is an upper bound of what the export keeps.
 *
 *   npm run bench:collection                                build, run both, print
 *   npm run bench:collection -- --no-build                  use the existing .output/chrome-mv3
 *   npm run bench:collection -- --only 10000x20             one of them (or 1000x150)
 *   npm run bench:collection -- --only 300x20               any size, for a quick look
 */
import { MAX_CACHE_BYTES, MAX_CACHED_PROFILES } from '../entrypoints/background/cache/cache-policy';
import { exportOnce, heapSampler, heapsOf, bigProfiles, idleWork, storageReport } from '../test/bench/collection-measures';
import { attachToServiceWorker } from '../test/support/browser';
import { buildExtension } from '../test/support/build';
import { ensureChromium } from '../test/support/chromium';
import { CollectionPage, COLLECTION_VIEWPORT } from '../test/support/collection-page';
import { arrivals, handles, paceBetween } from '../test/support/collections';
import { startWorld } from '../test/support/world';

const MODES = [
  { profiles: 10_000, highlights: 20 },
  { profiles: 1_000, highlights: 150 },
];
/** How long the finished run's page is watched for work it should not do. */
const IDLE_MS = 10_000;
const log = (line = '') => console.log(line);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

function parseArgs(argv: string[]): { build: boolean; modes: typeof MODES } {
  const args = { build: true, modes: MODES };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-build') args.build = false;
    else if (argv[i] === '--only') {
      const match = /^(\d+)x(\d+)$/.exec(argv[++i] ?? '');
      if (!match || Number(match[1]) < 300 || Number(match[1]) > 10_000) throw new Error('--only <profiles>x<highlights>, 300 to 10000 profiles');
      args.modes = [{ profiles: Number(match[1]), highlights: Number(match[2]) }];
    } else throw new Error(`Unknown argument ${argv[i]}\nUsage: npm run bench:collection -- [--no-build] [--only 10000x20]`);
  }
  return args;
}

/** Milliseconds a profile for each hundred of `times`. */
const hundreds = (times: readonly number[]) => Array.from({ length: Math.floor(times.length / 100) }, (_, k) => paceBetween(times, k * 100, k * 100 + 100));
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function bench(profiles: number, highlights: number): Promise<void> {
  const world = await startWorld({ scenarios: bigProfiles(profiles, highlights), credits: 1_000_000, siteProfiles: [] });
  try {
    await world.reset();
    log(`\n== ${profiles} profiles × ${highlights} highlights — Chromium ${world.browser.context.browser()?.version() ?? ''} (headless)`);
    const page = await CollectionPage.open(world.browser, { viewport: COLLECTION_VIEWPORT });
    const list = handles('big', profiles);
    const pasted = performance.now();
    await page.pasteFromClipboard(list.join('\n'));
    const added = performance.now();
    const said = await page.add();
    log(`1. One paste of ${profiles} lines (Ctrl+V ${ms(added - pasted)}), read and added in ${ms(performance.now() - added)} (Add to the summary): ${said}`);
    log(`   ${await page.estimate()}`);

    const session = await attachToServiceWorker(world.browser);
    const stopRunHeap = heapSampler(() => session.send<{ usedSize: number }>('Runtime.getHeapUsage').then((r) => r.usedSize));
    await page.start();
    const started = performance.now();
    await page.confirmStart();
    const report = setInterval(() => void page.progress().then((p) => log(`   … ${p.text}`), () => undefined), 60_000);
    await page.waitForPhase('finished', 3 * 60 * 60_000).finally(() => clearInterval(report));
    const runMs = performance.now() - started;
    const runHeap = await stopRunHeap();
    await session.detach();
    const times = arrivals(world);
    log(`2. The run: ${secs(runMs)}, ${world.highlightRequests()} requests (one per profile); ${await page.progressText()}`);
    for (let from = 0; from < times.length; from += 1000) {
      const to = Math.min(times.length, from + 1000);
      if (to - from >= 2) log(`   pace, profiles ${from + 1}–${to}: ${ms(paceBetween(times, from, to))} a profile`);
    }
    const perHundred = hundreds(times);
    if (perHundred.length <= 20) log(`   pace by hundreds: ${perHundred.map((pace) => pace.toFixed(0)).join(' ')} ms`);
    const early = paceBetween(times, 100, 200);
    const late = paceBetween(times, times.length - 100, times.length);
    log(`   median of the hundreds ${ms(median(perHundred))}; profiles 100–200 ${ms(early)}, the last hundred ${ms(late)} (${(late / early).toFixed(2)}×)`);
    log(`   the worker's heap ${mb(runHeap.start)} → peak ${mb(runHeap.peak)}`);
    // Two windows: the first holds the page's last drawing of the run; the second is the page left alone.
    const settling = await idleWork(page.page, IDLE_MS);
    const idle = await idleWork(page.page, IDLE_MS);
    log(`   the page left open on the finished run: ${ms(settling.busyMs)} of main-thread work in the first ${secs(settling.overMs)}, ${ms(idle.busyMs)} in the next ${secs(idle.overMs)}`);

    const { local, indexedDb } = await storageReport(world, page.page);
    log('3. Storage');
    log(`   storage.local in use: ${mb(local.inUse)} of ${mb(local.quota)} (${((100 * local.inUse) / local.quota).toFixed(0)} %)`);
    log(`     cache: ${local.cacheEntries} answers, ${mb(local.cacheBytes)} (its budget: ${MAX_CACHED_PROFILES} answers, ${mb(MAX_CACHE_BYTES)}); index ${mb(local.indexBytes)}`);
    log(`     the run (head and parts): ${mb(local.runBytes)}; everything else ${mb(local.otherBytes)}`);
    log(`   IndexedDB: ${indexedDb.records} answers, ${mb(indexedDb.recordBytes)} as JSON; the origin uses ${mb(indexedDb.usage)} of a ${mb(indexedDb.quota)} quota`);

    log('4. Downloads');
    const heaps = await heapsOf(world, page.page);
    for (const format of ['csv', 'json'] as const) {
      const file = await exportOnce(page, heaps, format);
      log(
        `   ${format.toUpperCase().padEnd(4)} ${file.rows} rows, ${mb(file.bytes)}, ${secs(file.ms)}; page heap ${mb(file.page.start)} → peak ${mb(file.page.peak)} ` +
          `(${(file.page.peak / file.bytes).toFixed(2)}× the file), worker heap ${mb(file.worker.start)} → peak ${mb(file.worker.peak)}`,
      );
      if (file.rows !== profiles * highlights) throw new Error(`The ${format} file has ${file.rows} rows, not ${profiles * highlights}.`);
    }
    await heaps.session.detach();
    if (local.inUse > local.quota) throw new Error('storage.local is over its quota.');
  } finally {
    await world.close();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  ensureChromium();
  if (args.build) {
    log('Building the extension (wxt build)…');
    await buildExtension({ browser: 'chrome' });
  }
  log('The built extension against the stand-in SociaVault on loopback, which answers at once.');
  for (const { profiles, highlights } of args.modes) await bench(profiles, highlights);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
