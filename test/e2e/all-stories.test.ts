/**
 * All stories of a profile, as a person gets them from the list's menu: the
 * estimate comes from the cache with no request, nothing is sent before
 * Get the stories, then exactly one highlight-detail request per highlight
 * the cache did not hold, and one CSV and one JSON with every story id
 * exact. A worker stopped mid-run does not pay twice for the request it lost.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_PATHS } from '../support/sociavault-server';
import { DEFAULT_SCENARIOS, profileScenarios, storiesScenario, UNKNOWN_SHAPE_HIGHLIGHT } from '../support/scenarios';
import type { Popup } from '../support/popup';
import { POPUP_LABELS } from '../support/popup-model';
import { idsOf, useWorld } from './fixture';

const world = useWorld();

const nasa = profileScenarios(DEFAULT_SCENARIOS).find((p) => p.username === 'nasa')!;
const ids = () => idsOf('nasa');

const detailRequests = (id?: string) =>
  world.api.requests.filter((r) => r.path === API_PATHS.highlightDetail && (id === undefined || r.query.id === id)).length;

/** Opens the list's menu and chooses All stories…; resolves when the estimate (or a run) shows. */
async function openAllStories(popup: Popup): Promise<string> {
  await popup.page.bringToFront();
  await popup.page.getByRole('button', { name: POPUP_LABELS.menu }).click();
  await popup.page.getByTestId('all-stories-open').click();
  const view = popup.page.getByTestId('all-stories');
  await expect.poll(() => view.getAttribute('data-state'), { timeout: 15_000 }).not.toBe('loading');
  return (await view.getAttribute('data-state'))!;
}

const runPhase = (popup: Popup) => popup.page.getByTestId('all-stories-run').getAttribute('data-phase');

/** Each highlight's story ids, in list order; the one in no known shape gives none. */
const expectedIds = () =>
  ids().flatMap((id, index) => (id === UNKNOWN_SHAPE_HIGHLIGHT ? [] : storiesScenario(nasa, index).stories.map((story) => [id, story.pk] as const)));

describe('all stories of a profile', () => {
  it('are estimated from the cache with no request, then cost one request per uncached highlight; the files read back exact', async () => {
    const { popup } = await world.popupFor('/nasa/');
    await popup.settled('list');
    // One highlight's stories cached beforehand: the estimate counts it as free.
    await popup.page.getByRole('button', { name: `More actions for highlight ${ids()[0]}` }).click();
    await popup.page.getByTestId('row-menu-stories').click();
    await expect.poll(() => popup.page.getByTestId('stories-view').getAttribute('data-state')).toBe('answer');
    await popup.page.getByRole('button', { name: 'Back to the list' }).click();
    expect(detailRequests()).toBe(1);

    expect(await openAllStories(popup)).toBe('estimate');
    expect(await popup.page.getByTestId('all-stories-estimate').innerText()).toBe('12 highlights: 1 cached, 11 credits');
    expect(await popup.page.getByTestId('all-stories-confirm').innerText()).toBe('Get the stories · 11 credits');
    expect(detailRequests()).toBe(1);

    await popup.page.getByTestId('all-stories-confirm').click();
    await expect.poll(() => runPhase(popup), { timeout: 20_000 }).toBe('finished');
    expect(await popup.page.getByTestId('all-stories-run').getAttribute('data-spent')).toBe('11');
    expect(detailRequests()).toBe(12);
    for (const id of ids()) expect(detailRequests(id), id).toBe(1);

    const expected = expectedIds();
    for (const format of ['csv', 'json'] as const) {
      const saved = popup.page.waitForEvent('download');
      await popup.page.getByTestId(`all-stories-${format}`).click();
      const download = await saved;
      expect(download.suggestedFilename()).toMatch(new RegExp(`^nasa-stories-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
      const content = readFileSync((await download.path())!, 'utf8');
      if (format === 'csv') {
        expect(content.startsWith('\uFEFFhandle,highlight_id,highlight_title,story_id,media_type,taken_at,media_url,thumbnail_url,video_duration\r\n')).toBe(true);
        const rows = content.trimEnd().split('\r\n').slice(1).map((row) => row.split(','));
        expect(rows.map((row) => [row[1], row[3]])).toEqual(expected);
        expect(rows.every((row) => row[0] === 'nasa')).toBe(true);
      } else {
        // Read as text: ids are strings in the file, exact as written.
        const pairs = [...content.matchAll(/"highlight_id":\s*"(\d+)"|"story_id":\s*"(\d+)"/g)];
        let highlight = '';
        const found: Array<readonly [string, string]> = [];
        for (const match of pairs) {
          if (match[1]) highlight = match[1];
          else found.push([highlight, match[2]!]);
        }
        expect(found).toEqual(expected);
      }
    }
    // Reopened, the run shows as it ended, and costs nothing.
    await popup.close();
    const { popup: again } = await world.popupFor('/nasa/');
    await again.settled('list');
    expect(await openAllStories(again)).toBe('run');
    expect(await runPhase(again)).toBe('finished');
    expect(detailRequests()).toBe(12);
  });

  it('a worker stopped mid-run does not pay twice: the lost request is reported, the rest fetched once', async () => {
    const slow = ids()[2]!;
    world.api.setDetailDelay(slow, 120_000);
    const { popup } = await world.popupFor('/nasa/');
    await popup.settled('list');
    expect(await openAllStories(popup)).toBe('estimate');
    await popup.page.getByTestId('all-stories-confirm').click();
    // Everything but the slow one answered; the slow one is out.
    await expect.poll(() => popup.page.getByTestId('all-stories-run').getAttribute('data-done'), { timeout: 20_000 }).toBe('11');
    expect(detailRequests(slow)).toBe(1);
    // The popup closed and opened again: the list's menu says how far the run is.
    await popup.close();
    const { popup: reopened } = await world.popupFor('/nasa/');
    await reopened.settled('list');
    await reopened.page.getByRole('button', { name: POPUP_LABELS.menu }).click();
    await expect.poll(() => reopened.page.getByTestId('all-stories-open').innerText()).toBe('All stories: 11 of 12 highlights');
    await reopened.close();
    await world.stopWorker();

    // A new worker goes on with the run: the lost request comes back as interrupted, not sent again.
    const { popup: again } = await world.popupFor('/nasa/');
    await again.settled('list');
    expect(await openAllStories(again)).toBe('run');
    await expect.poll(() => runPhase(again), { timeout: 20_000 }).toBe('finished');
    expect(await again.page.getByTestId('all-stories-failed').innerText()).toBe('1 highlight failed.');
    expect(await again.page.getByTestId('all-stories-interrupted').count()).toBe(1);
    expect(detailRequests(slow)).toBe(1);
    expect(detailRequests()).toBe(12);
  });
});
