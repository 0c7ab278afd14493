/**
 * All stories of a profile in real Firefox, the main path: the estimate
 * from the list's menu with no request, then one highlight-detail request
 * per highlight once confirmed, and the profile's stories CSV with every
 * story id exact.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { until } from '../support/poll';
import { POPUP_LABELS } from '../support/popup-model';
import { DEFAULT_SCENARIOS, profileScenarios, storiesScenario, UNKNOWN_SHAPE_HIGHLIGHT } from '../support/scenarios';
import { API_PATHS } from '../support/sociavault-server';
import { idsOf, useFirefoxWorld } from './fixture';

const world = useFirefoxWorld();

const nasa = profileScenarios(DEFAULT_SCENARIOS).find((p) => p.username === 'nasa')!;
const detailRequests = () => world.api.requests.filter((r) => r.path === API_PATHS.highlightDetail).length;

/** What the all-stories view shows: its state, the estimate's words, the run's phase. */
const allStories = (popup: Awaited<ReturnType<typeof world.popupFor>>['popup']) =>
  popup.driver.evaluate(() => {
    const view = document.querySelector('[data-testid="all-stories"]');
    return {
      state: view?.getAttribute('data-state') ?? null,
      estimate: document.querySelector<HTMLElement>('[data-testid="all-stories-estimate"]')?.innerText ?? null,
      phase: document.querySelector('[data-testid="all-stories-run"]')?.getAttribute('data-phase') ?? null,
    };
  }, undefined);

describe('all stories of a profile in Firefox', () => {
  it('are estimated with no request, then fetched one request per highlight, and saved as one CSV with exact ids', async () => {
    const { popup } = await world.popupFor('/nasa/');
    await popup.settled('list');
    await popup.driver.bringToFront();
    await popup.driver.clickButton(POPUP_LABELS.menu);
    await popup.driver.clickButton('All stories…');
    const shown = await until('the estimate', () => allStories(popup), (now) => now.state === 'estimate');
    expect(shown.estimate).toBe('12 highlights: 0 cached, 12 credits');
    expect(detailRequests()).toBe(0);

    await popup.driver.clickButton('Get the stories · 12 credits');
    await until('the run to finish', () => allStories(popup), (now) => now.phase === 'finished', 30_000);
    expect(detailRequests()).toBe(12);

    await popup.driver.clickButton('Download stories CSV');
    const dir = world.browser.downloadsDir;
    const name = await until(
      `the stories CSV in ${dir}`,
      () => {
        const names = readdirSync(dir);
        return names.some((n) => n.endsWith('.part')) ? undefined : names.find((n) => n.startsWith('nasa-stories-'));
      },
      (found) => found !== undefined,
    );
    const rows = readFileSync(join(dir, name!), 'utf8').trimEnd().split('\r\n').slice(1).map((row) => row.split(','));
    const expected = idsOf('nasa').flatMap((id, index) =>
      id === UNKNOWN_SHAPE_HIGHLIGHT ? [] : storiesScenario(nasa, index).stories.map((story) => [id, story.pk]),
    );
    expect(rows.map((row) => [row[1], row[3]])).toEqual(expected);
  });
});
