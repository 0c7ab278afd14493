/**
 * A collection "with their stories" in real Chromium against the stand-in
 * SociaVault: ticked at Start, the profiles are looked up after the first
 * confirmation; then the page shows what the stories would cost, from the
 * cache alone, and asks again; the run then spends exactly what it said (one
 * highlight-detail request per uncached highlight), and the stories file
 * holds every story id exactly.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChromeApi } from '../support/chrome-api';
import { CollectionPage, COLLECTION_VIEWPORT } from '../support/collection-page';
import { API_PATHS } from '../support/sociavault-server';
import { DEFAULT_SCENARIOS, profileScenarios, storiesScenario, UNKNOWN_SHAPE_HIGHLIGHT } from '../support/scenarios';
import { useWorld } from './fixture';

declare const chrome: ChromeApi;

const world = useWorld();

const PROFILES = ['nasa', 'natgeo'];
const profiles = () => PROFILES.map((handle) => profileScenarios(DEFAULT_SCENARIOS).find((p) => p.username === handle)!);

const detailRequests = () => world.api.requests.filter((r) => r.path === API_PATHS.highlightDetail).length;

describe('a collection with its stories', () => {
  it('confirms twice, spends exactly what it said, and the stories file reads back exact', async () => {
    const page = await CollectionPage.open(world.browser, { viewport: COLLECTION_VIEWPORT });
    // One highlight's stories cached beforehand: the second estimate counts it as free.
    const cachedId = profiles()[0]!.highlights[0]!.id;
    await page.page.evaluate((id) => chrome.runtime.sendMessage({ type: 'highlight-stories', highlightId: id, refresh: false }), cachedId);
    expect(detailRequests()).toBe(1);

    expect(await page.paste(PROFILES.join('\n'))).toBe('Added 2 profiles.');
    await page.page.getByLabel('With their stories').check();
    expect(await page.start()).toContain('2 lookups = 2 credits');
    await page.confirmStart();
    await page.waitForPhase('finished', 30_000);
    expect(world.highlightRequests()).toBe(2);

    // The second confirmation: 13 highlights, 1 of them cached; nothing sent yet.
    const estimate = page.page.getByTestId('all-stories-estimate');
    await expect.poll(() => estimate.innerText(), { timeout: 10_000 }).toBe('13 highlights: 1 cached, 12 credits');
    expect(detailRequests()).toBe(1);
    await page.page.getByTestId('all-stories-confirm').click();
    const run = page.page.getByTestId('all-stories-run');
    await expect.poll(() => run.getAttribute('data-phase'), { timeout: 20_000 }).toBe('finished');
    expect(await run.getAttribute('data-spent')).toBe('12');
    expect(detailRequests()).toBe(13);

    const saved = page.page.waitForEvent('download');
    await page.page.getByTestId('all-stories-csv').click();
    const content = readFileSync((await (await saved).path())!, 'utf8');
    const rows = content.trimEnd().split('\r\n').slice(1).map((row) => row.split(','));
    const expected = profiles().flatMap((profile) =>
      profile.highlights.flatMap((h, index) =>
        h.id === UNKNOWN_SHAPE_HIGHLIGHT ? [] : storiesScenario(profile, index).stories.map((story) => [profile.username, h.id, story.pk]),
      ),
    );
    expect(rows.map((row) => [row[0], row[1], row[3]])).toEqual(expected);
  });
});
