/**
 * `npm run demo`: the product's main job, end to end, with nothing of your own.
 *
 * Builds the extension, starts a stand-in SociaVault API and a sample
 * www.instagram.com on loopback over TLS, launches Chromium with the extension
 * and then uses it as a person would: saves a key in the options, opens
 * profiles, opens the popup, copies IDs, navigates inside Instagram, comes back
 * to a cached profile, looks up a typed handle and shows the empty, long and
 * failing cases. Each popup state is saved as a PNG.
 *
 *   npm run demo                      headless; screenshots in .demo/screenshots/
 *   npm run demo -- --headed          a visible window, left open until Ctrl+C
 *   npm run demo -- --out <dir>       screenshots somewhere else
 *   CHROME_PATH=/path/to/chrome npm run demo
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from '../test/support/browser';
import { buildExtension } from '../test/support/build';
import type { ChromeApi } from '../test/support/chrome-api';
import { ensureChromium } from '../test/support/chromium';
import { startInstagramSite, type InstagramSite } from '../test/support/instagram-site';
import { DEFAULT_SCENARIOS, type ProfileScenario } from '../test/support/scenarios';
import { startSociaVault, type SociaVaultServer } from '../test/support/sociavault-server';
import { createTestCertificate } from '../test/support/tls';

declare const chrome: ChromeApi;

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The key the stand-in SociaVault accepts. It works nowhere else. */
const DEMO_API_KEY = 'sk_demo_local_only_0000';
/** A key the stand-in rejects, to show that state. */
const WRONG_API_KEY = 'sk_live_this_key_is_not_valid';
const STARTING_CREDITS = 100;
const HIGHLIGHTS_PATH = '/v1/scrape/instagram/highlights';
const POPUP_VIEWPORT = { width: 360, height: 640 };
const OPTIONS_VIEWPORT = { width: 720, height: 900 };
const SETTLED_STATES = ['list', 'empty', 'error', 'no-key', 'no-profile'];
const DEFAULT_OUT = '.demo/screenshots';

const USAGE = `Usage: npm run demo -- [--headed] [--out <dir>]

  --headed       show the browser window (needs a display) and keep it open until Ctrl+C
  --out <dir>    where the screenshots go (default: ${DEFAULT_OUT} in the repository)
  --help         this text

CHROME_PATH=<binary> chooses the Chromium or Chrome to use.`;

// ---------------------------------------------------------------------------
// Arguments

interface Args {
  headed: boolean;
  outDir: string;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args | 'help' {
  let headed = false;
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--headed') headed = true;
    else if (arg === '--out') {
      const value = argv[++i];
      if (!value || value.startsWith('--')) throw new UsageError('--out needs a directory, e.g. --out docs/screenshots');
      out = value;
    } else if (arg.startsWith('--out=')) {
      out = arg.slice('--out='.length);
      if (!out) throw new UsageError('--out needs a directory, e.g. --out docs/screenshots');
    } else throw new UsageError(`Unknown option: ${arg}`);
  }
  // The default lives in the repository; --out is taken relative to where `npm run` was
  // typed (npm itself runs scripts from the package root and says where it started in INIT_CWD).
  const outDir = out === null ? join(REPO_ROOT, DEFAULT_OUT) : resolve(process.env.INIT_CWD ?? process.cwd(), out);
  return { headed, outDir };
}

// ---------------------------------------------------------------------------
// Output

const started = Date.now();
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const say = (line = '') => console.log(line);
const detail = (line: string) => console.log(`    ${line}`);

