/**
 * What `npm run bench:collection` measures of a collection in the real
 * extension: the heaps of the page and the worker, a download timed with the
 * heaps' peaks meanwhile, and what is stored where.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { attachToServiceWorker, type TargetSession } from '../support/browser';
import type { CollectionPage } from '../support/collection-page';
import { handles } from '../support/collections';
import type { ChromeApi } from '../support/chrome-api';
import { bigIdPlus, makeProfile, type Scenarios } from '../support/scenarios';
import type { World } from '../support/world';

declare const chrome: ChromeApi;

/** `count` profiles `big0`, `big1`, … with `highlights` highlights each, titles and cover URLs like real ones. */
export function bigProfiles(count: number, highlights: number): Scenarios {
  return Object.fromEntries(
    handles('big', count).map((handle, i) => [
      handle,
      makeProfile({
        username: handle,
        ownerId: String(5_000_000_000 + i),
        firstId: bigIdPlus('17900000000000000', i * 10_000_000),
        titles: Array.from({ length: highlights }, (_, j) => `${['Travel', 'Food', 'Behind the scenes', 'Q&A', 'Ünïcødé ✓', '東京の夜'][j % 6]} ${j + 1}`),
      }),
    ]),
  );
}

/** Samples a JavaScript heap every 50 ms until stopped; the peak and where it started. */
export function heapSampler(usedSize: () => Promise<number>) {
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

export interface Heaps {
  page: () => Promise<number>;
  worker: () => Promise<number>;
  /** Collects the garbage of both, so that a peak is measured from what is really kept. */
  collect: () => Promise<void>;
}

export async function heapsOf(world: World, page: Page): Promise<Heaps & { worker: () => Promise<number>; session: TargetSession }> {
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
export async function exportOnce(collection: CollectionPage, heaps: Heaps, format: 'csv' | 'json') {
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

export async function storageReport(world: World, page: Page) {
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
      else if (key.startsWith('collection:') || key.startsWith('collectionPart:')) groups.runBytes += bytes;
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

/**
 * The page's main-thread work (Chromium's TaskDuration: every task, script,
 * style, layout and paint) over `ms` of a page left open with nothing
 * happening: what a finished collection costs while its page stays open.
 */
export async function idleWork(page: Page, ms: number): Promise<{ busyMs: number; overMs: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  };
  const before = await taskSeconds();
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const busyMs = ((await taskSeconds()) - before) * 1000;
  const overMs = performance.now() - started;
  await cdp.detach();
  return { busyMs, overMs };
}
