/**
 * Build step (Node): which bundles carry webextension-polyfill. Every product
 * file reaches the extension API one way, `import { browser } from
 * 'wxt/browser'`; this module decides, per bundle, what that import is.
 *
 * - The background (with WXT's own background wrapper, which imports
 *   `wxt/browser` too) and the popup get `@wxt-dev/browser`, the browser's own
 *   namespace: what `wxt/browser` is without the polyfill. Their gzip budgets
 *   (test/unit/manifest.test.ts) cannot carry the polyfill's 2.7 kB.
 * - Every other bundle (the options page, the collection page, the content
 *   script) gets the polyfill, which fits their budgets.
 *
 * Both give the same object at run time: the polyfill hands back the browser's
 * own `browser` wherever one exists, which is so in Firefox and in Chrome from
 * 148 on (the manifest's minimum_chrome_version).
 *
 * This replaces WXT's @wxt-dev/webextension-polyfill module, which aliases
 * `wxt/browser` to the polyfill for every bundle alike; that module is not
 * listed in wxt.config.ts, and the build stops if anything else aliases
 * `wxt/browser`, so the choice is made here only. WXT builds the popup in a
 * bundle of its own (the `entrypoints:grouped` hook in wxt.config.ts); a
 * bundle that mixed the popup with another page would have to carry the
 * polyfill for one or lose it for the other, so the build stops then too.
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

/** Points `wxt/browser` at `api`'s module in a Vite config; refuses a config that already aliases it. */
export function aliasWxtBrowser(config: InlineConfig, api: BrowserApi): void {
  config.resolve ??= {};
  const alias = config.resolve.alias ?? [];
  const entries = Array.isArray(alias)
    ? [...alias]
    : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
  // Vite takes a string `find` as an id or a prefix of one (`wxt/browser/…`).
  const taken = entries.some(({ find }) =>
    typeof find === 'string' ? WXT_BROWSER === find || WXT_BROWSER.startsWith(`${find}/`) : find.test(WXT_BROWSER),
  );
  if (taken) {
    throw new Error(
      `polyfill-scope: something else already aliases ${WXT_BROWSER} (is @wxt-dev/webextension-polyfill listed in wxt.config.ts modules?). ` +
        'modules/polyfill-scope.ts alone decides what it is.',
    );
  }
  config.resolve.alias = [{ find: /^wxt\/browser$/, replacement: BROWSER_MODULE[api] }, ...entries];
}

export default defineWxtModule({
  name: 'polyfill-scope',
  setup(wxt) {
    wxt.hooks.hook('vite:build:extendConfig', (entrypoints, config) => {
      aliasWxtBrowser(config, browserApiFor(entrypoints));
    });
    // `wxt` (dev) serves every page from one server: they all get the
    // polyfill, which changes nothing at run time; only built bundles are measured.
    wxt.hooks.hook('vite:devServer:extendConfig', (config) => {
      aliasWxtBrowser(config, 'polyfill');
    });
  },
});
