import { defineConfig } from 'wxt';
import { iconSet, TOOLBAR_ICON_SIZES } from './utils/toolbar-icons';

const HOMEPAGE = 'https://github.com/sociavault-tools/highlight-lookup';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // MV3 for Firefox too, so both builds share `browser.action` and storage.session.
  manifestVersion: 3,
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Highlight Lookup',
    description:
      'Lists the story highlights of the Instagram profile you are viewing, with their IDs, via the SociaVault API.',
    homepage_url: HOMEPAGE,
    // Rendered from assets/icon.svg at build time (modules/toolbar-icons.ts).
    icons: iconSet('normal'),
    permissions: ['storage'],
    host_permissions: ['https://api.sociavault.com/*'],
    action: { default_title: 'Highlight Lookup', default_icon: iconSet('normal', TOOLBAR_ICON_SIZES) },
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Show the highlights of the profile in this tab',
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
              // Android, which no test of ours covers (README, "Store review notes").
              data_collection_permissions: { required: ['browsingActivity', 'authenticationInfo'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { sourcemap: false },
  }),
});
