/**
 * `npm run bench:collection`: the storage budget of a big collection, in the
 * real extension (headless Chromium) against the local stand-in SociaVault.
 *
 * Pastes 1,000 profiles of 150 highlights each into the collection page and
 * runs them (two lookups at a time, through the lookup service and its cache,
 * as a user's run goes). Then it reports what is stored where: storage.local
 * bytes against its quota, the cache against its own budget, the run record,
 * and the answers in IndexedDB. Last, it downloads the CSV and the JSON,
 * timing each and sampling the JavaScript heap of the page and of the worker
 * while they are made. Garbage is collected first, but a peak still counts
 * garbage not yet collected, so it is an upper bound of what the export
 * keeps. The baseline for the times is a 100-profile collection exported in
 * the same run: a ratio near 10 says the export grows linearly.
 *
 *   npm run bench:collection                     build, run, print
 *   npm run bench:collection -- --no-build       use the existing .output/chrome-mv3
 *   npm run bench:collection -- --profiles 300   a smaller collection (default 1000)
 */
import { readFileSync, statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { MAX_CACHE_BYTES, MAX_CACHED_PROFILES } from '../entrypoints/background/cache/cache-policy';
import { attachToServiceWorker, type TargetSession } from '../test/support/browser';
import { buildExtension } from '../test/support/build';
import { ensureChromium } from '../test/support/chromium';
import { CollectionPage, COLLECTION_VIEWPORT } from '../test/support/collection-page';
import { handles } from '../test/support/collections';
import type { ChromeApi } from '../test/support/chrome-api';
import { bigIdPlus, makeProfile, type Scenarios } from '../test/support/scenarios';
import { startWorld, type World } from '../test/support/world';

declare const chrome: ChromeApi;

let HIGHLIGHTS = 150;
const BASELINE_PROFILES = 100;
const log = (line = '') => console.log(line);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function parseArgs(argv: string[]): { build: boolean; profiles: number } {
  const args = { build: true, profiles: 1000 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-build') args.build = false;
    else if (argv[i] === '--profiles') args.profiles = Number(argv[++i]);
    else if (argv[i] === '--highlights') HIGHLIGHTS = Number(argv[++i]);
    else throw new Error(`Unknown argument ${argv[i]}\nUsage: npm run bench:collection -- [--no-build] [--profiles N]`);
  }
  if (!Number.isInteger(args.profiles) || args.profiles < BASELINE_PROFILES || args.profiles > 1000) throw new Error(`--profiles: ${BASELINE_PROFILES} to 1000`);
  return args;
}

/** `count` profiles `big0`, `big1`, … with 150 highlights each, titles and cover URLs like real ones. */
function bigProfiles(count: number): Scenarios {
  return Object.fromEntries(
    handles('big', count).map((handle, i) => [
      handle,
      makeProfile({
        username: handle,
        ownerId: String(5_000_000_000 + i),
        firstId: bigIdPlus('17900000000000000', i * 10_000_000),
        titles: Array.from({ length: HIGHLIGHTS }, (_, j) => `${['Travel', 'Food', 'Behind the scenes', 'Q&A', 'Ünïcødé ✓', '東京の夜'][j % 6]} ${j + 1}`),
      }),
    ]),
  );
}

/** Samples a JavaScript heap every 50 ms until stopped; the peak and where it started. */
function heapSampler(usedSize: () => Promise<number>) {
  let peak = 0;
  let running = true;
  const first = usedSize().then((used) => (peak = Math.max(peak, used)));
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await usedSize().catch(() => 0));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return { start: await first, peak };
  };
}

interface Heaps {
  page: () => Promise<number>;
  worker: () => Promise<number>;
  /** Collects the garbage of both, so that a peak is measured from what is really kept. */
  collect: () => Promise<void>;
}

async function heapsOf(world: World, page: Page): Promise<Heaps & { worker: () => Promise<number>; session: TargetSession }> {
  const cdp = await page.context().newCDPSession(page);
  const session = await attachToServiceWorker(world.browser);
  const used = (r: { usedSize: number }) => r.usedSize;
  return {
    page: () => cdp.send('Runtime.getHeapUsage').then(used),
    worker: () => session.send<{ usedSize: number }>('Runtime.getHeapUsage').then(used),
    collect: async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await session.send('HeapProfiler.collectGarbage');
    },
    session,
  };
}

