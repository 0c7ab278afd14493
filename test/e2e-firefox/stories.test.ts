/**
 * The stories of a highlight in real Firefox, the main path: from a row's
 * menu with one request, listed in order with exact ids, saved as CSV, and
 * reopened from the cache for nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { until } from '../support/poll';
import { DEFAULT_SCENARIOS, profileScenarios, storiesScenario } from '../support/scenarios';
import { API_PATHS } from '../support/sociavault-server';
import type { PopupModel } from '../support/popup-model';
import { idsOf, useFirefoxWorld } from './fixture';

const world = useFirefoxWorld();

const nasa = profileScenarios(DEFAULT_SCENARIOS).find((p) => p.username === 'nasa')!;
const detailRequests = () => world.api.requests.filter((r) => r.path === API_PATHS.highlightDetail).length;

/** Opens the row's menu, waits until it knows whether the stories are cached, and chooses Stories; gives the label it read. */
async function openStories(popup: PopupModel, id: string): Promise<string> {
  await popup.driver.clickButton(`More actions for highlight ${id}`);
  const label = await until(
    'the menu to know whether the stories are cached',
    () => popup.driver.evaluate(() => {
      const item = document.querySelector<HTMLElement>('[data-testid="row-menu-stories"]');
      return item?.hasAttribute('data-cached') ? item.innerText : null;
    }, undefined),
    (text) => text !== null,
  );
  await popup.driver.clickButton(label!);
  return label!;
}

/** The stories view's state once settled, and the media ids it lists. */
function storiesShown(popup: PopupModel) {
  return until(
    'the stories view to settle',
    () =>
      popup.driver.evaluate(() => {
        const view = document.querySelector('[data-testid="stories-view"]');
        const state = view?.getAttribute('data-state') ?? null;
        const ids = [...document.querySelectorAll<HTMLElement>('[data-testid="story-id"]')].map((e) => e.innerText);
        return { state, ids };
      }, undefined),
    (shown) => shown.state !== null && shown.state !== 'loading',
  );
}

describe('stories in Firefox', () => {
  it('are listed from the row with one request, saved as CSV with exact ids, and reopened for nothing', async () => {
    const { popup } = await world.popupFor('/nasa/');
    await popup.settled('list');
    await popup.driver.bringToFront();
    const id = idsOf('nasa')[2]!;
    const expected = storiesScenario(nasa, 2).stories.map((s) => s.pk);

    expect(await openStories(popup, id)).toBe('Stories · 1 credit');
    expect(await storiesShown(popup)).toEqual({ state: 'answer', ids: expected });
    expect(detailRequests()).toBe(1);

    // The stories view comes first in the page; the list's own Download CSV is hidden behind it.
    await popup.driver.clickButton('Download CSV');
    const dir = world.browser.downloadsDir;
    const name = await until(
      `the stories CSV in ${dir}`,
      () => {
        const names = readdirSync(dir);
        return names.some((n) => n.endsWith('.part')) ? undefined : names.find((n) => n.includes(`-${id}-stories-`));
      },
      (found) => found !== undefined,
    );
    const rows = readFileSync(join(dir, name!), 'utf8').trimEnd().split('\r\n').slice(1);
    expect(rows.map((row) => row.split(',')[3])).toEqual(expected);

    await popup.driver.clickButton(/Back to the list$/);
    expect(await openStories(popup, id)).toBe('Stories');
    expect(await storiesShown(popup)).toEqual({ state: 'answer', ids: expected });
    expect(detailRequests()).toBe(1);
  });
});
