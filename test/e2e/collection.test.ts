/**
 * The collection page in real Chromium against the stand-in SociaVault: a
 * pasted list of 200 lines becomes a collection, the run sends exactly one
 * request per profile that is neither cached nor invalid, the progress bar
 * reaches the end and the files hold every answer; a worker stopped mid-run
 * and an account that runs out of credits lose nothing and repeat nothing.
 */
import { describe, expect, it } from 'vitest';
import type { ChromeApi } from '../support/chrome-api';
import { CollectionPage, COLLECTION_VIEWPORT } from '../support/collection-page';
import { cacheAnswers, failingProfiles, handles, readCsv, requestsPerProfile, storedRun, written } from '../support/collections';
import { until } from '../support/poll';
import { DEFAULT_SCENARIOS, loadProfiles, type ProfileScenario, type Scenarios } from '../support/scenarios';
import { useWorld } from './fixture';

declare const chrome: ChromeApi;

const FRESH = handles('fresh', 130);
const BROKEN = handles('broken', 5);
const WARM = handles('warm', 30);
const STOPPED = handles('wk', 40);
const ALARMED = handles('al', 12);
const SPENT = handles('cr', 40);

const SCENARIOS: Scenarios = {
  ...DEFAULT_SCENARIOS,
  ...loadProfiles(130, 'fresh'),
  ...loadProfiles(30, 'warm'),
  ...loadProfiles(40, 'wk'),
  ...loadProfiles(12, 'al'),
  ...loadProfiles(40, 'cr'),
  ...failingProfiles('broken', [404, 500, 400, 404, 404]),
};

const world = useWorld({ scenarios: SCENARIOS, credits: 10_000 });

const idsOf = (handle: string) => (SCENARIOS[handle] as ProfileScenario).highlights.map((h) => h.id);

/** Entries that are not profiles, one per line, with the reason the page gives for each. */
const INVALID: Array<[string, string]> = [
  ['explore', 'route-word'],
  ['reels', 'route-word'],
  ['https://www.instagram.com/p/C0deAbC123/', 'not-a-profile-link'],
  ['https://www.instagram.com/explore/tags/space/', 'not-a-profile-link'],
  ['https://example.com/fresh1', 'not-instagram'],
  ['https://twitter.com/nasa', 'not-instagram'],
  ['bad!name', 'not-a-handle'],
  ['#hashtag', 'not-a-handle'],
  ['this_handle_is_far_too_long_for_instagram', 'not-a-handle'],
  ['...', 'not-a-handle'],
];

/**
 * 200 lines: 135 new profiles (5 of them answer errors) written in every
 * form, 30 whose answers are cached, 20 duplicates of those in other forms,
 * the 10 invalid entries, and 5 empty lines between blocks, as pasted text has.
 */
function pastedList(): string {
  const fresh = [...FRESH, ...BROKEN].map((handle, i) => written(handle, i));
  const warm = WARM.map((handle, i) => written(handle, i + 2));
  const duplicates = [
    ...FRESH.slice(0, 12).map((handle, i) => (i % 3 === 0 ? `@${handle.toUpperCase()}` : i % 3 === 1 ? `https://www.instagram.com/${handle}/` : handle.toUpperCase())),
    ...WARM.slice(0, 5).map((handle) => `@${handle}`),
    ...BROKEN.slice(0, 3).map((handle) => `https://instagram.com/${handle}/tagged/`),
  ];
  const lines = [...fresh.slice(0, 70), '', ...fresh.slice(70), '', ...warm, '', ...duplicates, '', ...INVALID.map(([entry]) => entry), ''];
  expect(lines).toHaveLength(200);
  return lines.join('\n');
}