/** Downloads the file `format`, timing the click until the file is saved; the heaps' peaks meanwhile. */
async function exportOnce(collection: CollectionPage, heaps: Heaps, format: 'csv' | 'json') {
  await collection.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  await heaps.collect();
  const stopPage = heapSampler(heaps.page);
  const stopWorker = heapSampler(heaps.worker);
  const started = performance.now();
  const [download] = await Promise.all([
    collection.page.waitForEvent('download', { timeout: 300_000 }),
    collection.page.getByRole('button', { name: format === 'csv' ? 'Download CSV' : 'Download JSON', exact: true }).click(),
  ]);
  const path = await download.path();
  const ms = performance.now() - started;
  const [page, worker] = await Promise.all([stopPage(), stopWorker()]);
  const text = readFileSync(path, 'utf8');
  const rows = format === 'csv' ? text.split('\r\n').length - 2 : (JSON.parse(text) as Array<{ highlights: unknown[] }>).reduce((n, p) => n + p.highlights.length, 0);
  return { ms, bytes: statSync(path).size, rows, page, worker };
}

async function runCollection(world: World, list: readonly string[], id?: string): Promise<{ page: CollectionPage; ms: number }> {
  const page = await CollectionPage.open(world.browser, { id, viewport: COLLECTION_VIEWPORT });
  log(`  pasted ${list.length} handles: ${await page.paste(list.join('\n'))}`);
  log(`  ${await page.estimate()}`);
  await page.start();
  const started = performance.now();
  await page.confirmStart();
  const report = setInterval(() => void page.progress().then((p) => log(`  … ${p.text}`), () => undefined), 30_000);
  await page.waitForPhase('finished', 60 * 60_000).finally(() => clearInterval(report));
  const ms = performance.now() - started;
  log(`  finished in ${secs(ms)}: ${await page.progressText()}`);
  return { page, ms };
}

