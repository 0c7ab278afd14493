/**
 * The work after the ID in real Firefox: a row's other actions and the
 * popup's files, which Firefox saves through its own download manager (the
 * popup makes them as a Blob and an <a download>). None of it costs a credit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { until } from '../support/poll';
import { idsOf, profileOf, useFirefoxWorld } from './fixture';

const world = useFirefoxWorld();

/** The one finished file whose name matches `pattern` in Firefox's downloads folder (a download in progress is a .part). */
async function downloaded(pattern: RegExp): Promise<{ name: string; content: string }> {
  const dir = world.browser.downloadsDir;
  const name = await until(
    `a file matching ${pattern} in ${dir}`,
    () => {
      const names = readdirSync(dir);
      return names.some((n) => n.endsWith('.part')) ? undefined : names.find((n) => pattern.test(n));
    },
    (found) => found !== undefined,
  );
  return { name: name!, content: readFileSync(join(dir, name!), 'utf8') };
}

describe('in Firefox', () => {
  it('a row copies as highlight:<id> and as a ready request with a placeholder for the key', async () => {
    const { popup } = await world.popupFor('/nasa/');
    await popup.settled('list');
    const id = idsOf('nasa')[2]!;
    await popup.driver.bringToFront();

    await popup.driver.clickButton(`More actions for highlight ${id}`);
    await popup.driver.clickButton(`Copy as highlight:${id}`);
    await expect.poll(() => popup.readClipboard()).toBe(`highlight:${id}`);

    await popup.driver.clickButton(`More actions for highlight ${id}`);
    await popup.driver.clickButton('Copy the request for its stories (curl)');
    await expect
      .poll(() => popup.readClipboard())
      .toBe(`curl -H "X-API-Key: $SOCIAVAULT_API_KEY" "https://api.sociavault.com/v1/scrape/instagram/highlight-detail?id=${id}"`);
    expect(await world.settledHighlightRequests()).toBe(1);
  });

  it('Download CSV and Download JSON save <handle>-highlights-<date> files with every highlight', async () => {
    const { popup } = await world.popupFor('/unicode.names/');
    await popup.settled('list');
    const { ownerId, highlights } = profileOf('unicode.names');

    await popup.openMenu();
    await popup.driver.clickButton('Download CSV');
    const csv = await downloaded(/^unicode\.names-highlights-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.content.startsWith('\uFEFFhandle,user_id,highlight_id,title,cover_url\r\n')).toBe(true);
    const rows = csv.content.trimEnd().split('\r\n').slice(1);
    expect(rows).toHaveLength(highlights.length);
    expect(rows[0]).toBe(`unicode.names,${ownerId},${highlights[0]!.id},${highlights[0]!.title},${highlights[0]!.cover_media_cropped_thumbnail.url}`);

    await popup.openMenu();
    await popup.driver.clickButton('Download JSON');
    const json = await downloaded(/^unicode\.names-highlights-\d{4}-\d{2}-\d{2}\.json$/);
    const profiles = JSON.parse(json.content) as Array<{ handle: string; user_id: string; highlights: Array<{ id: string; title: string }> }>;
    expect(profiles).toMatchObject([{ handle: 'unicode.names', user_id: ownerId }]);
    expect(profiles[0]!.highlights.map((h) => [h.id, h.title])).toEqual(highlights.map((h) => [h.id, h.title]));
    expect(await world.settledHighlightRequests()).toBe(1);
  });
});