/** A failure with the step it happened in. */
class StepError extends Error {
  constructor(
    readonly step: string,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

let stepNumber = 0;
async function step<T>(title: string, body: () => Promise<T>): Promise<T> {
  stepNumber += 1;
  say(`\n${String(stepNumber).padStart(2)}. ${title}`);
  try {
    return await body();
  } catch (error) {
    if (error instanceof StepError) throw error;
    throw new StepError(title, error);
  }
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Polls `probe` until `ok` holds; the error names what was awaited and what was last seen. */
async function until<T>(what: string, probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await probe();
      if (ok(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = last !== undefined ? ` (last seen: ${JSON.stringify(last)})` : lastError ? ` (${String(lastError)})` : '';
      throw new Error(`Timed out after ${seconds(timeoutMs)} waiting for ${what}${seen}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

// ---------------------------------------------------------------------------
// Clean-up: browser and servers go away on success, failure and Ctrl+C.

const cleanups: { what: string; run: () => Promise<void> }[] = [];
let cleaning: Promise<void> | null = null;

function onCleanup(what: string, run: () => Promise<void>): void {
  cleanups.push({ what, run });
}

function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const { run } of cleanups.reverse()) {
      await Promise.race([run().catch(() => {}), new Promise((r) => setTimeout(r, 5_000))]);
    }
  })();
  return cleaning;
}

/** Set while a headed browser is left open for a person: Ctrl+C then ends a successful demo. */
let keepingOpen = false;
let interrupts = 0;
let firstSignalAt = 0;

function onSignal(signal: NodeJS.Signals): void {
  interrupts += 1;
  if (interrupts > 1) {
    // One Ctrl+C reaches us several times within milliseconds (from the terminal, and relayed
    // by npm and tsx); only a second press, later on, stops waiting for the clean-up.
    if (Date.now() - firstSignalAt > 1_500) process.exit(130);
    return;
  }
  firstSignalAt = Date.now();
  if (keepingOpen) say('\nClosing the browser and the servers…');
  else console.error(`\nInterrupted (${signal}); closing the browser and the servers…`);
  void cleanUp().then(() => process.exit(keepingOpen ? 0 : 130));
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('SIGHUP', onSignal);

// ---------------------------------------------------------------------------
// Building blocks

/** Whether fontconfig knows a font with this code point (hex); null when that cannot be asked. */
function hasFontFor(codePoint: string): boolean | null {
  const run = spawnSync('fc-list', [`:charset=${codePoint}`, 'family'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) return null;
  return run.stdout.trim().length > 0;
}

/** Debian packages that would replace boxes ("tofu") in the screenshots' highlight titles. */
function missingFontPackages(): string[] {
  const missing: string[] = [];
  if (hasFontFor('1f680') === false) missing.push('fonts-noto-color-emoji'); // 🚀
  if (hasFontFor('6771') === false) missing.push('fonts-noto-cjk'); // 東
  return missing;
}

/** What a person reads in an element: its rendered text on one line. */
async function textOf(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

interface Shot {
  file: string;
  what: string;
}

interface Demo {
  browser: ExtensionBrowser;
  api: SociaVaultServer;
  site: InstagramSite;
  outDir: string;
  shots: Shot[];
  /** The popup tab currently open, closed when the next one opens. */
  popup: Page | null;
}

function highlightRequests(api: SociaVaultServer) {
  return api.requests.filter((r) => r.path === HIGHLIGHTS_PATH);
}

async function actionTitle(demo: Demo, tabId: number): Promise<string> {
  const worker = await demo.browser.worker();
  return worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
}

/** Waits until the extension knows what the tab shows: its toolbar title names the profile (or says there is none). */
async function waitForTitle(demo: Demo, tabId: number, handle: string | null): Promise<void> {
  const expected = handle ? `Highlights of @${handle}` : 'no Instagram profile';
  await until(`the toolbar title to read “${expected}”`, () => actionTitle(demo, tabId), (t) => t.includes(expected));
}

/** The popup open now, for a screenshot when a step fails. */
let currentPopup: { page: Page; outDir: string } | null = null;

/** Opens popup.html?tab=<id> in its own tab at popup size, closing the previous one. */
async function openPopup(demo: Demo, tabId: number): Promise<Page> {
  await demo.popup?.close().catch(() => {});
  const popup = await demo.browser.openPopup(tabId);
  await popup.setViewportSize(POPUP_VIEWPORT);
  demo.popup = popup;
  currentPopup = { page: popup, outDir: demo.outDir };
  return popup;
}

/** Saves what the popup showed when the demo failed; the file's path, or null. */
async function screenshotOnFailure(): Promise<string | null> {
  if (!currentPopup || currentPopup.page.isClosed()) return null;
  const file = join(currentPopup.outDir, 'failure.png');
  return currentPopup.page
    .screenshot({ path: file, timeout: 5_000 })
    .then(() => file)
    .catch(() => null);
}

async function describePopup(popup: Page): Promise<string> {
  return popup
    .evaluate(() => {
      const main = document.querySelector('main');
      const text = (main?.innerText ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
      return `data-state=${main?.getAttribute('data-state')} data-error=${main?.getAttribute('data-error') ?? '-'}: “${text}”`;
    })
    .catch((error: unknown) => `(could not read the popup: ${String(error)})`);
}

/** Waits for the popup to leave its loading state and checks it landed in `expected`. */
async function settle(popup: Page, expected: string, expectedError?: string): Promise<void> {
  const main = popup.locator('main[data-state]');
  const state = await until(
    'the popup to finish loading',
    () => main.getAttribute('data-state'),
    (s) => SETTLED_STATES.includes(String(s)),
  ).catch(async (error: Error) => {
    throw new Error(`${error.message}. The popup shows ${await describePopup(popup)}`);
  });
  const errorKind = await main.getAttribute('data-error');
  if (state !== expected || (expectedError !== undefined && errorKind !== expectedError)) {
    const wanted = expectedError ? `${expected} (${expectedError})` : expected;
    throw new Error(`The popup should show “${wanted}” but shows ${await describePopup(popup)}`);
  }
}

async function handleShown(popup: Page): Promise<string> {
  return ((await popup.getByTestId('profile-handle').textContent()) ?? '').trim();
}

async function rowIds(popup: Page): Promise<string[]> {
  return popup.locator('li[data-testid="highlight-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id') ?? ''));
}

async function readClipboard(page: Page): Promise<string> {
  await page.bringToFront();
  return page.evaluate(() => navigator.clipboard.readText());
}

/**
 * An element screenshot (default: the page's <main>) once fonts and the visible images are
 * in. The mouse is moved out of the way first unless `keepHover` (to show what was clicked).
 */
async function screenshot(
  demo: Demo,
  page: Page,
  name: string,
  what: string,
  { target = page.locator('main').first(), keepHover = false }: { target?: Locator; keepHover?: boolean } = {},
): Promise<void> {
  if (!keepHover) await page.mouse.move(0, 0);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page
    .waitForFunction(
      () =>
        Array.from(document.images).every((img) => {
          const box = img.getBoundingClientRect();
          const visible = box.bottom > 0 && box.top < window.innerHeight && box.width > 0;
          return !visible || img.complete;
        }),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => {}); // A missing cover shows its placeholder; not worth failing the demo for.
  const file = join(demo.outDir, `${name}.png`);
  await target.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  demo.shots.push({ file, what });
  detail(`screenshot: ${name}.png — ${what}`);
}

/** Types a key into the options page's "API key" field and presses Save, as a person would. */
async function saveKeyInOptions(options: Page, key: string): Promise<string> {
  await options.bringToFront();
  // The page fills the field with the saved key once the background answers; wait for that first.
  await until(
    'the options page to load',
    async () => (await options.getByTestId('key-state').textContent()) ?? '',
    (text) => !/^Checking/.test(text),
    5_000,
  ).catch(() => {});
  const field = options.getByLabel('API key', { exact: true });
  await field.fill('');
  await field.pressSequentially(key, { delay: 10 });
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  const message = options.getByTestId('key-message');
  return until('the options page to confirm “Key saved”', async () => (await message.textContent()) ?? '', (t) =>
    /Key saved/.test(t),
  );
}

function expectedIds(handle: string): string[] {
  const scenario = DEFAULT_SCENARIOS[handle];
  check(scenario?.kind === 'profile', `The stand-in SociaVault has no profile “${handle}”.`);
  return (scenario as ProfileScenario).highlights.map((h) => h.id);
}

/** Follows a link of the sample Instagram inside the page: history.pushState, no page load. */
async function clickInAppLink(page: Page, text: string): Promise<void> {
  await page.bringToFront();
  const loadId = () => page.evaluate(() => (window as unknown as { __spaLoadId?: string }).__spaLoadId);
  const before = await loadId();
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: text, exact: true }).click();
  check((await loadId()) === before, `Clicking “${text}” reloaded the page instead of navigating inside it.`);
}

// ---------------------------------------------------------------------------
// The demo

async function run(args: Args): Promise<void> {
  say('Highlight Lookup demo: everything runs on this machine. A stand-in SociaVault API and a sample');
  say('www.instagram.com answer over TLS on 127.0.0.1; no SociaVault key, Instagram account or internet needed.');

  let headless = !args.headed;
  if (args.headed && !process.env.DISPLAY) {
    say('\n--headed needs a display, but $DISPLAY is not set: running headless instead.');
    say('To watch the demo on a machine without a screen, run: xvfb-run -a npm run demo -- --headed');
    headless = true;
  }

  await step('Finding Chromium or Chrome', async () => {
    const path = ensureChromium({ install: true, log: detail });
    // launchExtension reads CHROME_PATH, so the browser found (or installed) here is the one used.
    process.env.CHROME_PATH = path;
    detail(path);
  });

  await step('Building the extension (wxt build)', async () => {
    const build = await buildExtension({ browser: 'chrome' });
    detail(`built into ${relative(REPO_ROOT, build.dir)} in ${seconds(build.ms)}`);
  });

  const demo = await step('Starting the stand-in SociaVault and the sample Instagram (TLS on loopback)', async () => {
    mkdirSync(args.outDir, { recursive: true });
    rmSync(join(args.outDir, 'failure.png'), { force: true }); // left by an earlier failed run
    const tls = createTestCertificate();
    const api = await startSociaVault({ tls, validKeys: [DEMO_API_KEY], credits: STARTING_CREDITS });
    onCleanup('SociaVault stand-in', () => api.close());
    const site = await startInstagramSite({ tls });
    onCleanup('sample Instagram', () => site.close());
    detail(`api.sociavault.com → 127.0.0.1:${api.port} (accepts the demo key ${DEMO_API_KEY}, ${STARTING_CREDITS} credits)`);
    detail(`www.instagram.com → 127.0.0.1:${site.port}`);
    const browser = await launchExtension({
      instagramPort: site.port,
      apiPort: api.port,
      spkiHash: tls.spkiHash,
      headless,
      handleSignals: false,
    });
    onCleanup('browser', () => browser.close());
    detail(`Chromium ${browser.context.browser()?.version() ?? ''} (${headless ? 'headless' : 'headed'}) with the extension ${browser.extensionId}`);
    const result: Demo = { browser, api, site, outDir: args.outDir, shots: [], popup: null };
    return result;
  });
  const { browser, api } = demo;
  const listed = new Map<string, number>();

  const options = await step('Options: typing the demo key into “API key” and pressing Save', async () => {
    const page = await browser.openOptions();
    await page.setViewportSize(OPTIONS_VIEWPORT);
    const message = await saveKeyInOptions(page, DEMO_API_KEY);
    detail(`the options page says: “${message.trim()}”`);
    // The key card only: the whole page is tall and mostly settings.
    await screenshot(demo, page, '09-options', 'the key saved in the options', {
      target: page.locator('section.card').filter({ has: page.getByLabel('API key', { exact: true }) }),
    });
    return page;
  });

  const instagram = await step('Visiting https://www.instagram.com/nasa/ and opening the popup', async () => {
    const page = await browser.newInstagramPage('/nasa/');
    const tabId = await browser.tabIdOf(page);
    await waitForTitle(demo, tabId, 'nasa');
    detail(`toolbar button title: “${await actionTitle(demo, tabId)}”`);
    const popup = await openPopup(demo, tabId);
    await settle(popup, 'list');
    const ids = await rowIds(popup);
    check((await handleShown(popup)) === '@nasa', `The popup names ${await handleShown(popup)} instead of @nasa.`);
    check(JSON.stringify(ids) === JSON.stringify(expectedIds('nasa')), `The popup lists ${ids.length} IDs, not the ${expectedIds('nasa').length} SociaVault sent.`);
    listed.set('nasa', ids.length);
    detail(`@nasa: ${ids.length} highlights, 1 request to SociaVault`);
    await screenshot(demo, popup, '01-list', '@nasa’s highlights with their IDs');
    return { page, tabId };
  });

  await step('Copying one ID, then all IDs', async () => {
    const popup = demo.popup!;
    const [first] = await rowIds(popup);
    check(first !== undefined, 'The list has no rows.');
    await popup.bringToFront();
    await popup.getByRole('button', { name: `Copy ID ${first}`, exact: true }).click();
    const status = await until('the popup to say “Copied”', async () => (await popup.getByTestId('copy-status').textContent()) ?? '', (t) =>
      t.includes('Copied'),
    );
    const copied = await readClipboard(popup);
    check(copied === first, `The clipboard holds “${copied}”, not the ID ${first}.`);
    detail(`clicked “Copy ID ${first}”; the popup says “${status.trim()}”; the clipboard holds ${copied}`);
    await screenshot(demo, popup, '02-copied', 'one ID copied', { keepHover: true });

    await popup.getByRole('button', { name: 'Copy all IDs' }).click();
    const all = expectedIds('nasa').join('\n');
    const text = await until('the clipboard to hold every ID', () => readClipboard(popup), (t) => t === all, 5_000);
    detail(`clicked “Copy all IDs”; the clipboard holds ${text.split('\n').length} IDs, one per line`);
  });

  await step('Clicking “natgeo” inside Instagram (pushState, no page load) and opening the popup', async () => {
    await clickInAppLink(instagram.page, 'natgeo');
    await waitForTitle(demo, instagram.tabId, 'natgeo');
    const popup = await openPopup(demo, instagram.tabId);
    await settle(popup, 'list');
    check((await handleShown(popup)) === '@natgeo', `The popup names ${await handleShown(popup)} instead of @natgeo.`);
    const ids = await rowIds(popup);
    listed.set('natgeo', ids.length);
    detail(`the popup followed to @natgeo: ${ids.length} highlight (${ids.join(', ')})`);
  });

  await step('Back to “nasa”: the popup answers from the cache', async () => {
    const before = highlightRequests(api).length;
    await clickInAppLink(instagram.page, 'nasa');
    await waitForTitle(demo, instagram.tabId, 'nasa');
    const popup = await openPopup(demo, instagram.tabId);
    await settle(popup, 'list');
    check((await rowIds(popup)).length === expectedIds('nasa').length, 'The cached @nasa list is incomplete.');
    const fetched = ((await popup.getByTestId('fetched-at').textContent()) ?? '').trim();
    const after = highlightRequests(api).length;
    check(after === before, `Coming back to @nasa sent ${after - before} request(s) to SociaVault; the cache should answer.`);
    detail(`@nasa again, “${fetched}”; SociaVault received no request (still ${after}), no credit spent`);
  });

  await step('Explore (no profile): typing a handle into the popup’s form', async () => {
    await clickInAppLink(instagram.page, 'Explore');
    await waitForTitle(demo, instagram.tabId, null);
    const popup = await openPopup(demo, instagram.tabId);
    await settle(popup, 'no-profile');
    detail('the popup says the page is not a profile and offers a field');
    await screenshot(demo, popup, '03-no-profile', 'a page that is not a profile');
    const field = popup.getByLabel('Instagram handle or profile URL');
    await field.click();
    await field.pressSequentially('@unicode.names', { delay: 10 });
    await popup.getByRole('button', { name: 'Look up', exact: true }).click();
    await settle(popup, 'list');
    const ids = await rowIds(popup);
    check((await handleShown(popup)) === '@unicode.names', `The popup names ${await handleShown(popup)} instead of @unicode.names.`);
    listed.set('unicode.names', ids.length);
    detail(`typed “@unicode.names”, pressed Look up: ${ids.length} highlights`);
    await screenshot(demo, popup, '04-lookup-by-handle', 'a handle typed into the form');
  });

  await step('A profile without highlights: /emptyprofile/', async () => {
    await clickInAppLink(instagram.page, 'emptyprofile');
    await waitForTitle(demo, instagram.tabId, 'emptyprofile');
    const popup = await openPopup(demo, instagram.tabId);
    await settle(popup, 'empty');
    listed.set('emptyprofile', 0);
    detail(`the popup says: “${((await popup.getByTestId('empty-message').textContent()) ?? '').trim()}”`);
    await screenshot(demo, popup, '05-empty', 'a profile with no highlights');
  });

  await step('A profile with 150 highlights: /bigprofile/', async () => {
    await clickInAppLink(instagram.page, 'bigprofile');
    await waitForTitle(demo, instagram.tabId, 'bigprofile');
    const popup = await openPopup(demo, instagram.tabId);
    await settle(popup, 'list');
    const ids = await rowIds(popup);
    check(ids.length === expectedIds('bigprofile').length, `The popup lists ${ids.length} of @bigprofile’s 150 highlights.`);
    listed.set('bigprofile', ids.length);
    detail(`${ids.length} highlights; the list scrolls inside the popup`);
    await screenshot(demo, popup, '06-many-highlights', '150 highlights');
  });

  await step('Out of credits: the account is emptied, then Refresh is pressed', async () => {
    const balance = api.credits;
    api.setCredits(0);
    try {
      const popup = demo.popup!;
      await popup.bringToFront();
      await popup.getByRole('button', { name: 'Refresh' }).click();
      const banner = popup.getByTestId('refresh-error');
      await until('the refresh error to show', () => banner.count(), (n) => n === 1);
      await settle(popup, 'list');
      const answer = highlightRequests(api).at(-1);
      check(answer?.status === 402, `SociaVault answered ${answer?.status ?? 'nothing'}, not 402.`);
      detail(`SociaVault answered 402; the list stays and the popup says: “${await textOf(banner)}”`);
      await screenshot(demo, popup, '07-out-of-credits', 'out of credits: the list stays, with what a refresh needs');
    } finally {
      api.setCredits(balance);
    }
  });

  await step('A rejected key: a wrong key saved in the options, then /instagram/ visited', async () => {
    const message = await saveKeyInOptions(options, WRONG_API_KEY);
    detail(`saved “${WRONG_API_KEY}”; the options page says: “${message.trim()}”`);
    await instagram.page.bringToFront();
    await instagram.page.goto('https://www.instagram.com/instagram/');
    await waitForTitle(demo, instagram.tabId, 'instagram');
    const popup = await openPopup(demo, instagram.tabId);
    await settle(popup, 'error', 'key-rejected');
    const answer = highlightRequests(api).at(-1);
    check(answer?.status === 401, `SociaVault answered ${answer?.status ?? 'nothing'}, not 401.`);
    const alert = await textOf(popup.getByRole('alert').first());
    detail(`SociaVault answered 401; the popup says: “${alert}”`);
    await screenshot(demo, popup, '08-key-rejected', 'a key SociaVault rejects');
    // Leave a working key behind, for anyone who goes on clicking in a headed window.
    await saveKeyInOptions(options, DEMO_API_KEY);
    detail('saved the demo key again');
  });

  // Summary, from the stand-in server's own request log.
  const requests = highlightRequests(api);
  const charged = requests.filter((r) => r.status === 200);
  const uncharged = requests.filter((r) => r.status !== 200);
  const visited = [...listed.keys()].map((h) => `@${h}`);
  const total = [...listed.values()].reduce((a, b) => a + b, 0);
  const outShown = relative(process.env.INIT_CWD ?? process.cwd(), args.outDir) || '.';
  say('\nSummary');
  say(`  Profiles shown:     ${visited.length} (${visited.join(', ')}), plus @instagram with a rejected key`);
  say(`  Highlights listed:  ${total} (${[...listed].map(([h, n]) => `${n} @${h}`).join(', ')})`);
  say(
    `  Credits spent:      ${charged.length} of ${STARTING_CREDITS} (${requests.length} requests to the stand-in SociaVault; ` +
      `${uncharged.length} refused without charge: ${uncharged.map((r) => r.status).join(', ') || 'none'}; ` +
      'the return to @nasa came from the cache)',
  );
  say(`  Screenshots:        ${demo.shots.length} PNGs in ${args.outDir}${outShown !== args.outDir ? ` (${outShown})` : ''}`);
  const fonts = missingFontPackages();
  if (fonts.length > 0) {
    say('  Hint:               some characters in highlight titles (emoji, Japanese) have no font here and');
    say(`                      show as boxes. On Debian/Ubuntu: apt-get install ${fonts.join(' ')}`);
  }
  say(`  Took:               ${seconds(Date.now() - started)}`);

  if (!headless) {
    keepingOpen = true;
    const popupUrl = `${browser.extensionOrigin}/popup.html?tab=${instagram.tabId}`;
    say('\nThe browser stays open: click around in the sample Instagram and the popup tab');
    say(`(${popupUrl}; open it again after moving to another profile). Press Ctrl+C to close it.`);
    await new Promise<void>((resolveWait) => browser.context.on('close', () => resolveWait()));
    say('The browser was closed.');
  }
}

async function main(): Promise<number> {
  let args: Args | 'help';
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    say(USAGE);
    return 0;
  }
  try {
    await run(args);
    return 0;
  } catch (error) {
    if (interrupts > 0) return 130;
    const where = error instanceof StepError ? ` at “${error.step}”` : '';
    console.error(`\nThe demo failed${where}:\n${(error as Error).message}`);
    const shot = await screenshotOnFailure();
    if (shot) console.error(`The popup at that moment: ${shot}`);
    return 1;
  } finally {
    await cleanUp();
  }
}

const code = await main();
if (interrupts === 0) process.exit(code);
