/**
 * Build step (Node): the service worker gets the browser's own extension API
 * where WXT's background wrapper imports `wxt/browser`, not
 * webextension-polyfill. The polyfill module (@wxt-dev/webextension-polyfill)
 * aliases `wxt/browser` for every entrypoint; the wrapper's import of it only
 * serves the dev server, but a CommonJS module with side effects is never
 * shaken out, so the polyfill's 2.7 kB (gzip) would stay in background.js. Our
 * background code calls the browser through entrypoints/background/extension-api.ts.
 */
import { addViteConfig, defineWxtModule } from 'wxt/modules';
import type { Plugin } from 'vite';

/** What the alias turns `wxt/browser` into (@wxt-dev/webextension-polyfill, dist/index.mjs). */
export const POLYFILL_BROWSER = '@wxt-dev/webextension-polyfill/browser';

/** WXT's background wrapper (wxt/dist/virtual/background-entrypoint.mjs), as the virtual module that imports it. */
export function isBackgroundWrapper(importer: string | undefined): boolean {
  return /^\0?virtual:wxt-background-entrypoint(\?|$)/.test(importer ?? '');
}

export function backgroundBrowserPlugin(): Plugin {
  return {
    name: 'highlight-lookup:background-browser',
    enforce: 'pre',
    async resolveId(id, importer) {
      if (id !== POLYFILL_BROWSER || !isBackgroundWrapper(importer)) return null;
      // @wxt-dev/browser is what `wxt/browser` is without the polyfill: `browser` or `chrome`.
      return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
    },
  };
}

export default defineWxtModule({
  name: 'background-browser',
  setup(wxt) {
    addViteConfig(wxt, () => ({ plugins: [backgroundBrowserPlugin()] }));
  },
});
