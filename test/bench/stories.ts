/**
 * The bench's stories figure: a highlight with 100 stories, cached, opened
 * from its row's menu, against the cached list of 12 in the same product
 * popup. The stories view cannot be opened on its own (no address leads to
 * it: a person always reaches it from a row's menu), so its clock starts at
 * the click on *Stories*, and the list's at the popup's navigation; both end
 * when the first ID is painted. What comes before the click (the list, the
 * menu) is the list's figure and the person's time.
 */
import type { SociaVaultServer } from '../support/sociavault-server';
import { API_PATHS } from '../support/sociavault-server';
import { HUNDRED_STORIES_HIGHLIGHT } from '../support/scenarios';
import { readProbe } from './probe';
import { summarise } from './report';
import { popupRun, type Samples } from './runs';
import type { Subject } from './subjects';

/**
 * Runs `a` and `b` `runs` times each on one subject, alternating which goes
 * first, after an unmeasured warm-up of each: two measures of the same
 * extension compared the way product and floor are.
 */
async function alternating(runs: number, a: (run: number) => Promise<number>, b: (run: number) => Promise<number>): Promise<{ a: number[]; b: number[] }> {
  const samples = { a: [] as number[], b: [] as number[] };
  await a(-1);
  await b(-1);
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
    for (const which of order) samples[which].push(await (which === 'a' ? a : b)(run));
  }
  return samples;
}

export interface StoriesSample {
  /** The click on *Stories* → the first story's ID painted. */
  firstStoryMs: number;
  /** Click → the stories view in the DOM (its lazy chunk loaded and rendered, "Loading…"). */
  viewMs: number;
  /** Click → the first story's ID in the DOM (the background's answer in, the stories rendered). */
  insertedMs: number;
  /** Whether the row's menu said *Stories* without a cost, i.e. the stories were cached. */
  cached: boolean;
  longestTaskMs: number;
}

/**
 * Opens the popup on a cached list, then a row's menu, and chooses *Stories*
 * for `highlightId` as a person does; waits for `stories` stories and a quiet
 * moment, and reads the probe. The clock starts at the click: the list was
 * painted and settled before it.
 */
async function storiesRun(subject: Subject, highlightId: string, stories: number): Promise<StoriesSample> {
  const popup = await subject.openPopup();
  try {
    const { page } = popup;
    await page.waitForFunction(() => document.querySelector('[data-testid="highlight-row"]') !== null, null, { polling: 100, timeout: 60_000 });
    await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
    await page.getByRole('button', { name: `More actions for highlight ${highlightId}` }).click();
    // The menu asks whether the stories are cached as it opens; its answer is the label.
    const cached = await page.waitForFunction(() => document.querySelector('[data-testid="row-menu-stories"]')?.getAttribute('data-cached') ?? null, null, { polling: 20 });
    const wasCached = (await cached.jsonValue()) === 'true';
    await page.getByTestId('row-menu-stories').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="story-row"]').length >= n, stories, { polling: 100, timeout: 60_000 });
    await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
    const probe = await readProbe(page);
    const { storiesClickAt: click, storiesViewInserted: view, firstStoryInserted: inserted, firstStoryPainted: painted } = probe;
    if (click === null || view === null || inserted === null || painted === null) throw new Error(`no paint of a story's ID was reported (${JSON.stringify(probe)})`);
    const longestTaskMs = Math.max(0, ...probe.longTasks.filter((t) => t.start + t.duration > click).map((t) => t.duration));
    return { firstStoryMs: painted - click, viewMs: view - click, insertedMs: inserted - click, cached: wasCached, longestTaskMs };
  } finally {
    await popup.close();
  }
}

export interface StoriesFigure {
  /** product: click → first story painted; floor: popup → first ID of the cached list of 12 painted. */
  samples: Samples;
  runs: StoriesSample[];
  /** highlight-detail requests the section made (1: the warm-up's, which cached the stories). */
  requests: number;
}

/** Interleaved runs of the stories (bigprofile's first highlight, 100 stories) and the cached list of 12 (nasa). */
export async function measureStories(product: Subject, api: SociaVaultServer, runs: number): Promise<StoriesFigure> {
  const detailRequests = () => api.requests.filter((r) => r.path === API_PATHS.highlightDetail).length;
  const before = detailRequests();
  const stories: StoriesSample[] = [];
  const { a, b } = await alternating(
    runs,
    async (run) => {
      await product.navigate('/bigprofile/', 'bigprofile');
      await product.wakeWorker();
      const sample = await storiesRun(product, HUNDRED_STORIES_HIGHLIGHT, 100);
      if (run >= 0) {
        if (!sample.cached) throw new Error(`run ${run}: the stories were not cached after the warm-up`);
        stories.push(sample);
      }
      return sample.firstStoryMs;
    },
    async () => {
      await product.navigate('/nasa/', 'nasa');
      await product.wakeWorker();
      return (await popupRun(product, 12)).firstIdMs;
    },
  );
  return { samples: { product: a, floor: b }, runs: stories, requests: detailRequests() - before };
}

/** The figure's note: what each side timed, where the stories' time went (medians), and what was paid. */
export function storiesNote({ runs, requests }: StoriesFigure): string {
  const median = (pick: (run: StoriesSample) => number) => summarise(runs.map(pick)).median.toFixed(0);
  return (
    `product: the click on *Stories* → its first story's ID painted (medians: the view in the DOM ${median((r) => r.viewMs)} ms, ` +
    `the first story in the DOM ${median((r) => r.insertedMs)} ms, longest task ${median((r) => r.longestTaskMs)} ms); ` +
    `floor: the product's popup → first ID of the cached list of 12 painted; ${requests} highlight-detail request (the warm-up's)`
  );
}
