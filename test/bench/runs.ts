/**
 * How the bench measures: runs of the product and the floor interleaved, one
 * popup opened and read through the in-page probe, and filler answers for a
 * cache of a given size.
 */
import { entryBytes } from '../../entrypoints/background/cache/cache-policy';
import { cacheEntryKey } from '../../utils/storage-keys';
import { until } from '../support/poll';
import { readProbe, type ProbeRecord } from './probe';
import { fillerList, type Subject, type SubjectName } from './subjects';

export type Samples = Record<SubjectName, number[]>;

/**
 * A pause after each run: a closed popup's page is torn down (its DOM freed,
 * its heap collected) after the run returns, and on two cores that work of
 * one subject's browser would land in the next run of the other's (a
 * 5,000-row popup's teardown showed as 98 and 221 ms "long tasks" in the
 * product's next runs, none in 30 runs spaced apart).
 */
const SETTLE_MS = 150;

/**
 * Runs `once` `runs` times for each subject, alternating which goes first, so
 * that a slow moment of the machine hits both alike. An unmeasured warm-up
 * run of each comes first.
 */
export async function interleaved(subjects: readonly Subject[], runs: number, once: (subject: Subject, run: number) => Promise<number>): Promise<Samples> {
  const samples: Samples = { product: [], floor: [] };
  const settle = () => new Promise((done) => setTimeout(done, SETTLE_MS));
  for (const subject of subjects) {
    await once(subject, -1);
    await settle();
  }
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? subjects : [...subjects].reverse();
    for (const subject of order) {
      samples[subject.name].push(await once(subject, run));
      await settle();
    }
  }
  return samples;
}

export interface PopupSample {
  probe: ProbeRecord;
  firstIdMs: number;
  /** The longest task before any click (0: none over 50 ms). */
  longestTaskMs: number;
  copyMs: number | null;
  /** Whether the extension's worker was running once the popup had painted (asked before it closes). */
  workerRunning: boolean;
}

/** Opens the popup, waits for `rows` rows and a quiet moment, optionally clicks Copy all; reads the probe. */
export async function popupRun(subject: Subject, rows: number, { copyAll = false } = {}): Promise<PopupSample> {
  const popup = await subject.openPopup();
  try {
    await popup.page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="highlight-row"]').length >= n,
      rows,
      { polling: 100, timeout: 60_000 },
    );
    // A quiet moment after the last row: a trailing task (layout, a last chunk) still counts.
    await popup.page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
    let copyMs: number | null = null;
    if (copyAll) {
      await popup.page.bringToFront(); // the clipboard serves the focused document only
      // By its text, not its role: a role query computes the accessible name of
      // every button in the page, 5,000 rows' worth, on each retry.
      await popup.page.locator('button', { hasText: /^\s*Copy all/ }).first().click();
      const probe = await until('the clipboard to be written', () => readProbe(popup.page), (p) => p.clipboardDoneAt !== null, 10_000);
      if (probe.clipboardLength === null || probe.clipboardLength < rows * 17) throw new Error(`${subject.name}: Copy all copied ${probe.clipboardLength} characters`);
      copyMs = probe.clipboardDoneAt! - probe.clickAt!;
    }
    const probe = await readProbe(popup.page);
    if (probe.firstIdPainted === null) throw new Error(`${subject.name}: no paint of a row's ID was reported`);
    const beforeClick = probe.longTasks.filter((t) => probe.clickAt === null || t.start < probe.clickAt);
    const longestTaskMs = Math.max(0, ...beforeClick.map((t) => t.duration));
    // Before closing: closing a tab starts the product's worker (its tabs.onRemoved listener).
    const workerRunning = await subject.isWorkerRunning();
    return { probe, firstIdMs: probe.firstIdPainted, longestTaskMs, copyMs, workerRunning };
  } finally {
    await popup.close();
  }
}

/** Filler answers for a cache of about `total` bytes (product format), besides the answer shown. */
export function fillers(total: number, shown: number): ReturnType<typeof fillerList>[] {
  const now = Date.now();
  const lists: ReturnType<typeof fillerList>[] = [];
  let bytes = shown;
  const full = fillerList('filler0', 150, now);
  const fullBytes = entryBytes(cacheEntryKey('filler0'), full);
  const perHighlight = fullBytes / 150;
  while (total - bytes > perHighlight) {
    const handle = `filler${lists.length}`;
    const count = Math.min(150, Math.floor((total - bytes) / perHighlight) - 1);
    if (count < 1) break;
    const list = fillerList(handle, count, now);
    lists.push(list);
    bytes += entryBytes(cacheEntryKey(handle), list);
  }
  return lists;
}
