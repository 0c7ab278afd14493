import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, iconSet, TOOLBAR_ICON_SIZES } from '@/utils/toolbar-icons';
import { extensionDir } from '@/test/support/build';
import { builtSizes, pageFiles } from '@/test/support/built-sizes';

/**
 * Pins what the built extension asks the browser for, in both builds. This
 * test builds nothing: `npm run test:build` (and `npm test`) builds Chrome and
 * Firefox first.
 */

const CHROME_DIR = extensionDir('chrome');
const FIREFOX_DIR = extensionDir('firefox');

const GECKO_ID = 'highlight-lookup@sociavault-tools';
const HOMEPAGE = 'https://github.com/sociavault-tools/highlight-lookup';

/** Built-size budgets for the Chrome build, in bytes (kB = 1000 B, as wxt prints them). */
const BUDGET = {
  contentScript: 25_000,
  popupJs: 64_000,
  background: 160_000,
};

/**
 * Gzip budgets (level 9, each file on its own; test/support/built-sizes.ts),
 * the ones `npm run bench` reports against: the background, what the popup
 * loads to open (its scripts and style sheet), what it loads later (its lazy
 * chunks: row menu, downloads, failure explanations, the filter of long lists,
 * the balance footer), the content script.
 */
const GZIP_BUDGET = {
  /**
   * 25 kB until collections of 10,000 (issue 19) and the stories of a
   * highlight (issue 18). Issue 19 added 3.9 kB: the run kept in parts
   * (run-storage, run-draft, run-store), the pace policy for 429s and lookups
   * at once, the run settings, the notification and the pages' news channel.
   * Issue 18 added 2.3 kB: a second endpoint, its reader for every shape
   * Instagram gives a reel's items in, and the check of cached stories. None
   * of it can be loaded later: a service worker cannot import() code.
   * Together 30.6 kB (2026-12-07); docs/performance.md says what could win it back.
   * Issue 18's stories runs (all stories of a profile, a collection with
   * its stories) added 2.8 kB, 30.89 → 33.69 kB (2026-12-07): the run's
   * reducer, its glue (storage, alarm, the pace), the stories kept in
   * IndexedDB for the files, and five messages' schemas.
   */
  background: 34_000,
  /**
   * The target of issues 9 and 17, met: the popup opens with 14.64 kB (14.60
   * before the list menu's All stories; 15.88
   * kB before the last step of issue 17, 19.73 kB before the issue). What it
   * loads to open is what paints a list: Preact (4.3 kB; no preact/hooks, the
   * popup's components are classes), the style sheet (1.9 kB), the reads of
   * opening and the part of the state machine they reach (opening.ts), the
   * list with its rows, header and footer. Everything else is lazy
   * (popupLazy), among it what the list draws after its first paint: the
   * covers, "fetched … ago", the reducer of the events that come later
   * (state.ts). The first screen's icons are files of their own
   * (public/popup-icons/, 1.14 kB gzip in five files), drawn as masks by the
   * style sheet: not JS or CSS, so not counted here (a data: URL would do the
   * same, but the security e2e test refuses every data: URL the popup loads).
   * docs/performance.md has the breakdown.
   */
  popup: 15_000,
  /**
   * The lazy chunks together: 19.62 kB in 21 files (4.13 kB in 6 before
   * issue 17). Each loads when its part is first shown: the panels of no key,
   * no profile and a failure with the lookup form, the loading state, the
   * list's menu with the downloads and the collection, a long list's growth,
   * the filter, the row menu, the balance, the failure words, a failed
   * Refresh's notice, the icons of the lazy parts, the form controls' style;
   * after the first paint of a list, copying, the covers (0.98 kB with their
   * style), "fetched … ago" (0.50 kB) and the reducer of later events (0.93
   * kB, with errorAction's 0.25 kB in a chunk it shares with the failure
   * words); the stories view of issue 18 (4.5 kB: preact/hooks, its style,
   * the stories files and its error words) when a row's Stories is first
   * chosen; with all stories of a profile (the estimate, the run's progress
   * and its files, in the stories view's chunk, and the list menu's line of
   * how far a run is): 21.26 kB in 21 files; and issue 17's word of where a
   * paid answer told before it was stored went (in the reducer's chunk):
   * 21.33 kB. scripts/bench.ts reports against the same figure (POPUP_LAZY_BUDGET).
   */
  popupLazy: 21_400,
  content: 5_000,
};