async function storageReport(world: World, page: Page) {
  const control = await world.browser.control();
  // No named functions inside evaluate(): tsx would wrap them in a helper the page does not have.
  const local = await control.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    const sizes = Object.entries(all).map(([key, value]) => [key, new TextEncoder().encode(key + JSON.stringify(value)).length] as const);
    const groups = { cacheEntries: 0, cacheBytes: 0, indexBytes: 0, runBytes: 0, otherBytes: 0 };
    for (const [key, bytes] of sizes) {
      if (key.startsWith('cache:')) {
        groups.cacheEntries += 1;
        groups.cacheBytes += bytes;
      } else if (key === 'cacheIndex') groups.indexBytes += bytes;
      else if (key.startsWith('collection:')) groups.runBytes += bytes;
      else groups.otherBytes += bytes;
    }
    return { inUse: await chrome.storage.local.getBytesInUse(null), quota: chrome.storage.local.QUOTA_BYTES, ...groups };
  });
  const indexedDb = await page.evaluate(async () => {
    const estimate = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('highlight-lookup');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const records = await new Promise<unknown[]>((resolve, reject) => {
      const req = db.transaction('collectionResults').objectStore('collectionResults').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return {
      usage: estimate.usage ?? 0,
      quota: estimate.quota ?? 0,
      indexedDB: estimate.usageDetails?.indexedDB ?? null,
      records: records.length,
      recordBytes: records.reduce<number>((n, r) => n + JSON.stringify(r).length, 0),
    };
  });
  return { local, indexedDb };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  ensureChromium();
  if (args.build) {
    log('Building the extension (wxt build)…');
    await buildExtension({ browser: 'chrome' });
  }
  const scenarios = bigProfiles(args.profiles);
  const world = await startWorld({ scenarios, credits: 1_000_000, siteProfiles: [] });
  try {
    await world.reset();
    const version = world.browser.context.browser()?.version() ?? '';
    log(`Chromium ${version} (headless), the built extension, the stand-in SociaVault on loopback.\n`);

    log(`1. A collection of ${args.profiles} profiles × ${HIGHLIGHTS} highlights, run to the end`);
    const all = handles('big', args.profiles);
    const sessionHeap = await attachToServiceWorker(world.browser);
    const stopRunHeap = heapSampler(() => sessionHeap.send<{ usedSize: number }>('Runtime.getHeapUsage').then((r) => r.usedSize));
    const big = await runCollection(world, all);
    const runHeap = await stopRunHeap();
    await sessionHeap.detach();
    const requests = world.highlightRequests();
    log(`  requests to SociaVault: ${requests} (one per profile)`);
    const arrivals = world.highlightLog().map((r) => r.at).sort((a, b) => a - b);
    for (let from = 0; from + 100 <= arrivals.length; from += 100) {
      log(`  pace ${from}-${from + 100}: ${((arrivals[from + 99]! - arrivals[from]!) / 99).toFixed(1)} ms/profile`);
    }

    log('\n2. Storage');
    const stored = await storageReport(world, big.page.page);
    const { local, indexedDb } = stored;
    log(`  storage.local in use: ${mb(local.inUse)} of ${mb(local.quota)} (${((100 * local.inUse) / local.quota).toFixed(0)} %)`);
    log(`    cache: ${local.cacheEntries} answers, ${mb(local.cacheBytes)} (its budget: ${MAX_CACHED_PROFILES} answers, ${mb(MAX_CACHE_BYTES)}); index ${mb(local.indexBytes)}`);
    log(`    the run record (1 key per collection): ${mb(local.runBytes)}; everything else ${mb(local.otherBytes)}`);
    log(`  IndexedDB: ${indexedDb.records} answers, ${mb(indexedDb.recordBytes)} as JSON; the origin uses ${mb(indexedDb.usage)}${indexedDb.indexedDB === null ? '' : ` (IndexedDB ${mb(indexedDb.indexedDB)})`} of a ${mb(indexedDb.quota)} quota`);

    log('\n3. Exports');
    const heaps = await heapsOf(world, big.page.page);
    const bigCsv = await exportOnce(big.page, heaps, 'csv');
    const bigJson = await exportOnce(big.page, heaps, 'json');
    await heaps.session.detach();

    // Baseline: the last 100 profiles in a collection of their own. Their answers are the
    // newest in the cache, so this run sends nothing.
    const baseline = await big.page.page.evaluate(async () => (await chrome.runtime.sendMessage({ type: 'collection-create', name: 'Baseline' })) as { id: string });
    const small = await runCollection(world, all.slice(-BASELINE_PROFILES), baseline.id);
    const smallHeaps = await heapsOf(world, small.page.page);
    const smallCsv = await exportOnce(small.page, smallHeaps, 'csv');
    const smallJson = await exportOnce(small.page, smallHeaps, 'json');
    await smallHeaps.session.detach();
    log(`  baseline run of ${BASELINE_PROFILES} cached profiles: ${world.highlightRequests() - requests} requests`);

    const row = (name: string, r: Awaited<ReturnType<typeof exportOnce>>, base: Awaited<ReturnType<typeof exportOnce>>) =>
      `  ${name.padEnd(5)} ${String(r.rows).padStart(7)} rows ${mb(r.bytes).padStart(9)}  ${secs(r.ms).padStart(7)} (${(r.ms / base.ms).toFixed(1)}× the ${BASELINE_PROFILES}-profile export)` +
      `  page heap ${mb(r.page.start)} → peak ${mb(r.page.peak)}, worker heap ${mb(r.worker.start)} → peak ${mb(r.worker.peak)}`;
    log(row('CSV', bigCsv, smallCsv));
    log(row('JSON', bigJson, smallJson));
    log(`\n  the run: ${secs(big.ms)} for ${args.profiles} profiles; worker heap ${mb(runHeap.start)} → peak ${mb(runHeap.peak)}`);
    if (bigCsv.rows !== args.profiles * HIGHLIGHTS || bigJson.rows !== args.profiles * HIGHLIGHTS) throw new Error('An export lacks rows.');
    if (local.inUse > local.quota) throw new Error('storage.local is over its quota.');
  } finally {
    await world.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
