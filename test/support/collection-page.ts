/**
 * The collection page (collection.html) as a person uses it: paste a list,
 * read what became of it, estimate, start and confirm, watch the progress,
 * pause or resume, download the files. No test framework in here: the e2e
 * tests, the demo and the bench share it.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import { until } from './poll';
import { textOf } from './popup';

export const COLLECTION_VIEWPORT = { width: 960, height: 1000 };

/** `<main data-phase>`: the run's phase, or `loading` before the page has heard from the background. */
export type PagePhase = 'loading' | 'idle' | 'running' | 'paused' | 'stopped' | 'finished' | 'cancelled';

export interface TableRow {
  handle: string;
  /** new, cached, queued, running, done or failed */
  status: string;
  /** The lookup error's kind for a failed row. */
  error: string | null;
  /** Highlights, once done. */
  count: number | null;
  /** What the status column says. */
  statusText: string;
}

export interface Progress {
  now: number;
  min: number;
  max: number;
  /** What the bar tells a screen reader ("40 of 135 profiles"). */
  text: string;
}

export interface DownloadedFile {
  name: string;
  text: string;
}

export class CollectionPage {
  constructor(readonly page: Page) {}

  /** Opens collection.html (for collection `id`, else the default one) in a new tab, once it shows a collection. */
  static async open(
    browser: ExtensionBrowser,
    { id, viewport }: { id?: string; viewport?: { width: number; height: number } } = {},
  ): Promise<CollectionPage> {
    const page = await browser.context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    await page.goto(`${browser.extensionOrigin}/collection.html${id ? `?id=${encodeURIComponent(id)}` : ''}`);
    const collection = new CollectionPage(page);
    await collection.loaded();
    return collection;
  }

  get main(): Locator {
    return this.page.locator('main.collection-page');
  }

  async phase(): Promise<PagePhase> {
    return ((await this.main.getAttribute('data-phase')) ?? 'loading') as PagePhase;
  }

  /** Waits until the page shows a collection (its run's phase instead of `loading`). */
  async loaded(timeoutMs = 10_000): Promise<PagePhase> {
    return until('the collection page to load its collection', () => this.phase(), (phase) => phase !== 'loading', timeoutMs);
  }

  /** Waits until the run is in one of `phases`; the error on timeout says what the page shows. */
  async waitForPhase(phases: PagePhase | readonly PagePhase[], timeoutMs = 30_000): Promise<PagePhase> {
    const wanted: readonly string[] = typeof phases === 'string' ? [phases] : phases;
    return until(
      `the run to be ${wanted.join(' or ')}`,
      async () => `${await this.phase()} — ${(await this.progress().catch(() => null))?.text ?? 'no progress bar'}`,
      (seen) => wanted.includes(seen.split(' — ')[0]!),
      timeoutMs,
    ).then((seen) => seen.split(' — ')[0] as PagePhase);
  }

  pasteField(): Locator {
    return this.page.getByLabel('Profiles to add');
  }

  /** Pastes `text` into the field, presses "Add to collection" and returns what the page says it added. */
  async paste(text: string): Promise<string> {
    const summary = this.page.getByTestId('paste-added');
    const before = await textOf(summary).catch(() => '');
    await this.pasteField().fill(text);
    await this.page.getByRole('button', { name: 'Add to collection', exact: true }).click();
    await until('the field to be emptied after adding', () => this.pasteField().inputValue(), (value) => value === '', 10_000);
    return until('the page to say what it added', () => textOf(summary), (now) => now !== '' && now !== before, 10_000).catch(() => textOf(summary));
  }

  /**
   * Puts `text` on the clipboard and pastes it into the field with Ctrl+V, as
   * a person pastes a long list (Playwright's fill() types it in as input,
   * which takes minutes for ten thousand lines). Returns once the field
   * holds it; press Add with `add()`.
   */
  async pasteFromClipboard(text: string): Promise<void> {
    await this.page.bringToFront();
    await this.page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await this.pasteField().focus();
    await this.page.keyboard.press('ControlOrMeta+V');
    await until('the field to hold the paste', () => this.pasteField().evaluate((field) => (field as HTMLTextAreaElement).value.length), (length) => length === text.length, 30_000);
  }

  /** Presses "Add to collection" and returns what the page says it added, once it is done (the field then shows what it keeps). */
  async add(): Promise<string> {
    const summary = this.page.getByTestId('paste-added');
    const button = this.page.getByRole('button', { name: 'Add to collection', exact: true });
    const before = await textOf(summary).catch(() => '');
    await button.click();
    const said = await until('the page to say what it added', () => textOf(summary), (now) => now !== '' && now !== before, 30_000);
    await until('the page to be done adding', () => button.isEnabled(), Boolean, 30_000);
    return said;
  }

  pasteSummary(): Promise<string> {
    return textOf(this.page.getByTestId('paste-added'));
  }

  /** The refused entries as listed: [reason, text of the line]. */
  refusedEntries(): Promise<Array<{ reason: string; text: string }>> {
    return this.page
      .getByTestId('paste-refused')
      .locator('li')
      .evaluateAll((items) => items.map((li) => ({ reason: li.getAttribute('data-reason') ?? '', text: (li.textContent ?? '').trim() })));
  }

