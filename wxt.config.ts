import { defineConfig } from 'wxt';

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
    permissions: ['storage'],
    host_permissions: ['https://api.sociavault.com/*'],
    action: { default_title: 'Highlight Lookup' },
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
        description: 'Show the highlights of the profile in this tab',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'highlight-lookup@sociavault-tools', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { sourcemap: false },
  }),
});
