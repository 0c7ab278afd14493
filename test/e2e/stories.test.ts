/**
 * The stories behind a highlight, as a person gets them in the popup: from a
 * row's menu (*Stories · 1 credit*, or *Stories* once cached), against the
 * local SociaVault's highlight-detail, which answers in several of the
 * shapes Instagram's APIs use and in one no reader knows. Every request the
 * stand-in logs is a credit when it answered 200.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_PATHS } from '../support/sociavault-server';
import { DEFAULT_SCENARIOS, makeStorySpecs, profileScenarios, storiesScenario, UNKNOWN_SHAPE_HIGHLIGHT } from '../support/scenarios';
import type { Popup } from '../support/popup';
import { idsOf, useWorld } from './fixture';

const world = useWorld();

const nasa = profileScenarios(DEFAULT_SCENARIOS).find((p) => p.username === 'nasa')!;
/** The media ids the stand-in answers for nasa's highlight at `index`, in order. */
const storyIdsOf = (index: number) => storiesScenario(nasa, index).stories.map((story) => story.pk);

const detailRequests = (id?: string) =>
  world.api.requests.filter((r) => r.path === API_PATHS.highlightDetail && (id === undefined || r.query.id === id)).length;

/** Opens the row's menu and chooses Stories; says what the menu item read. */
async function openStories(popup: Popup, id: string): Promise<string> {
  await popup.page.bringToFront();
  await popup.page.getByRole('button', { name: `More actions for highlight ${id}` }).click();
  const item = popup.page.getByTestId('row-menu-stories');
  // The menu checks the cache as it opens: wait for that before reading the label.
  await popup.page.waitForFunction(() => document.querySelector('[data-testid="row-menu-stories"]')?.getAttribute('data-cached') !== null);
  const label = await item.innerText();
  await item.click();
  return label;
}

/** The stories view once it shows something other than loading; returns its state. */
async function storiesSettled(popup: Popup): Promise<string> {
  const view = popup.page.getByTestId('stories-view');
  await expect.poll(() => view.getAttribute('data-state'), { timeout: 15_000 }).not.toBe('loading');
  return (await view.getAttribute('data-state'))!;
}

const shownStoryIds = (popup: Popup) => popup.page.getByTestId('story-id').allInnerTexts();

