/**
 * What the bench records inside a popup page, product or floor alike: added
 * with Playwright's addInitScript, so it runs before the page's own first
 * script and reads only what any page shows (rows marked
 * `data-testid="highlight-row"`, the ID inside them in a `code` element).
 *
 * - first ID painted: the first row's ID element gets an `elementtiming`
 *   attribute the moment it enters the DOM (a MutationObserver runs before
 *   the next frame), so the Element Timing API reports the frame that painted
 *   it. Times are ms since the page's navigation started (performance.now()).
 * - long tasks: every main-thread task over 50 ms (PerformanceObserver
 *   'longtask'), from the page's start.
 * - copying: when a click began, and when navigator.clipboard.writeText was
 *   called and when it resolved.
 * - when the page first sent its background a message.
 */
import type { Page } from 'playwright-core';

export interface ProbeRecord {
  /** renderTime of the frame that first showed a row's ID. */
  firstIdPainted: number | null;
  /** When that ID element entered the DOM. */
  firstIdInserted: number | null;
  longTasks: Array<{ start: number; duration: number }>;
  clickAt: number | null;
  clipboardCalledAt: number | null;
  clipboardDoneAt: number | null;
  clipboardLength: number | null;
  /** When the page first called chrome.runtime.sendMessage (to its background). */
  firstMessageAt: number | null;
}

interface ProbeWindow {
  __benchProbe?: ProbeRecord;
}

/**
 * Runs in the page, before its own scripts. A string, not a function: tsx
 * (esbuild) would wrap named functions in a helper the page does not have.
 */
const PROBE_SCRIPT = String.raw`
(() => {
  const record = {
    firstIdPainted: null,
    firstIdInserted: null,
    longTasks: [],
    clickAt: null,
    clipboardCalledAt: null,
    clipboardDoneAt: null,
    clipboardLength: null,
    firstMessageAt: null,
  };
  window.__benchProbe = record;

  const runtime = globalThis.chrome && chrome.runtime;
  if (runtime && runtime.sendMessage) {
    const send = runtime.sendMessage.bind(runtime);
    runtime.sendMessage = (...args) => {
      if (record.firstMessageAt === null) record.firstMessageAt = performance.now();
      return send(...args);
    };
  }

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) record.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.identifier === 'bench-first-id' && record.firstIdPainted === null) record.firstIdPainted = entry.renderTime || entry.startTime;
    }
  }).observe({ type: 'element', buffered: true });

  // Marks the first row's ID as it enters the DOM: observers run before the next frame is painted.
  const observer = new MutationObserver(() => {
    const id = document.querySelector('[data-testid="highlight-row"] code');
    if (!id) return;
    id.setAttribute('elementtiming', 'bench-first-id');
    record.firstIdInserted = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });

  addEventListener('click', () => { record.clickAt = performance.now(); }, { capture: true });
  const clipboard = navigator.clipboard;
  if (clipboard) {
    const write = clipboard.writeText.bind(clipboard);
    clipboard.writeText = (text) => {
      record.clipboardCalledAt = performance.now();
      record.clipboardLength = text.length;
      return write(text).then(() => { record.clipboardDoneAt = performance.now(); });
    };
  }
})();
`;

export async function addProbe(page: Page): Promise<void> {
  await page.addInitScript({ content: PROBE_SCRIPT });
}

export async function readProbe(page: Page): Promise<ProbeRecord> {
  const record = await page.evaluate(() => (window as ProbeWindow).__benchProbe ?? null);
  if (!record) throw new Error(`The bench probe did not run in ${page.url()}`);
  return record;
}
