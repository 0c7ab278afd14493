/**
 * `npm run demo -- --store`: the Chrome Web Store's images, made from the
 * real extension in the demo's browser against the local stand-ins (see
 * test/support/store-images.ts for the stage and test/support/store-image-specs.ts
 * for the list and the store's rules).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { CollectionPage } from '../test/support/collection-page';
import { until } from '../test/support/poll';
import { POPUP_VIEWPORT, type Popup } from '../test/support/popup';
import { screenshot } from '../test/support/screenshot';
import { STORE_IMAGES, type StoreImageSpec } from '../test/support/store-image-specs';
import { renderPromoTile, renderStoreScreenshot, STAGE_TAB_VIEWPORT, type StageScene } from '../test/support/store-images';
import { check, detail, type Story } from '../test/support/story';
import type { World } from '../test/support/world';

const spec = (prefix: string): StoreImageSpec => {
  const found = STORE_IMAGES.find((image) => image.file.startsWith(prefix));
  if (!found) throw new Error(`No store image named ${prefix}…`);
  return found;
};

export async function makeStoreImages(story: Story, world: World, collection: CollectionPage, outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'hl-store-'));
  story.onCleanup(async () => rmSync(scratch, { recursive: true, force: true }));
  const made: string[] = [];
  let n = 0;
  const capture = async (page: Page, options?: { keepHover?: boolean; viewportOnly?: boolean }): Promise<Buffer> => {
    const file = join(scratch, `${++n}.png`);
    if (options?.viewportOnly) {
      await page.mouse.move(0, 0);
      await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    } else await screenshot(page, file, { keepHover: options?.keepHover });
    return readFileSync(file);
  };
  const stage = async (prefix: string, scene: StageScene) => {
    const image = spec(prefix);
    await renderStoreScreenshot(world.browser.context, scene, join(outDir, image.file));
    made.push(image.file);
    detail(`${image.file} — ${image.shows}`);
  };
  const openPopup = async (tabId: number): Promise<Popup> => {
    const popup = await world.popup(tabId, { viewport: POPUP_VIEWPORT });
    await popup.settled('list');
    await until('the balance to show in the popup', () => popup.page.getByTestId('balance').count(), (count) => count === 1, 10_000);
    return popup;
  };
  const tabAt = async (path: string) => {
    const tab = await world.instagram(path);
    await tab.page.setViewportSize(STAGE_TAB_VIEWPORT);
    return { tab, shot: await capture(tab.page, { viewportOnly: true }), badge: (await world.browser.toolbarBadge(tab.tabId)) || undefined };
  };

  await story.step('Store: the popup beside a profile, and a row’s actions', async () => {
    const nasa = await tabAt('/nasa/');
    const popup = await openPopup(nasa.tab.tabId);
    const address = 'https://www.instagram.com/nasa/';
    await stage('screenshot-1', {
      address,
      tab: nasa.shot,
      badge: nasa.badge,
      popup: await capture(popup.page),
      caption: { title: 'Highlight IDs of the profile you are on', text: 'One click on the toolbar button lists each story highlight with its cover, title and exact ID.' },
    });
    const [, id] = await popup.rowIds();
    check(id !== undefined, 'The list has fewer than two rows.');
    await popup.page.bringToFront();
    await popup.page.getByRole('button', { name: `More actions for highlight ${id}` }).click();
    await popup.page.getByRole('menu').waitFor({ state: 'visible' });
    await stage('screenshot-2', {
      address,
      tab: nasa.shot,
      badge: nasa.badge,
      popup: await capture(popup.page, { keepHover: true }),
      caption: { title: 'Copy one ID, all of them, or a ready request', text: 'As plain IDs, highlight:<id>, CSV or JSON, or a curl command for the next API call. No credit spent.' },
    });
    await popup.close();
  });

  await story.step('Store: a long list, filtered', async () => {
    const big = await tabAt('/bigprofile/');
    const popup = await openPopup(big.tab.tabId);
    await popup.page.getByLabel('Filter by title or ID').fill('Highlight 14');
    await until('the filter to apply', () => popup.page.getByTestId('filter-shown').innerText(), (text) => text === '11 of 150 shown', 5_000);
    await stage('screenshot-3', {
      address: 'https://www.instagram.com/bigprofile/',
      tab: big.shot,
      badge: big.badge,
      popup: await capture(popup.page),
      caption: { title: '150 highlights? Filter them', text: 'By title or ID, instantly; Copy all and the files take what the filter shows.' },
    });
    await popup.close();
  });

  await story.step('Store: the collection page after its run', async () => {
    await collection.page.setViewportSize(STAGE_TAB_VIEWPORT);
    await collection.page.bringToFront();
    // The run and its results, rather than the paste form above them.
    await collection.page.evaluate(() => {
      const run = document.querySelector('[data-testid="collection-run"]');
      if (run) window.scrollTo(0, window.scrollY + run.getBoundingClientRect().top - 16);
    });
    await stage('screenshot-4', {
      address: collection.page.url(),
      tab: await capture(collection.page, { viewportOnly: true }),
    });
  });

  await story.step('Store: the options page, and the balance in the popup', async () => {
    // A narrower window, with the panel popped out beside it.
    const options = await world.options({ viewport: { width: 880, height: STAGE_TAB_VIEWPORT.height } });
    const nasa = await world.instagram('/nasa/');
    const popup = await openPopup(nasa.tabId);
    await options.page.bringToFront();
    await stage('screenshot-5', {
      address: options.page.url(),
      tab: await capture(options.page, { viewportOnly: true }),
      popup: await capture(popup.page),
      popupWindowTitle: 'Highlight Lookup — @nasa',
    });
    await popup.close();
  });

  await story.step('Store: the small promo tile', async () => {
    const tile = spec('promo-tile');
    await renderPromoTile(world.browser.context, join(outDir, tile.file));
    made.push(tile.file);
    detail(`${tile.file} — ${tile.width}×${tile.height}`);
  });
  return made;
}