  duplicateEntries(): Promise<string[]> {
    return this.page
      .getByTestId('paste-duplicates')
      .locator('li')
      .evaluateAll((items) => items.map((li) => (li.textContent ?? '').trim()));
  }

  /**
   * Every row of the table, in order. The table draws only the rows in view,
   * so this scrolls its box from top to bottom, as a person would, reading
   * the rows each position shows (by `aria-rowindex`), then scrolls back up.
   */
  async rows(): Promise<TableRow[]> {
    if ((await this.page.locator('.table-scroll').count()) === 0) return [];
    // No named functions inside evaluate(): tsx would wrap them in a helper the page does not have.
    return this.page.locator('.table-scroll').evaluate(async (box) => {
      const byIndex = new Map<number, { handle: string; status: string; error: string | null; count: number | null; statusText: string }>();
      const total = Number(box.querySelector('table')?.getAttribute('aria-rowcount') ?? '1') - 1;
      box.scrollTop = 0;
      for (let guard = 0; guard < 100_000; guard++) {
        // The table draws on the scroll event; a frame later the rows are there.
        await new Promise((resolve) => setTimeout(resolve, 20));
        for (const tr of box.querySelectorAll('tr[data-handle]')) {
          const count = tr.querySelector('td.numeric')?.textContent ?? '';
          byIndex.set(Number(tr.getAttribute('aria-rowindex')), {
            handle: tr.getAttribute('data-handle') ?? '',
            status: tr.getAttribute('data-status') ?? '',
            error: tr.getAttribute('data-error'),
            count: count === '' ? null : Number(count),
            statusText: (tr.querySelector('td.status')?.textContent ?? '').trim(),
          });
        }
        if (byIndex.size >= total || box.scrollTop + box.clientHeight >= box.scrollHeight - 1) break;
        box.scrollTop += Math.max(1, box.clientHeight - 40);
      }
      box.scrollTop = 0;
      return [...byIndex].sort(([a], [b]) => a - b).map(([, row]) => row);
    });
  }

  /** Presses Estimate; returns what the page says (estimate and balance). */
  async estimate(): Promise<string> {
    const status = this.page.getByTestId('collection-estimate-status');
    await this.page.getByRole('button', { name: 'Estimate', exact: true }).click();
    return until('the estimate to show', () => textOf(status), (text) => text !== '', 10_000);
  }

  confirmPanel(): Locator {
    return this.page.getByTestId('collection-confirm');
  }

  /** Presses Start; returns the confirmation it asks for (nothing is sent yet). */
  async start(): Promise<string> {
    await this.page.getByRole('button', { name: 'Start', exact: true }).click();
    await this.confirmPanel().waitFor({ state: 'visible', timeout: 10_000 });
    return until('the confirmation to show the estimate', () => textOf(this.confirmPanel()), (text) => /=|free|nothing/i.test(text), 10_000);
  }

  /** Presses the confirmation's start button and waits until the run is under way (or already over). */
  async confirmStart(): Promise<void> {
    await this.confirmPanel().getByRole('button', { name: /^Start/ }).click();
    await this.waitForPhase(['running', 'finished', 'stopped'], 10_000);
  }

  async pause(): Promise<void> {
    await this.page.getByRole('button', { name: 'Pause', exact: true }).click();
  }

  async resume(): Promise<void> {
    await this.page.getByRole('button', { name: 'Resume', exact: true }).click();
  }

  async cancelRun(): Promise<void> {
    await this.page.getByRole('button', { name: 'Cancel run', exact: true }).click();
  }

  /** The progress bar's values. */
  async progress(): Promise<Progress> {
    const bar = this.page.getByRole('progressbar');
    const number = async (name: string) => Number(await bar.getAttribute(name, { timeout: 2_000 }));
    return {
      now: await number('aria-valuenow'),
      min: await number('aria-valuemin'),
      max: await number('aria-valuemax'),
      text: (await bar.getAttribute('aria-valuetext')) ?? '',
    };
  }

  /** "40 of 135 profiles 25 credits spent About 1 min left". */
  progressText(): Promise<string> {
    return textOf(this.page.getByTestId('collection-progress-text'));
  }

  /** What the page says after a run stopped by itself. */
  stopNotice(): Promise<string> {
    return textOf(this.page.getByTestId('collection-stopped'));
  }

  /** The outcome of the last action (success), or of a failure. */
  async notice(): Promise<string> {
    return `${await textOf(this.page.getByTestId('collection-notice'))}${await textOf(this.page.getByTestId('collection-error'))}`;
  }

  /** Presses "Download CSV" or "Download JSON" and reads the file the browser saved. */
  async download(format: 'csv' | 'json'): Promise<DownloadedFile> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 20_000 }),
      this.page.getByRole('button', { name: format === 'csv' ? 'Download CSV' : 'Download JSON', exact: true }).click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  /** Presses "Copy all IDs" in the focused page and returns what the clipboard then holds. */
  async copyAllIds(): Promise<string> {
    await this.page.bringToFront();
    await this.page.evaluate(() => navigator.clipboard.writeText(''));
    await this.page.getByRole('button', { name: 'Copy all IDs', exact: true }).click();
    return until('the clipboard to hold the IDs', () => this.page.evaluate(() => navigator.clipboard.readText()), (text) => text !== '', 10_000);
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
