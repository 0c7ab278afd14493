/**
 * Build step (Node): which bundles carry webextension-polyfill. Every product
 * file reaches the extension API one way, `import { browser } from
 * 'wxt/browser'`; this module decides, per bundle, what that import is.
 *
 * - The background (with WXT's own background wrapper, which imports
 *   `wxt/browser` too) and the popup get `@wxt-dev/browser`, the browser's own
 *   namespace: what `wxt/browser` is without the polyfill. Their gzip budgets
 *   (test/build/manifest.test.ts) cannot carry the polyfill's 2.7 kB.
 * - Every other bundle (the options page, the collection page, the content
 *   script) gets the polyfill, which fits their budgets.
 *
 * Both give the same object at run time: the polyfill hands back the browser's
 * own `browser` wherever one exists, which is so in Firefox and in Chrome from
 * 148 on (the manifest's minimum_chrome_version).
 *
 * WXT's @wxt-dev/webextension-polyfill module (listed in wxt.config.ts)
 * aliases `wxt/browser` to the polyfill for every bundle; this module points
 * the background's and the popup's bundles back to `@wxt-dev/browser`. That
 * needs the popup in a bundle of its own, which the `entrypoints:grouped`
 * hook in wxt.config.ts arranges: a bundle that mixed the popup with another
 * page would have to carry the polyfill for the popup, or leave it out for
 * the other page. So the build stops if that ever happens, as it does when
 * the polyfill module's alias is missing.
 */
import type { InlineConfig } from 'vite';
import type { Entrypoint } from 'wxt';
import { defineWxtModule } from 'wxt/modules';

export type BrowserApi = 'native' | 'polyfill';

/** The module `wxt/browser` becomes for each choice; both export `browser`. */
export const BROWSER_MODULE: Readonly<Record<BrowserApi, string>> = {
  native: '@wxt-dev/browser',
  polyfill: '@wxt-dev/webextension-polyfill/browser',
};

/** The kinds of entrypoint whose bundles leave the polyfill out. */
export const NATIVE_ONLY: ReadonlySet<Entrypoint['type']> = new Set(['background', 'popup']);

/** What `wxt/browser` is for a bundle of these entrypoints (WXT builds each group as one bundle). */
export function browserApiFor(group: ReadonlyArray<Pick<Entrypoint, 'type' | 'name'>>): BrowserApi {
  const native = group.filter((entrypoint) => NATIVE_ONLY.has(entrypoint.type));
  if (native.length === 0) return 'polyfill';
  if (native.length === group.length) return 'native';
  const names = (list: typeof group) => list.map((entrypoint) => entrypoint.name).join(', ');
  throw new Error(
    `polyfill-scope: ${names(native)} would share a bundle with ${names(group.filter((e) => !NATIVE_ONLY.has(e.type)))}, ` +
      'which carry webextension-polyfill. Build them apart (the entrypoints:grouped hook in wxt.config.ts).',
  );
}

const WXT_BROWSER = 'wxt/browser';

/**
 * Points `wxt/browser` at `api`'s module in a bundle's Vite config, in place of
 * the alias the polyfill module set. Throws when the config lacks that alias:
 * it would mean the polyfill module is not listed, and `wxt/browser` would be
 * something else.
 */
export function aliasWxtBrowser(config: InlineConfig, api: BrowserApi): void {
  const alias = config.resolve?.alias ?? [];
  const entries = Array.isArray(alias)
    ? [...alias]
    : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
  const index = entries.findIndex(({ find }) => (typeof find === 'string' ? find === WXT_BROWSER : find.test(WXT_BROWSER)));
  if (index === -1 || entries[index]!.replacement !== BROWSER_MODULE.polyfill) {
    throw new Error(
      `polyfill-scope: ${WXT_BROWSER} is not aliased to ${BROWSER_MODULE.polyfill}; list @wxt-dev/webextension-polyfill in wxt.config.ts modules.`,
    );
  }
  entries[index] = { find: WXT_BROWSER, replacement: BROWSER_MODULE[api] };
  config.resolve = { ...config.resolve, alias: entries };
}

export default defineWxtModule({
  name: 'polyfill-scope',
  setup(wxt) {
    // Builds only. The dev server (`wxt`) serves every page from one server and keeps the polyfill module's alias
    // for all of them; that is fine, since only built bundles have size budgets.
    wxt.hooks.hook('vite:build:extendConfig', (entrypoints, config) => {
      aliasWxtBrowser(config, browserApiFor(entrypoints));
    });
  },
});
