/**
 * `npm run demo`: the product's main job, end to end, with nothing of your own.
 *
 * Builds the extension, starts a stand-in SociaVault API and a sample
 * www.instagram.com on loopback over TLS, launches Chromium with the extension
 * and then uses it as a person would: saves a key in the options, opens
 * profiles, opens the popup, copies IDs, navigates inside Instagram, comes back
 * to a cached profile, looks up a typed handle, opens a highlight's stories,
 * shows the empty, long and failing cases, and runs a pasted collection. Each state is saved as a PNG.
 * With --store it also makes the Chrome Web Store's images (scripts/demo-store.ts).
 *
 *   npm run demo                      headless; screenshots in .demo/screenshots/
 *   npm run demo -- --headed          a visible window, left open until Ctrl+C
 *   npm run demo -- --out <dir>       screenshots somewhere else
 *   npm run demo -- --store           also the Chrome Web Store's images, into docs/store/images/
 *   CHROME_PATH=/path/to/chrome npm run demo
 *
 * The browser work goes through the page model in test/support, as the e2e tests do.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { buildExtension, REPO_ROOT } from '../test/support/build';
import { ensureChromium } from '../test/support/chromium';
import type { InstagramTab } from '../test/support/instagram-tab';
import { OPTIONS_VIEWPORT } from '../test/support/options-page';
import { seconds, until } from '../test/support/poll';
import { POPUP_VIEWPORT, textOf, type Popup, type SettledState } from '../test/support/popup';
import { screenshot } from '../test/support/screenshot';
import { COLLECTION_VIEWPORT } from '../test/support/collection-page';
import { DEFAULT_SCENARIOS, idsOf } from '../test/support/scenarios';
import { STORE_IMAGES_DIR } from '../test/support/store-image-specs';
import { check, detail, runStory, say } from '../test/support/story';
import { startWorld } from '../test/support/world';
import { COLLECTION_SCENARIOS, runDemoCollection } from './demo-collection';
import { showStories } from './demo-stories';
import { makeStoreImages } from './demo-store';
import { DEMO_USAGE as USAGE, parseDemoArgs } from './demo-args';
import { printSummary } from './demo-summary';

/** The key the stand-in SociaVault accepts. It works nowhere else. */
const DEMO_API_KEY = 'sk_demo_local_only_0000';
/** A key the stand-in rejects, to show that state. */
const WRONG_API_KEY = 'sk_live_this_key_is_not_valid';
const STARTING_CREDITS = 100;
/** The profiles the sample Instagram links to in its top bar: the ones the demo clicks through. */
const SITE_PROFILES = ['nasa', 'natgeo', 'unicode.names', 'emptyprofile', 'bigprofile'];
let args: ReturnType<typeof parseDemoArgs>;
try {
  args = parseDemoArgs(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (args === 'help') {
  say(USAGE);
  process.exit(0);
}
const { headed, outDir, store } = args;
/** The stand-in's profiles: the e2e tests' and the demo collection's. */
const SCENARIOS = { ...DEFAULT_SCENARIOS, ...COLLECTION_SCENARIOS };

/** The popup open now: the next one replaces it, and a failure is pictured from it. */
let popup: Popup | null = null;
const shots: string[] = [];

async function pictureFailure(): Promise<void> {
  if (!popup || popup.page.isClosed()) return;
  const file = join(outDir, 'failure.png');
  await screenshot(popup.page, file);
  console.error(`The popup at that moment: ${file}`);
}

await runStory({ name: 'demo', onFailure: pictureFailure }, async (story) => {
  say('Highlight Lookup demo: everything runs on this machine. A stand-in SociaVault API and a sample');
  say('www.instagram.com answer over TLS on 127.0.0.1; no SociaVault key, Instagram account or internet needed.');

  let headless = !headed;
  if (headed && !process.env.DISPLAY) {
    say('\n--headed needs a display, but $DISPLAY is not set: running headless instead.');
    say('To watch the demo on a machine without a screen, run: xvfb-run -a npm run demo -- --headed');
    headless = true;
  }

  await story.step('Finding Chromium or Chrome', async () => {
    // launchExtension reads CHROME_PATH, so the browser found (or installed) here is the one used.
    process.env.CHROME_PATH = ensureChromium({ install: true, log: detail });
    detail(process.env.CHROME_PATH);
  });

  await story.step('Building the extension (wxt build)', async () => {
    const build = await buildExtension({ browser: 'chrome' });
    detail(`built into ${relative(REPO_ROOT, build.dir)} in ${seconds(build.ms)}`);
  });

  const world = await story.step('Starting the stand-in SociaVault and the sample Instagram (TLS on loopback)', async () => {
    mkdirSync(outDir, { recursive: true });
    rmSync(join(outDir, 'failure.png'), { force: true }); // left by an earlier failed run
    const started = await startWorld({
      validKeys: [DEMO_API_KEY],
      credits: STARTING_CREDITS,
      headless,
      handleSignals: false,
      scenarios: SCENARIOS,
      siteProfiles: SITE_PROFILES,
    });
    story.onCleanup(() => started.close());
    detail(`api.sociavault.com → 127.0.0.1:${started.api.port} (accepts the demo key ${DEMO_API_KEY}, ${STARTING_CREDITS} credits)`);
    detail(`www.instagram.com → 127.0.0.1:${started.site.port}`);
    const version = started.browser.context.browser()?.version() ?? '';
    detail(`Chromium ${version} (${headless ? 'headless' : 'headed'}) with the extension ${started.browser.extensionId}`);
    return started;
  });
  const { api } = world;
  const listed = new Map<string, number>();

  const shot = async (page: Page, name: string, what: string, options?: { target?: Locator; keepHover?: boolean }) => {
    await screenshot(page, join(outDir, `${name}.png`), options);
    shots.push(name);
    detail(`screenshot: ${name}.png — ${what}`);
  };
  const openPopup = async (tab: InstagramTab, state: SettledState, error?: string) => {
    await popup?.close().catch(() => {});
    popup = await world.popup(tab, { viewport: POPUP_VIEWPORT });
    await popup.settled(state, error);
    return popup;
  };
  const showsHandle = async (shown: Popup, handle: string) =>
    check((await shown.handle()) === `@${handle}`, `The popup names ${await shown.handle()} instead of @${handle}.`);
  /** Follows a link inside the sample Instagram (pushState, no page load) and opens the popup there. */
  const visitInApp = async (tab: InstagramTab, link: string, handle: string | null, state: SettledState) => {
    await tab.clickLink(link);
    await tab.waitForProfile(handle);
    return openPopup(tab, state);
  };

  const options = await story.step('Options: typing the demo key into “API key” and pressing Save', async () => {
    const page = await world.options({ viewport: OPTIONS_VIEWPORT });
    detail(`the options page says: “${(await page.saveKey(DEMO_API_KEY)).trim()}”`);
    // The key card only: the whole page is tall and mostly settings.
    await shot(page.page, '09-options', 'the key saved in the options', { target: page.keyCard() });
    return page;
  });

  const tab = await story.step('Visiting https://www.instagram.com/nasa/ and opening the popup', async () => {
    const nasa = await world.instagram('/nasa/');
    detail(`toolbar button title: “${await nasa.waitForProfile('nasa')}”`);
    const shown = await openPopup(nasa, 'list');
    const ids = await shown.rowIds();
    await showsHandle(shown, 'nasa');
    check(JSON.stringify(ids) === JSON.stringify(idsOf('nasa')), `The popup lists ${ids.length} IDs, not the ${idsOf('nasa').length} SociaVault sent.`);
    listed.set('nasa', ids.length);
    detail(`@nasa: ${ids.length} highlights, 1 request to SociaVault`);
    await shot(shown.page, '01-list', '@nasa’s highlights with their IDs');
    return nasa;
  });

  await story.step('Copying one ID, then all IDs', async () => {
    const shown = popup!;
    const [first] = await shown.rowIds();
    check(first !== undefined, 'The list has no rows.');
    const status = await shown.copyId(first);
    check(status.includes('Copied'), `The popup says “${status}” instead of “Copied”.`);
    const copied = await shown.readClipboard();
    check(copied === first, `The clipboard holds “${copied}”, not the ID ${first}.`);
    detail(`clicked “Copy ID ${first}”; the popup says “${status}”; the clipboard holds ${copied}`);
    await shot(shown.page, '02-copied', 'one ID copied', { keepHover: true });

    await shown.copyAll();
    const text = await until('the clipboard to hold every ID', () => shown.readClipboard(), (t) => t === idsOf('nasa').join('\n'), 5_000);
    detail(`clicked “Copy all IDs”; the clipboard holds ${text.split('\n').length} IDs, one per line`);

    // The “Copied” notice fades after two seconds; the menu is pictured without it.
    await until('the copy notice to fade', () => shown.copyStatus(), (notice) => notice.trim() === '', 5_000);
    const second = (await shown.rowIds())[1]!;
    await shown.page.getByRole('button', { name: `More actions for highlight ${second}` }).click();
    const menu = shown.page.getByRole('menu');
    await menu.waitFor({ state: 'visible' });
    detail(`clicked “More actions” on ${second}: ${(await menu.getByRole('menuitem').allInnerTexts()).join(' · ')}`);
    await shot(shown.page, '11-row-actions', 'a row’s actions', { keepHover: true });
    await shown.page.keyboard.press('Escape');

    // List first: downloads and the collection are in the list's menu, loaded on first use.
    await shown.openMenu();
    const items = await shown.page.locator('#list-menu button').allInnerTexts();
    detail(`opened the list’s menu: ${items.map((item) => item.trim()).join(' · ')}`);
    await shot(shown.page, '12-list-menu', 'the list’s menu: downloads and the collection');
    await shown.page.keyboard.press('Escape');
    await until('the list’s menu to close', () => shown.page.evaluate(() => document.querySelector('#list-menu') === null), Boolean, 5_000);
  });

  await story.step('A highlight’s stories: “Stories · 1 credit” in a row’s menu, then again from the cache', () =>
    showStories(world, popup!, () => shot(popup!.page, '13-stories', 'a highlight’s stories, with links valid until …')));

  await story.step('Clicking “natgeo” inside Instagram (pushState, no page load) and opening the popup', async () => {
    const shown = await visitInApp(tab, 'natgeo', 'natgeo', 'list');
    await showsHandle(shown, 'natgeo');
    const ids = await shown.rowIds();
    listed.set('natgeo', ids.length);
    detail(`the popup followed to @natgeo: ${ids.length} highlight (${ids.join(', ')})`);
  });

  await story.step('Back to “nasa”: the popup answers from the cache', async () => {
    const before = world.highlightRequests();
    const shown = await visitInApp(tab, 'nasa', 'nasa', 'list');
    check((await shown.rowIds()).length === idsOf('nasa').length, 'The cached @nasa list is incomplete.');
    const after = world.highlightRequests();
    check(after === before, `Coming back to @nasa sent ${after - before} request(s) to SociaVault; the cache should answer.`);
    detail(`@nasa again, “${await shown.fetchedAt()}”; SociaVault received no request (still ${after}), no credit spent`);
  });

  await story.step('Explore (no profile): typing a handle into the popup’s form', async () => {
    const shown = await visitInApp(tab, 'Explore', null, 'no-profile');
    detail('the popup says the page is not a profile and offers a field');
    await shot(shown.page, '03-no-profile', 'a page that is not a profile');
    await shown.lookUp('@unicode.names', { typed: true });
    await shown.settled('list');
    const ids = await shown.rowIds();
    await showsHandle(shown, 'unicode.names');
    listed.set('unicode.names', ids.length);
    detail(`typed “@unicode.names”, pressed Look up: ${ids.length} highlights`);
    await shot(shown.page, '04-lookup-by-handle', 'a handle typed into the form');
  });

  await story.step('A profile without highlights: /emptyprofile/', async () => {
    const shown = await visitInApp(tab, 'emptyprofile', 'emptyprofile', 'empty');
    listed.set('emptyprofile', 0);
    detail(`the popup says: “${await textOf(shown.page.getByTestId('empty-message'))}”`);
    await shot(shown.page, '05-empty', 'a profile with no highlights');
  });

  await story.step('A profile with 150 highlights: /bigprofile/', async () => {
    const shown = await visitInApp(tab, 'bigprofile', 'bigprofile', 'list');
    const ids = await shown.rowIds();
    check(ids.length === idsOf('bigprofile').length, `The popup lists ${ids.length} of @bigprofile’s 150 highlights.`);
    listed.set('bigprofile', ids.length);
    detail(`${ids.length} highlights; the list scrolls inside the popup`);
    const filter = shown.page.getByLabel('Filter by title or ID');
    await filter.fill('Highlight 14');
    const found = await until('the filter to apply', () => textOf(shown.page.getByTestId('filter-shown')), (t) => t !== '', 5_000);
    detail(`typed “Highlight 14” into the filter: “${found}”`);
    await shot(shown.page, '06-many-highlights', '150 highlights, filtered');
    await filter.fill('');
  });

  const collection = await story.step('A collection: a pasted list, estimated, started and confirmed, run to the end', async () => {
    const page = await runDemoCollection(world, SCENARIOS, COLLECTION_VIEWPORT);
    await shot(page.page, '10-collection', 'the collection page after its run');
    return page;
  });

  if (store) {
    const storeDir = join(REPO_ROOT, STORE_IMAGES_DIR);
    const made = await makeStoreImages(story, world, collection, storeDir);
    say(`\n    ${made.length} store images in ${relative(process.env.INIT_CWD ?? process.cwd(), storeDir)}`);
  }

  await story.step('Out of credits: the account is emptied, then Refresh is pressed', async () => {
    const balance = api.credits;
    api.setCredits(0);
    try {
      const shown = popup!;
      await shown.refresh();
      const banner = shown.page.getByTestId('refresh-error');
      await until('the refresh error to show', () => banner.count(), (n) => n === 1);
      await shown.settled('list');
      const answer = world.highlightLog().at(-1);
      check(answer?.status === 402, `SociaVault answered ${answer?.status ?? 'nothing'}, not 402.`);
      detail(`SociaVault answered 402; the list stays and the popup says: “${await textOf(banner)}”`);
      await shot(shown.page, '07-out-of-credits', 'out of credits: the list stays, with what a refresh needs');
    } finally {
      api.setCredits(balance);
    }
  });

  await story.step('A rejected key: a wrong key saved in the options, then /instagram/ visited', async () => {
    detail(`saved “${WRONG_API_KEY}”; the options page says: “${(await options.saveKey(WRONG_API_KEY)).trim()}”`);
    await tab.page.bringToFront();
    await tab.goto('/instagram/');
    await tab.waitForProfile('instagram');
    const shown = await openPopup(tab, 'error', 'key-rejected');
    const answer = world.highlightLog().at(-1);
    check(answer?.status === 401, `SociaVault answered ${answer?.status ?? 'nothing'}, not 401.`);
    detail(`SociaVault answered 401; the popup says: “${await textOf(shown.page.getByRole('alert').first())}”`);
    await shot(shown.page, '08-key-rejected', 'a key SociaVault rejects');
    // Leave a working key behind, for anyone who goes on clicking in a headed window.
    await options.saveKey(DEMO_API_KEY);
    detail('saved the demo key again');
  });

  printSummary({ world, listed, shots, outDir, startingCredits: STARTING_CREDITS, took: story.took() });

  if (!headless) {
    story.keepOpen();
    say('\nThe browser stays open: click around in the sample Instagram and the popup tab');
    say(`(${world.browser.extensionOrigin}/popup.html?tab=${tab.tabId}; open it again after moving to another profile). Press Ctrl+C to close it.`);
    await new Promise<void>((resolveWait) => world.browser.context.on('close', () => resolveWait()));
    say('The browser was closed.');
  }
});
