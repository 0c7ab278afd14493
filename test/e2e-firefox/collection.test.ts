/**
 * The collection page in Firefox: a paste read like a person wrote it, then a
 * run to its end. The page follows the run only from what the background
 * tells it on a BroadcastChannel (no polling, no storage events), so a page
 * that reaches "finished" with the right counts heard every step of it.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { puppeteerDriver } from '../support/page-driver';
import { until } from '../support/poll';
import { DEFAULT_SCENARIOS, loadProfiles } from '../support/scenarios';
import { useFirefoxWorld } from './fixture';

const PROFILES = 24;
const world = useFirefoxWorld({ scenarios: { ...DEFAULT_SCENARIOS, ...loadProfiles(PROFILES, 'ffrun') } });

const textOf = (page: Page, testId: string) =>
  page.evaluate((id) => (document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '').replace(/\s+/g, ' ').trim(), testId);
const phaseOf = (page: Page) => page.evaluate(() => document.querySelector('main.collection-page')?.getAttribute('data-phase') ?? 'loading');

describe('a collection run in Firefox', () => {
  it('reads a pasted list and a sentence, runs every profile once, and the page follows the run to its end', async () => {
    const page = await world.browser.openExtensionPage('collection.html');
    const driver = puppeteerDriver(page);
    await until('the collection page to load', () => phaseOf(page), (phase) => phase === 'idle', 10_000);

    const names = Array.from({ length: PROFILES }, (_, i) => `ffrun${i}`);
    const pasted = [...names.slice(0, 20), `${names[20]} ${names[21]}`, `Loved the shots by @${names[22]} and @${names[23]}!`, 'explore'];
    await driver.fill('Profiles to add', pasted.join('\n'));
    await driver.clickButton('Add to collection');
    expect(await until('the page to say what it added', () => textOf(page, 'paste-added'), (text) => text !== '', 10_000)).toBe(
      'Added 24 profiles. 1 not added. 1 line read as text.',
    );

    await driver.clickButton('Start');
    await driver.clickButton('Start: spend up to 24 credits');
    await until('the run to finish', () => phaseOf(page), (phase) => phase === 'finished', 30_000);
    expect(await textOf(page, 'collection-progress-text')).toContain('24 of 24 profiles');
    expect(await textOf(page, 'collection-progress-text')).toContain('24 credits spent');
    const asked = world.highlightLog().map((r) => r.query.handle);
    expect(asked.sort()).toEqual([...names].sort());
  });
});