type Manifest = Record<string, unknown> & {
  minimum_chrome_version?: string;
  content_scripts?: Array<Record<string, unknown>>;
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  action?: { default_popup?: string; default_icon?: Record<string, string>; default_title?: string };
  commands?: Record<string, { description?: string }>;
  icons?: Record<string, string>;
  options_ui?: { page?: string };
  options_page?: string;
  content_security_policy?: unknown;
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[]; optional?: string[] } };
    gecko_android?: unknown;
  };
};

function readManifest(dir: string, buildCommand: string): Manifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: build the extension first with \`${buildCommand}\` (npm run test:build does this).`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** Keywords a CSP may list for scripts without loosening MV3's default. */
const SAFE_SCRIPT_SOURCES = new Set(["'self'", "'none'", "'wasm-unsafe-eval'"]);

/** Every problem with a CSP string: unsafe keywords anywhere, or any source other than our own for scripts. */
function cspProblems(policy: string): string[] {
  const problems: string[] = [];
  for (const directive of policy.split(';').map((d) => d.trim()).filter(Boolean)) {
    const [name, ...sources] = directive.split(/\s+/);
    for (const source of sources) {
      const lower = source.toLowerCase();
      if (lower === "'unsafe-eval'" || lower === "'unsafe-inline'" || lower === "'unsafe-hashes'") {
        problems.push(`${name} allows ${source}`);
      } else if (/^(script-src|script-src-elem|script-src-attr|default-src|worker-src|object-src)$/i.test(name!)) {
        if (!SAFE_SCRIPT_SOURCES.has(lower)) problems.push(`${name} allows ${source}`);
      }
    }
  }
  return problems;
}

/** The checks both browsers' manifests share. */
function expectLockedDown(manifest: Manifest, dir: string): void {
  expect(manifest.manifest_version).toBe(3);
  // Name and description come from public/_locales (default_locale en); test/unit/repo/locales.test.ts checks those.
  expect(manifest.default_locale).toBe('en');
  expect(manifest.name).toBe('__MSG_extName__');
  expect(manifest.description).toBe('__MSG_extDescription__');
  expect(existsSync(join(dir, '_locales/en/messages.json'))).toBe(true);
  expect(manifest.action?.default_title).toBe('__MSG_extName__');
  expect(manifest.commands?._execute_action?.description).toBe('__MSG_commandOpenPopup__');
  for (const locale of ['pt_BR', 'es']) expect(existsSync(join(dir, `_locales/${locale}/messages.json`)), locale).toBe(true);
  expect(manifest.permissions).toEqual(['storage', 'contextMenus', 'alarms']);
  // Asked for only when the user ticks "Tell me when a run finishes or stops" on the collection page.
  expect(manifest.optional_permissions).toEqual(['notifications']);
  expect(manifest.host_permissions).toEqual(['https://api.sociavault.com/*']);

  expect(manifest.content_scripts).toHaveLength(1);
  const [content] = manifest.content_scripts!;
  expect(content!.matches).toEqual(['https://www.instagram.com/*']);
  expect(content!.all_frames).not.toBe(true);
  expect(content!.match_about_blank).not.toBe(true);
  expect(content!.match_origin_as_fallback).not.toBe(true);
  expect(content!.world ?? 'ISOLATED').toBe('ISOLATED');
  for (const script of content!.js as string[]) expect(existsSync(join(dir, script)), script).toBe(true);

  for (const key of ['web_accessible_resources', 'externally_connectable', 'optional_host_permissions']) {
    expect(manifest, key).not.toHaveProperty(key);
  }

  const csp = manifest.content_security_policy;
  if (csp !== undefined) {
    const policies = typeof csp === 'string' ? [csp] : Object.values(csp as Record<string, string>);
    expect(policies.flatMap(cspProblems)).toEqual([]);
  }

  expect(manifest.action?.default_popup).toBe('popup.html');
  expect(existsSync(join(dir, 'popup.html'))).toBe(true);
  const optionsPage = manifest.options_ui?.page ?? manifest.options_page;
  expect(optionsPage).toBe('options.html');
  expect(existsSync(join(dir, optionsPage!))).toBe(true);

  expect(manifest.homepage_url).toBe(HOMEPAGE);
  expectIcons(manifest, dir);
}

