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
 * - a highlight's stories: when *Stories* in a row's menu was clicked (the
 *   click event's own time), when the stories view entered the DOM (its lazy
 *   chunk loaded and rendered), and when the first story's ID entered the
 *   DOM and was painted (Element Timing again). Watched only from that
 *   click, so the list's figures do not pay for a second observer.
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
  /** The click on *Stories* in a row's menu (the event's time stamp). */
  storiesClickAt: number | null;
  /** When the stories view (loading, at first) entered the DOM. */
  storiesViewInserted: number | null;
  /** When the first story's ID entered the DOM. */
  firstStoryInserted: number | null;
  /** renderTime of the frame that first showed a story's ID. */
  firstStoryPainted: number | null;
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
    storiesClickAt: null,
    storiesViewInserted: null,
    firstStoryInserted: null,
    firstStoryPainted: null,
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
      if (entry.identifier === 'bench-first-story' && record.firstStoryPainted === null) record.firstStoryPainted = entry.renderTime || entry.startTime;
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

  addEventListener('click', (event) => {
    record.clickAt = performance.now();
    const stories = event.target instanceof Element && event.target.closest('[data-testid="row-menu-stories"]');
    if (!stories || record.storiesClickAt !== null) return;
    record.storiesClickAt = event.timeStamp;
    const watch = new MutationObserver(() => {
      if (record.storiesViewInserted === null && document.querySelector('[data-testid="stories-view"]')) record.storiesViewInserted = performance.now();
      const id = document.querySelector('[data-testid="story-row"] code');
      if (!id) return;
      id.setAttribute('elementtiming', 'bench-first-story');
      record.firstStoryInserted = performance.now();
      watch.disconnect();
    });
    watch.observe(document, { childList: true, subtree: true });
  }, { capture: true });
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