describe('a collection run', () => {
  it('200 pasted lines: 135 requests for the 135 new profiles, cached and invalid ones free, every answer in the files', async () => {
    await cacheAnswers(world, WARM);
    const before = world.highlightRequests();
    expect(before).toBe(30);

    const page = await CollectionPage.open(world.browser, { viewport: COLLECTION_VIEWPORT });
    expect(await page.paste(pastedList())).toBe('Added 165 profiles. 20 duplicates. 10 not added.');
    expect((await page.refusedEntries()).map((entry) => entry.reason)).toEqual(INVALID.map(([, reason]) => reason));
    expect((await page.refusedEntries())[0]!.text).toBe('Line 190: “explore” — a page of Instagram itself, not a profile');
    const duplicates = await page.duplicateEntries();
    expect(duplicates).toHaveLength(20);
    expect(duplicates[0]).toMatch(/^Line \d+: “@FRESH0” is @fresh0 again$/);

    const rows = await page.rows();
    expect(rows.map((row) => row.handle)).toEqual([...FRESH, ...BROKEN, ...WARM]);
    expect(rows.filter((row) => row.status === 'cached').map((row) => row.handle)).toEqual(WARM);
    expect(rows.filter((row) => row.status === 'new')).toHaveLength(135);

    // Nothing is sent by estimating, nor by pressing Start before the confirmation.
    expect(await page.estimate()).toBe('165 profiles: 30 cached (free), 10 invalid (not sent), 135 lookups = 135 credits You have 9970 credits.');
    expect(await page.start()).toContain('165 profiles: 30 cached (free), 10 invalid (not sent), 135 lookups = 135 credits');
    expect(world.highlightRequests()).toBe(before);

    await page.confirmStart();
    await page.waitForPhase('finished', 60_000);
    const progress = await page.progress();
    expect(progress).toEqual({ now: 165, min: 0, max: 165, text: '165 of 165 profiles' });
    // Failed lookups cost nothing: 130 answers were paid for.
    expect(await page.progressText()).toContain('130 credits spent');

    // Exactly one request per new profile, the failing ones among them; none for the cached ones.
    const perProfile = requestsPerProfile(world, SCENARIOS, before);
    expect(world.highlightRequests() - before).toBe(135);
    expect([...perProfile.keys()].sort()).toEqual([...FRESH, ...BROKEN].sort());
    expect([...perProfile.values()].every((n) => n === 1)).toBe(true);
    expect(world.highlightLog().slice(before).filter((r) => r.status !== 200).map((r) => r.status).sort()).toEqual([400, 404, 404, 404, 500]);

    // The table follows the stored run through the news channel: under load its last rows came a moment after "finished" (155 of 160 once in CI).
    await expect.poll(async () => (await page.rows()).filter((row) => row.status === 'done' && row.count === 2).length).toBe(160);
    const done = await page.rows();
    expect(done.filter((row) => row.status === 'failed').map((row) => [row.handle, row.error])).toEqual([
      ['broken0', 'not-found'],
      ['broken1', 'server-error'],
      ['broken2', 'bad-request'],
      ['broken3', 'not-found'],
      ['broken4', 'not-found'],
    ]);
    expect(done.find((row) => row.handle === 'broken0')?.statusText).toBe('Failed: This profile was not found on Instagram');
    expect(done.filter((row) => row.status === 'done' && row.count === 2)).toHaveLength(160);

    // The CSV: a row per highlight of every answered profile, in the collection's order, ids exact.
    const csv = await page.download('csv');
    expect(csv.name).toMatch(/^My-collection-highlights-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...lines] = readCsv(csv.text);
    expect(header).toEqual(['handle', 'user_id', 'highlight_id', 'title', 'cover_url']);
    const expected = [...FRESH, ...WARM].flatMap((handle) =>
      idsOf(handle).map((id, i) => [handle, (SCENARIOS[handle] as ProfileScenario).ownerId, id, `${handle} ${i === 0 ? 'one' : 'two'}`]),
    );
    expect(lines.map((row) => row.slice(0, 4))).toEqual(expected);
    expect(lines.every((row) => row[4]!.startsWith('https://'))).toBe(true);

    const json = JSON.parse((await page.download('json')).text) as Array<{ handle: string; user_id: string; highlights: Array<{ id: string }> }>;
    expect(json.map((profile) => profile.handle)).toEqual([...FRESH, ...WARM]);
    expect(json.flatMap((profile) => profile.highlights.map((h) => h.id))).toEqual(expected.map((row) => row[2]));

    expect((await page.copyAllIds()).split('\n')).toEqual(expected.map((row) => row[2]));
    expect(world.highlightRequests() - before).toBe(135);
  });

  it('a worker stopped mid-run: reopening the page wakes it, the run goes on, and no request is repeated', async () => {
    const first = await CollectionPage.open(world.browser, { viewport: COLLECTION_VIEWPORT });
    await first.paste(STOPPED.join('\n'));
    // Ten answers go through; the next three requests reach SociaVault and are held there.
    world.api.holdHighlights({ pass: 10, hold: 4 });
    await first.start();
    await first.confirmStart();
    await until('three requests to be held', () => world.api.held, (held) => held === 3, 20_000);
    // Which three: the lookups go three at a time, so wk9's request may reach SociaVault after wk10's.
    const out = world
      .highlightLog()
      .filter((request) => request.status === 0)
      .map((request) => request.query.handle ?? '')
      .sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)));
    expect(out).toHaveLength(3);

    // The page goes first (its first message would wake the worker), then the worker, with three requests out.
    await first.close();
    await world.stopWorker();
    world.api.releaseHeld();
    expect((await storedRun(world))?.phase).toBe('running');

    // The reopened page's first message starts a new worker, which goes on where the run was.
    const page = await CollectionPage.open(world.browser, { viewport: COLLECTION_VIEWPORT });
    await page.waitForPhase('finished', 60_000);

    const perProfile = requestsPerProfile(world, SCENARIOS);
    expect([...perProfile.keys()].sort()).toEqual([...STOPPED].sort());
    expect([...perProfile.values()].every((n) => n === 1)).toBe(true);
    const rows = await page.rows();
    // The three that were out when the worker stopped may have been paid: reported, not sent again.
    expect(rows.filter((row) => row.status === 'failed').map((row) => [row.handle, row.error])).toEqual(out.map((handle) => [handle, 'interrupted']));
    expect(rows.find((row) => row.handle === out[0])?.statusText).toBe('Failed: Interrupted (it may have used a credit)');
    expect(rows.filter((row) => row.status === 'done')).toHaveLength(37);
    expect(await page.page.getByTestId('collection-failed-note').innerText()).toBe('3 profiles failed: Start tries them again.');

    // Start (confirmed, with its cost) asks for those three once more.
    expect(await page.start()).toContain('40 profiles: 37 already done, 3 lookups = 3 credits');
    await page.confirmStart();
    await page.waitForPhase('finished', 30_000);
    expect((await page.rows()).every((row) => row.status === 'done')).toBe(true);
    const again = requestsPerProfile(world, SCENARIOS);
    expect(STOPPED.filter((handle) => again.get(handle) !== (out.includes(handle) ? 2 : 1))).toEqual([]);
    expect(readCsv((await page.download('csv')).text)).toHaveLength(1 + 80);
  });

  it('the alarm wakes a stopped worker to go on with a run nobody is watching', async () => {
    const page = await CollectionPage.open(world.browser, { viewport: COLLECTION_VIEWPORT });
    await page.paste(ALARMED.join('\n'));
    world.api.holdHighlights({ pass: 4, hold: 4 });
    await page.start();
    await page.confirmStart();
    await until('three requests to be held', () => world.api.held, (held) => held === 3, 20_000);
    await page.close();
    await world.stopWorker();
    world.api.releaseHeld();
    expect(await world.browser.isWorkerRunning()).toBe(false);

    // The run keeps an alarm every half minute. Its next time is brought forward (Chrome lets
    // an unpacked extension's alarm fire that soon), so the test need not wait half a minute.
    const control = await world.browser.control();
    const alarms = await control.evaluate(() => chrome.alarms.getAll());
    expect(alarms.map((alarm) => alarm.periodInMinutes)).toEqual([0.5]);
    await control.evaluate(
      ({ name, periodInMinutes }) => chrome.alarms.create(name, { when: Date.now() + 200, periodInMinutes }),
      alarms[0]!,
    );

    // No page is open and nothing else wakes the worker: only the alarm does.
    const run = await until('the run to finish by itself', () => storedRun(world), (stored) => stored?.phase === 'finished', 30_000);
    expect(run!.items.filter((item) => item.status === 'done')).toHaveLength(9);
    expect([...requestsPerProfile(world, SCENARIOS).values()].every((n) => n === 1)).toBe(true);
    expect(world.highlightRequests()).toBe(12);
  });

  it('out of credits mid-run: stops by itself, keeps every answer, says what to do, and Resume goes on', async () => {
    world.api.setCredits(15);
    const page = await CollectionPage.open(world.browser, { viewport: COLLECTION_VIEWPORT });
    await page.paste(SPENT.join('\n'));
    expect(await page.start()).toContain('40 lookups = 40 credits');
    expect(await page.confirmPanel().innerText()).toContain('You have 15 credits: fewer than the run needs.');
    await page.confirmStart();
    await page.waitForPhase('stopped', 30_000);

    expect(await page.stopNotice()).toBe(
      'Stopped: your SociaVault account is out of credits. Buy more on your SociaVault dashboard, then press Resume. What is done is kept. Buy credits',
    );
    expect(await page.page.getByRole('link', { name: 'Buy credits' }).getAttribute('href')).toBe('https://sociavault.com/dashboard');
    const rows = await page.rows();
    const done = rows.filter((row) => row.status === 'done').map((row) => row.handle);
    // The 15 credits went to the first 15 requests to arrive, and those profiles are the ones done.
    // Lookups go three at a time, so which ones arrived first is not always the list's order.
    const log = world.highlightLog();
    expect(log.slice(0, 15).map((request) => request.status)).toEqual(Array(15).fill(200));
    const paid = log.filter((request) => request.status === 200).map((request) => request.query.handle);
    expect(paid).toHaveLength(15);
    expect(done).toEqual(SPENT.filter((handle) => paid.includes(handle)));
    // Nothing was sent after the 402 but what was already out (three at a time).
    expect(world.highlightRequests()).toBeLessThanOrEqual(18);
    const csv = readCsv((await page.download('csv')).text);
    expect(csv.slice(1).map((row) => row[0])).toEqual(done.flatMap((handle) => [handle, handle]));

    // More credits, then Resume: the rest is looked up, nothing done is asked again.
    world.api.setCredits(100);
    await page.resume();
    await page.waitForPhase('finished', 30_000);
    const perProfile = requestsPerProfile(world, SCENARIOS);
    expect(SPENT.filter((handle) => (perProfile.get(handle) ?? 0) > 1)).toEqual([]);
    // Those that were out when the 402 came (three at a time) failed with it; Resume leaves failed ones to Start.
    expect((await page.rows()).filter((row) => row.status === 'done').length).toBeGreaterThanOrEqual(37);
  });

  it('closing and reopening the page shows the run as it is', async () => {
    const page = await CollectionPage.open(world.browser, { viewport: COLLECTION_VIEWPORT });
    await page.paste(STOPPED.slice(0, 20).join(' '));
    world.api.holdHighlights({ pass: 6, hold: 4 });
    await page.start();
    await page.confirmStart();
    await until('three requests to be held', () => world.api.held, (held) => held === 3, 20_000);
    await page.close();

    const reopened = await CollectionPage.open(world.browser, { viewport: COLLECTION_VIEWPORT });
    expect(await reopened.phase()).toBe('running');
    expect(await reopened.progress()).toMatchObject({ now: 6, max: 20 });
    expect((await reopened.rows()).filter((row) => row.status === 'running')).toHaveLength(3);
    world.api.releaseHeld();
    await reopened.waitForPhase('finished', 30_000);
    expect(await reopened.progress()).toMatchObject({ now: 20, max: 20 });
  });
});