describe('stories of one highlight', () => {
  it('are listed from the row with exactly one request, in order, ids exact; reopened, they cost nothing', async () => {
    const { popup } = await world.popupFor('/nasa/');
    await popup.settled('list');
    const id = idsOf('nasa')[0]!;
    expect(await openStories(popup, id)).toBe('Stories · 1 credit');
    expect(await storiesSettled(popup)).toBe('answer');
    expect(await shownStoryIds(popup)).toEqual(storyIdsOf(0));
    expect(detailRequests(id)).toBe(1);
    expect(await popup.page.getByTestId('story-count').innerText()).toBe(`${storyIdsOf(0).length} stor${storyIdsOf(0).length === 1 ? 'y' : 'ies'}`);
    await expect.poll(() => popup.page.getByTestId('links-valid-until').innerText()).toMatch(/^· Links valid until /);

    // Back in one step, with Escape; the list is as it was.
    await popup.page.keyboard.press('Escape');
    await expect.poll(() => popup.page.getByTestId('stories-view').count()).toBe(0);
    expect(await popup.rows().count()).toBe(idsOf('nasa').length);

    // Again, from a new popup: from the cache, free, and the menu says so.
    await popup.close();
    const { popup: again } = await world.popupFor('/nasa/');
    await again.settled('list');
    expect(await openStories(again, id)).toBe('Stories');
    expect(await storiesSettled(again)).toBe('answer');
    expect(await shownStoryIds(again)).toEqual(storyIdsOf(0));
    expect(detailRequests()).toBe(1);
    await again.page.getByRole('button', { name: 'Back to the list' }).click();
    await expect.poll(() => again.page.getByTestId('stories-view').count()).toBe(0);
  });

  it('reads every shape the stand-in answers in (reels, reels_media, GraphQL, flat items), lists as objects or arrays', async () => {
    const { popup } = await world.popupFor('/nasa/');
    await popup.settled('list');
    // nasa's highlights 0–3 come in the four shapes with lists keyed "0", "1", …; 4–7 the same with arrays.
    for (const index of [0, 1, 2, 3, 4, 5, 6, 7]) {
      const id = idsOf('nasa')[index]!;
      await openStories(popup, id);
      expect(await storiesSettled(popup), `highlight ${index}`).toBe('answer');
      expect(await shownStoryIds(popup), `highlight ${index}`).toEqual(storyIdsOf(index));
      await popup.page.getByRole('button', { name: 'Back to the list' }).click();
    }
    expect(detailRequests()).toBe(8);
  });

  it('offers an answer in no known shape raw: copied and downloaded as it came, and kept', async () => {
    const { popup } = await world.popupFor('/nasa/');
    await popup.settled('list');
    await openStories(popup, UNKNOWN_SHAPE_HIGHLIGHT);
    expect(await storiesSettled(popup)).toBe('answer');
    const raw = popup.page.getByTestId('stories-raw');
    expect(await raw.innerText()).toMatch(/SociaVault answered in a form this version cannot read/);
    await popup.page.getByTestId('stories-raw-copy').click();
    const copied = await popup.readClipboard();
    const pks = makeStorySpecs(UNKNOWN_SHAPE_HIGHLIGHT, 1).map((s) => s.pk);
    expect(copied).toContain(`"media_pk":"${pks[0]}"`);
    const saved = popup.page.waitForEvent('download');
    await popup.page.getByTestId('stories-raw-json').click();
    const download = await saved;
    expect(readFileSync((await download.path())!, 'utf8')).toBe(copied);
    // Kept like any answer: shown again for free.
    await popup.page.getByRole('button', { name: 'Back to the list' }).click();
    expect(await openStories(popup, UNKNOWN_SHAPE_HIGHLIGHT)).toBe('Stories');
    expect(await storiesSettled(popup)).toBe('answer');
    expect(detailRequests()).toBe(1);
  });

  it('a worker stopped mid-request does not charge twice: the lost request is reported, and sent again only when asked', async () => {
    const id = idsOf('nasa')[1]!;
    world.api.setDetailDelay(id, 120_000);
    const { popup } = await world.popupFor('/nasa/');
    await popup.settled('list');
    await openStories(popup, id);
    await expect.poll(() => detailRequests(id), { timeout: 10_000 }).toBe(1);
    await world.stopWorker();
    expect(await storiesSettled(popup)).toBe('error');
    expect(await popup.page.getByTestId('stories-error').innerText()).toMatch(/may have used a credit/);
    await popup.close();

    // A new popup, a new worker: it knows that request left and never came back, and sends nothing.
    const { popup: again } = await world.popupFor('/nasa/');
    await again.settled('list');
    expect(await openStories(again, id)).toBe('Stories · 1 credit');
    expect(await storiesSettled(again)).toBe('error');
    const error = again.page.getByTestId('stories-error');
    expect(await error.getAttribute('data-kind')).toBe('interrupted');
    expect(await error.innerText()).toMatch(/interrupted[\s\S]*may have used a credit/);
    expect(detailRequests(id)).toBe(1);

    // Asked again on purpose: one more request, and the stories.
    world.api.setDetailDelay(id, null);
    await again.page.getByTestId('stories-retry').click();
    expect(await storiesSettled(again)).toBe('answer');
    expect(await shownStoryIds(again)).toEqual(storyIdsOf(1));
    expect(detailRequests(id)).toBe(2);
  });

  it.each(['csv', 'json'] as const)('Download %s writes every story id exactly, in order', async (format) => {
    const { popup } = await world.popupFor('/bigprofile/');
    await popup.settled('list');
    const id = idsOf('bigprofile')[0]!;
    await openStories(popup, id);
    expect(await storiesSettled(popup)).toBe('answer');
    const big = profileScenarios(DEFAULT_SCENARIOS).find((p) => p.username === 'bigprofile')!;
    const expected = storiesScenario(big, 0).stories.map((s) => s.pk);
    expect(expected).toHaveLength(100);
    const saved = popup.page.waitForEvent('download');
    await popup.page.getByTestId(`stories-${format}`).click();
    const download = await saved;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^bigprofile-Highlight-1-${id}-stories-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
    const content = readFileSync((await download.path())!, 'utf8');
    if (format === 'csv') {
      expect(content.startsWith('\uFEFFhandle,highlight_id,highlight_title,story_id,media_type,taken_at,media_url,thumbnail_url,video_duration\r\n')).toBe(true);
      const rows = content.trimEnd().split('\r\n').slice(1).map((row) => row.split(','));
      expect(rows.map((row) => row[3])).toEqual(expected);
      expect(rows.every((row) => row[0] === 'bigprofile' && row[1] === id)).toBe(true);
    } else {
      // Read without JSON.parse's numbers: ids are strings in the file, exact as written.
      expect([...content.matchAll(/"story_id":\s*"(\d+)"/g)].map((m) => m[1])).toEqual(expected);
      const parsed = JSON.parse(content) as Array<{ highlight_id: string; stories: Array<{ story_id: string }> }>;
      expect(parsed[0]!.highlight_id).toBe(id);
      expect(parsed[0]!.stories.map((s) => s.story_id)).toEqual(expected);
    }
    expect(detailRequests()).toBe(1);
  });

  it('expired links stay listed, marked, with Refresh · 1 credit', async () => {
    const { popup } = await world.popupFor('/natgeo/');
    await popup.settled('list');
    const id = idsOf('natgeo')[0]!;
    await openStories(popup, id);
    expect(await storiesSettled(popup)).toBe('answer');
    expect(await popup.page.getByTestId('links-expired').innerText()).toMatch(/expired/);
    const rows = popup.page.getByTestId('story-row');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await popup.page.getByTestId('story-expired').count()).toBe(await rows.count());
    await popup.page.getByTestId('stories-refresh').click();
    await expect.poll(() => detailRequests(id)).toBe(2);
  });

  it.each([
    ['err404', 'not-found', /knows no highlight with this ID/, false],
    ['err400', 'bad-request', /refused this highlight ID/, false],
    ['err402', 'out-of-credits', /Out of credits/, false],
    ['notjson', 'bad-response', /may have used a credit/, true],
  ] as const)('%s gets its own clear state', async (title, kind, words, retry) => {
    const { popup } = await world.popupFor('/storyerrors/');
    await popup.settled('list');
    const index = profileScenarios(DEFAULT_SCENARIOS).find((p) => p.username === 'storyerrors')!.highlights.findIndex((h) => h.title === title);
    await openStories(popup, idsOf('storyerrors')[index]!);
    expect(await storiesSettled(popup)).toBe('error');
    const error = popup.page.getByTestId('stories-error');
    expect(await error.getAttribute('data-kind')).toBe(kind);
    expect(await error.innerText()).toMatch(words);
    if (kind !== 'bad-response') expect(await error.innerText()).not.toMatch(/may have used a credit/);
    expect(await popup.page.getByTestId('stories-retry').count()).toBe(retry ? 1 : 0);
  });
});