/** Width and height from a PNG's header, or null when the file is no PNG. */
function pngSize(file: string): [number, number] | null {
  const bytes = readFileSync(file);
  if (bytes.length < 24 || bytes.toString('latin1', 0, 8) !== '\x89PNG\r\n\x1a\n' || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** The manifest's icons at every size, the toolbar's default, and the grey set the background switches to: each a PNG of its size. */
function expectIcons(manifest: Manifest, dir: string): void {
  expect(manifest.icons).toEqual(iconSet('normal'));
  expect(Object.keys(manifest.icons!).map(Number)).toEqual([...ICON_SIZES]);
  expect(manifest.action?.default_icon).toEqual(iconSet('normal', TOOLBAR_ICON_SIZES));
  const files = [...Object.entries(iconSet('normal')), ...Object.entries(iconSet('grey'))];
  for (const [size, file] of files) {
    expect(existsSync(join(dir, file)), file).toBe(true);
    expect(pngSize(join(dir, file)), file).toEqual([Number(size), Number(size)]);
  }
}

const size = (dir: string, file: string) => statSync(join(dir, file)).size;

/** Strings of webextension-polyfill's code (its UMD name and its start-up check), as the pinned version (0.12.0) writes them. */
const POLYFILL_MARKERS = ['webextension-polyfill', 'should only be loaded in a browser extension'];

/**
 * The background and the popup (at open and its lazy chunks) carry no
 * webextension-polyfill, for their size budgets; the options page, the
 * collection page and the content script do. Either way `browser` is the
 * browser's own (modules/polyfill-scope.ts).
 */
function expectPolyfillWhereItFits(dir: string): void {
  const code = (files: readonly string[]) => files.filter((file) => file.endsWith('.js')).map((file) => [file, readFileSync(join(dir, file), 'utf8')] as const);
  const sizes = builtSizes(dir);
  const without = code([...sizes.background.files, ...sizes.popup.files, ...sizes.popupLazy.files]);
  expect(without.map(([file]) => file)).toContain('background.js');
  for (const [file, text] of without) {
    for (const marker of POLYFILL_MARKERS) expect(text, file).not.toContain(marker);
  }
  const carriers: Array<[string, string[]]> = [
    ['options page', pageFiles(dir, 'options.html').scripts],
    ['collection page', pageFiles(dir, 'collection.html').scripts],
    ['content script', sizes.content.files],
  ];
  for (const [part, files] of carriers) {
    const texts = code(files).map(([, text]) => text);
    for (const marker of POLYFILL_MARKERS) expect(texts.some((text) => text.includes(marker)), `${part} (${files.join(', ')})`).toBe(true);
  }
}

describe('Chrome build (.output/chrome-mv3)', () => {
  it('manifest asks for exactly what the extension needs', () => {
    const manifest = readManifest(CHROME_DIR, 'npx wxt build');
    expectLockedDown(manifest, CHROME_DIR);
    expect(manifest.background?.service_worker).toBe('background.js');
    expect(existsSync(join(CHROME_DIR, 'background.js'))).toBe(true);
    expect(manifest).not.toHaveProperty('browser_specific_settings');
  });

  it('stays within its size budgets', () => {
    const manifest = readManifest(CHROME_DIR, 'npx wxt build');
    const [content] = manifest.content_scripts!;
    expect(content!.js).toEqual(['profile-watcher.js']);
    expect(size(CHROME_DIR, 'profile-watcher.js')).toBeLessThan(BUDGET.contentScript);

    const popupJs = pageFiles(CHROME_DIR, manifest.action!.default_popup!).scripts;
    expect(popupJs.length).toBeGreaterThan(0);
    const popupBytes = popupJs.reduce((sum, file) => sum + size(CHROME_DIR, file), 0);
    expect(popupBytes, popupJs.join(', ')).toBeLessThan(BUDGET.popupJs);

    expect(size(CHROME_DIR, manifest.background!.service_worker!)).toBeLessThan(BUDGET.background);
  });

  it('stays within its gzip budgets: background, popup at open, popup lazy chunks, content script', () => {
    readManifest(CHROME_DIR, 'npx wxt build');
    const sizes = builtSizes(CHROME_DIR);
    expect(sizes.background.files).toEqual(['background.js']);
    expect(sizes.popup.files.some((file) => file.endsWith('.js')) && sizes.popup.files.some((file) => file.endsWith('.css'))).toBe(true);
    expect(sizes.content.files).toEqual(['profile-watcher.js']);
    for (const part of ['background', 'popup', 'popupLazy', 'content'] as const) {
      const { gzip, files } = sizes[part];
      expect(gzip, `${part} (${files.join(', ')}): ${gzip} B gzip`).toBeLessThanOrEqual(GZIP_BUDGET[part]);
    }
  });

  it('needs Chrome 148, the first with the `browser` namespace and promise answers to messages', () => {
    expect(readManifest(CHROME_DIR, 'npx wxt build').minimum_chrome_version).toBe('148');
  });

  it('carries webextension-polyfill only where modules/polyfill-scope.ts puts it', () => {
    expectPolyfillWhereItFits(CHROME_DIR);
  });
});

describe('Firefox build (.output/firefox-mv3)', () => {
  it('manifest asks for exactly what the extension needs, with its gecko id', () => {
    const manifest = readManifest(FIREFOX_DIR, 'npx wxt build -b firefox');
    expectLockedDown(manifest, FIREFOX_DIR);
    // Firefox runs MV3 backgrounds as event pages: scripts, not a service worker.
    const background = manifest.background?.service_worker ?? manifest.background?.scripts?.[0];
    expect(background).toBe('background.js');
    expect(existsSync(join(FIREFOX_DIR, background!))).toBe(true);
    expect(manifest.browser_specific_settings?.gecko?.id).toBe(GECKO_ID);
  });

  it('declares what data leaves the browser, and needs the Firefox that asks the user about it', () => {
    const gecko = readManifest(FIREFOX_DIR, 'npx wxt build -b firefox').browser_specific_settings?.gecko;
    // The profile looked up (from the page URL or typed) and the API key, both sent to SociaVault on a lookup.
    expect(gecko?.data_collection_permissions).toEqual({ required: ['browsingActivity', 'authenticationInfo'] });
    // Firefox 140 (an ESR) is the first desktop release that shows data_collection_permissions at install.
    expect(gecko?.strict_min_version).toBe('140.0');
    // Not listed for Firefox for Android, which no test covers.
    expect(readManifest(FIREFOX_DIR, 'npx wxt build -b firefox').browser_specific_settings).not.toHaveProperty('gecko_android');
    expect(readManifest(FIREFOX_DIR, 'npx wxt build -b firefox')).not.toHaveProperty('minimum_chrome_version');
  });

  it('carries webextension-polyfill only where modules/polyfill-scope.ts puts it', () => {
    // Fails, not skips, without a Firefox build: a skipped check passes a run that never looked.
    readManifest(FIREFOX_DIR, 'npx wxt build -b firefox');
    expectPolyfillWhereItFits(FIREFOX_DIR);
  });
});