describe('collections and the keyboard', () => {
  it('named collections: create, switch, rename, clear and delete (never the default), each with its own profiles', async () => {
    const page = await CollectionPage.open(world.browser, { viewport: COLLECTION_VIEWPORT });
    await page.paste('nasa natgeo');
    const { page: tab } = page;

    // Everything by keyboard: New collection, a name, Enter.
    await tab.getByRole('button', { name: 'New collection' }).focus();
    await tab.keyboard.press('Enter');
    await expect.poll(() => tab.evaluate(() => document.activeElement?.id)).toBe('collection-name');
    await tab.keyboard.type('Research');
    await tab.keyboard.press('Enter');
    await expect.poll(() => page.notice()).toBe('Created “Research”.');
    await expect.poll(() => tab.getByLabel('Collection', { exact: true }).locator('option:checked').innerText()).toBe('Research');
    expect(tab.url()).toMatch(/collection\.html\?id=c-/);
    expect(await page.rows()).toEqual([]);
    await page.paste('@unicode.names');
    expect((await page.rows()).map((row) => row.handle)).toEqual(['unicode.names']);

    await tab.getByRole('button', { name: 'Rename' }).click();
    await tab.getByLabel('Name', { exact: true }).fill('Space agencies');
    await tab.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(() => page.notice()).toBe('Renamed to “Space agencies”.');

    // Back to the default one: its own profiles; it can be cleared but not deleted.
    await tab.getByLabel('Collection', { exact: true }).selectOption({ label: 'My collection' });
    await expect.poll(async () => (await page.rows()).map((row) => row.handle)).toEqual(['nasa', 'natgeo']);
    expect(await tab.getByRole('button', { name: 'Delete collection' }).count()).toBe(0);
    await tab.getByRole('button', { name: 'Remove @natgeo from the collection' }).click();
    await expect.poll(async () => (await page.rows()).map((row) => row.handle)).toEqual(['nasa']);
    await tab.getByRole('button', { name: 'Clear collection' }).click();
    // The question takes the focus on its safe answer; Escape leaves it, back on the button that asked.
    await expect.poll(() => tab.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await tab.keyboard.press('Escape');
    await expect.poll(() => tab.evaluate(() => document.activeElement?.textContent)).toBe('Clear collection');
    await tab.keyboard.press('Enter');
    await tab.getByRole('button', { name: 'Clear', exact: true }).click();
    await expect.poll(() => page.notice()).toBe('“My collection” is empty now.');
    expect(await page.rows()).toEqual([]);

    await tab.getByLabel('Collection', { exact: true }).selectOption({ label: 'Space agencies' });
    await tab.getByRole('button', { name: 'Delete collection' }).click();
    await tab.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => page.notice()).toBe('Deleted “Space agencies”.');
    await expect.poll(() => tab.getByLabel('Collection', { exact: true }).locator('option').allInnerTexts()).toEqual(['My collection']);
    expect(world.highlightRequests()).toBe(0);
  });

  it('Start by keyboard: the confirmation takes the focus, Escape closes it, nothing is sent before it is confirmed', async () => {
    const page = await CollectionPage.open(world.browser, { viewport: COLLECTION_VIEWPORT });
    const { page: tab } = page;
    await tab.getByLabel('Profiles to add').focus();
    await tab.keyboard.type('nasa, natgeo, @emptyprofile');
    await tab.keyboard.press('Tab');
    await tab.keyboard.press('Enter');
    await expect.poll(() => page.pasteSummary()).toBe('Added 3 profiles.');

    await tab.getByRole('button', { name: 'Start', exact: true }).focus();
    await tab.keyboard.press('Enter');
    await expect.poll(() => tab.evaluate(() => document.activeElement?.textContent)).toBe('Start: spend up to 3 credits');
    await tab.keyboard.press('Escape');
    await expect.poll(() => page.confirmPanel().count()).toBe(0);
    expect(await tab.evaluate(() => document.activeElement?.textContent)).toBe('Start');
    expect(world.highlightRequests()).toBe(0);

    await tab.keyboard.press('Enter');
    await expect.poll(() => tab.evaluate(() => document.activeElement?.textContent)).toBe('Start: spend up to 3 credits');
    await tab.keyboard.press('Enter');
    await page.waitForPhase('finished');
    expect(world.highlightRequests()).toBe(3);
    // The live region said how it ended.
    expect(await tab.getByTestId('collection-announcement').innerText()).toBe('Finished.');
    expect(await page.progress()).toMatchObject({ now: 3, max: 3, text: '3 of 3 profiles' });
  });

  it('with no key saved, the confirmation says so and Start cannot be confirmed', async () => {
    await world.reset({ apiKey: null });
    const page = await CollectionPage.open(world.browser, { viewport: COLLECTION_VIEWPORT });
    await page.paste('nasa');
    expect(await page.start()).toContain('No API key is saved: add yours in the options before starting.');
    expect(await page.confirmPanel().getByRole('button', { name: /^Start/ }).isDisabled()).toBe(true);
    expect(await page.confirmPanel().getByRole('button', { name: 'Open options' }).count()).toBe(1);
    expect(world.highlightRequests()).toBe(0);
  });
});
