import { defineConfig } from 'wxt';
import { iconSet, TOOLBAR_ICON_SIZES } from './utils/toolbar-icons';

const HOMEPAGE = 'https://github.com/sociavault-tools/highlight-lookup';

/** The pattern WXT adds to zip.excludeSources for test files (wxt 0.21, core/resolve-config). */
const WXT_TEST_FILES_PATTERN = '**/*.+(test|spec).?(c|m)+(j|t)s?(x)';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // wxt/browser is webextension-polyfill, except in the background and the popup (modules/polyfill-scope.ts).
  modules: ['@wxt-dev/webextension-polyfill'],
  // MV3 for Firefox too, so both builds share `browser.action` and storage.session.
  manifestVersion: 3,
  imports: false,
  manifest: ({ browser }) => ({
    // In the browser's language: public/_locales/<lang>/messages.json (docs/architecture.md, "Languages inside").
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    homepage_url: HOMEPAGE,
    // Rendered from assets/icon.svg at build time (modules/render-icons.ts).
    icons: iconSet('normal'),
    // contextMenus: "Highlights of this profile" on links to profiles on instagram.com.
    // alarms: wakes a stopped worker to go on with a collection run.
    permissions: ['storage', 'contextMenus', 'alarms'],
    // notifications: only when the user ticks "Tell me when a run finishes or stops" on
    // the collection page, which asks for it then; unticking gives it back.
    optional_permissions: ['notifications'],
    host_permissions: ['https://api.sociavault.com/*'],
    action: { default_icon: iconSet('normal', TOOLBAR_ICON_SIZES) },
    // entrypoints/profile-watcher: declared here rather than as WXT's content
    // script, so that nothing of WXT's content-script context reaches the page.
    content_scripts: [
      {
        matches: ['https://www.instagram.com/*'],
        js: ['profile-watcher.js'],
        // Only the URL matters, so start before Instagram's heavy page has loaded.
        run_at: 'document_start',
      },
    ],
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_commandOpenPopup__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'highlight-lookup@sociavault-tools',
              // Firefox shows data_collection_permissions at install from 140 on
              // (desktop); earlier versions would install without asking, and we
              // have no consent screen of our own. 140 is an ESR.
              strict_min_version: '140.0',
              // What leaves the browser, in Mozilla's categories
              // (extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/).
              // Both are needed for the one thing the extension does, so required:
              // - browsingActivity ("the websites users visit, such as specific
              //   URLs"): a lookup sends SociaVault the Instagram profile you are on
              //   (its handle, read from the page URL, or its numeric id), or one
              //   you typed; with auto-lookup on, each newly visited profile.
              // - authenticationInfo ("passwords, usernames, PINs, …"): your
              //   SociaVault API key goes with every lookup, to SociaVault only.
              // Nothing else is sent: no analytics, no technical or interaction data.
              // No gecko_android: that would list the extension for Firefox for
              // Android, which no test of ours covers (docs/store-review.md, "web-ext lint").
              data_collection_permissions: { required: ['browsingActivity', 'authenticationInfo'] },
            },
          },
        }
      : {
          // Chrome 148 is the first with the `browser` namespace and with onMessage listeners that answer by returning a promise, which our code relies on.
          minimum_chrome_version: '148',
        }),
  }),
  zip: {
    // The sources zip (made with the Firefox zip) is what Mozilla's reviewers
    // rebuild the Firefox build from: everything the build reads, the tests and
    // scripts that check it, and the documents. An allowlist, so nothing new
    // (or secret) slips in unnoticed; test/build/zip-sources.test.ts keeps it
    // in step with the repository. Not the screenshots (docs/screenshots, 480 KB)
    // nor the store's images (docs/store/images, 400 KB): a rebuild needs neither.
    includeSources: [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'tsconfig.json',
      'vitest.config.ts',
      'eslint.config.js',
      'stryker.config.mjs',
      'entrypoints/**',
      'components/**',
      'utils/**',
      'modules/**',
      'assets/**',
      'public/**',
      'test/**',
      'scripts/**',
      'docs/store/**',
      // The documents, and the bench's charts that docs/performance.md shows.
      'docs/*.md',
      'docs/bench/**',
      'README.md',
      'LICENSE',
      'PRIVACY.md',
      'SECURITY.md',
      'CONTRIBUTING.md',
    ],
    // Left out even if a pattern above were widened. (WXT itself adds node_modules and the output folder.)
    excludeSources: ['docs/screenshots/**', 'docs/store/images/**', '.output/**', '.test-tmp/**', '.demo/**', 'stats.html', '**/*.log'],
  },
  hooks: {
    // WXT takes the toolbar button's title from the popup's <title>, which is
    // fixed English in the HTML (the page translates it only once its script
    // runs). So the manifest names the message instead.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_extName__';
    },
    'entrypoints:grouped': (_wxt, groups) => {
      // WXT builds every HTML page in one Vite build, which splits what the
      // popup and the options page share (Preact, utils) into a chunk of its
      // own. Built alone, the popup is one script: one file to load, and
      // 0.7 kB less gzip than the same code in two files. Alone, it can also
      // go without webextension-polyfill (modules/polyfill-scope.ts).
      for (const [index, group] of groups.entries()) {
        if (!Array.isArray(group) || group.length < 2) continue;
        const popup = group.filter((entrypoint) => entrypoint.type === 'popup');
        if (popup.length === 0) continue;
        groups.splice(index, 1, popup, group.filter((entrypoint) => entrypoint.type !== 'popup'));
        break;
      }
    },
    'config:resolved': (wxt) => {
      // WXT always leaves *.test.ts files out of the sources zip; ours belong in
      // it (reviewers can run npm test), so drop that one default pattern.
      wxt.config.zip.excludeSources = wxt.config.zip.excludeSources.filter((pattern) => pattern !== WXT_TEST_FILES_PATTERN);
    },
  },
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      sourcemap: false,
      // No modulepreload: Vite's polyfill for browsers without it would cost
      // every page 0.8 kB (gzip); modules/plain-dynamic-imports.ts says why
      // lazy chunks need no preloading either.
      modulePreload: false,
      // The browsers the manifests accept: no style rewritten for older ones.
      cssTarget: ['chrome148', 'firefox140'],
    },
  }),
});
