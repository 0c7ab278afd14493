/**
 * The work after the ID, as a person does it in the popup: more actions per
 * row (highlight:<id>, a ready request, open on Instagram), files, a filter
 * for long lists, and the keyboard (the list is one tab stop). None of it
 * costs a credit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { idsOf, profileOf, useWorld } from './fixture';

const world = useWorld();

describe('row actions', () => {
  it('copy as highlight:<id>, copy a ready request with a placeholder for the key, open on Instagram', async () => {
    const { popup } = await world.popupFor('/nasa/');
    await popup.settled('list');
    const id = idsOf('nasa')[2]!;
    const more = popup.page.getByRole('button', { name: `More actions for highlight ${id}` });

    await popup.page.bringToFront();
    await more.click();
    await popup.page.getByRole('menuitem', { name: `Copy as highlight:${id}` }).click();
    expect(await popup.readClipboard()).toBe(`highlight:${id}`);

    await more.click();
    await popup.page.getByRole('menuitem', { name: 'Copy the request for its stories (curl)' }).click();
    const curl = await popup.readClipboard();
    expect(curl).toBe(
      `curl -H "X-API-Key: $SOCIAVAULT_API_KEY" "https://api.sociavault.com/v1/scrape/instagram/highlight-detail?id=${id}"`,
    );

    await more.click();
    const opened = world.browser.context.waitForEvent('page');
    await popup.page.getByRole('menuitem', { name: 'Open on Instagram' }).click();
    const story = await opened;
    await story.waitForLoadState('domcontentloaded');
    expect(story.url()).toBe(`https://www.instagram.com/stories/highlights/${id}/`);
    expect(await world.settledHighlightRequests()).toBe(1);
  });
});

describe('files', () => {
  it.each(['csv', 'json'] as const)('Download %s saves <handle>-highlights-<date> with every highlight', async (format) => {
    const { popup } = await world.popupFor('/unicode.names/');
    await popup.settled('list');
    await popup.openMenu();
    const saved = popup.page.waitForEvent('download');
    await popup.page.getByRole('button', { name: `Download ${format.toUpperCase()}` }).click();
    const download = await saved;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^unicode\\.names-highlights-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
    const content = readFileSync((await download.path())!, 'utf8');
    const { ownerId, highlights } = profileOf('unicode.names');
    if (format === 'csv') {
      expect(content.startsWith('\uFEFFhandle,user_id,highlight_id,title,cover_url\r\n')).toBe(true);
      const rows = content.trimEnd().split('\r\n').slice(1);
      expect(rows).toHaveLength(highlights.length);
      expect(rows[0]).toBe(`unicode.names,${ownerId},${highlights[0]!.id},${highlights[0]!.title},${highlights[0]!.cover_media_cropped_thumbnail.url}`);
    } else {
      const profiles = JSON.parse(content) as Array<{ handle: string; user_id: string; highlights: Array<{ id: string; title: string }> }>;
      expect(profiles).toHaveLength(1);
      expect(profiles[0]).toMatchObject({ handle: 'unicode.names', user_id: ownerId });
      expect(profiles[0]!.highlights.map((h) => [h.id, h.title])).toEqual(highlights.map((h) => [h.id, h.title]));
    }
  });
});

describe('a long list', () => {
  it('offers a filter by title or ID, instantly; Copy all copies what it shows', async () => {
    const { popup } = await world.popupFor('/bigprofile/');
    await popup.settled('list');
    const filter = popup.page.getByLabel('Filter by title or ID');
    await filter.fill('Highlight 14');
    await expect.poll(() => popup.rowIds()).toHaveLength(11); // 14 and 140–149
    expect(await popup.page.getByTestId('filter-shown').innerText()).toBe('11 of 150 shown');
    await filter.fill(idsOf('bigprofile')[99]!);
    expect(await popup.rowIds()).toEqual([idsOf('bigprofile')[99]]);
    await popup.copyAll();
    expect(await popup.readClipboard()).toBe(idsOf('bigprofile')[99]);
    await filter.fill('nothing like it');
    await expect.poll(() => popup.page.getByTestId('filter-shown').innerText()).toBe('No highlight matches “nothing like it”.');
  });

  it('is one tab stop: arrows move between rows, Enter copies, Shift+F10 opens the row menu, the footer is a few Tabs away', async () => {
    const { popup } = await world.popupFor('/bigprofile/');
    await popup.settled('list');
    const page = popup.page;
    await page.bringToFront();
    await page.getByLabel('Filter by title or ID').focus();
    await page.keyboard.press('Tab');
    const focusedId = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id ?? null);
    expect(await focusedId()).toBe(idsOf('bigprofile')[0]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focusedId()).toBe(idsOf('bigprofile')[2]);
    await page.keyboard.press('Enter');
    expect(await popup.readClipboard()).toBe(idsOf('bigprofile')[2]);
    await page.keyboard.press('End');
    // The last highlight, even while the long list is still growing.
    await expect.poll(focusedId).toBe(idsOf('bigprofile').at(-1));

    await page.keyboard.press('Shift+F10');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('menu').count()).toBe(0);

    // Out of the list in one Tab, whatever its length: to the footer's "Look up another profile".
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toContain('Look up another profile');
    // Back in, the list remembers the row that had the focus.
    await page.keyboard.press('Shift+Tab');
    // The last highlight, even while the long list is still growing.
    await expect.poll(focusedId).toBe(idsOf('bigprofile').at(-1));
  });
});
