import type { InlineConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import type { Entrypoint, EntrypointGroup, Wxt, WxtHooks } from 'wxt';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import polyfillScope, { aliasWxtBrowser, BROWSER_MODULE, browserApiFor } from '@/modules/polyfill-scope';
import config from '@/wxt.config';

/** Just what the module reads of an entrypoint. */
const entry = (name: string, type: Entrypoint['type']) => ({ name, type }) as Entrypoint;

const background = entry('background', 'background');
const popup = entry('popup', 'popup');
const options = entry('options', 'options');
const collection = entry('collection', 'unlisted-page');
const profileWatcher = entry('profile-watcher', 'unlisted-script');

/** What the build's `wxt/browser` alias points at in `config`. */
function wxtBrowserTarget(viteConfig: InlineConfig): unknown {
  const alias = viteConfig.resolve?.alias;
  if (!Array.isArray(alias)) throw new Error('expected the alias as a list');
  return alias.find(({ find }) => (typeof find === 'string' ? find === 'wxt/browser' : find.test('wxt/browser')))?.replacement;
}

describe('which bundles carry webextension-polyfill (modules/polyfill-scope.ts)', () => {
  it('leaves it out of the background and the popup, and in everything else', () => {
    expect(browserApiFor([background])).toBe('native');
    expect(browserApiFor([popup])).toBe('native');
    expect(browserApiFor([options, collection])).toBe('polyfill');
    expect(browserApiFor([profileWatcher])).toBe('polyfill');
  });

  it('stops the build when the popup would share a bundle with a page that carries the polyfill', () => {
    expect(() => browserApiFor([popup, options, collection])).toThrow(/popup would share a bundle with options, collection/);
  });

  it('decides so for the bundles WXT builds with this wxt.config.ts (the popup split from the other pages)', async () => {
    // WXT's grouping (wxt 0.21, core/utils/building/group-entrypoints): every HTML page in one group, each script alone.
    const groups: EntrypointGroup[] = [background, [popup, options, collection], profileWatcher];
    await (config.hooks as Partial<WxtHooks>)['entrypoints:grouped']!({} as Wxt, groups);
    const decided = groups.map((group) => [[group].flat().map((e) => e.name).join('+'), browserApiFor([group].flat())]);
    expect(decided).toEqual([
      ['background', 'native'],
      ['popup', 'native'],
      ['options+collection', 'polyfill'],
      ['profile-watcher', 'polyfill'],
    ]);
  });

  it('in the background’s and the popup’s bundles puts @wxt-dev/browser where the polyfill module put the polyfill', async () => {
    const hooks = new Map<string, (...args: unknown[]) => unknown>();
    const wxt = { hooks: { hook: (name: string, fn: (...args: unknown[]) => unknown) => hooks.set(name, fn) } } as unknown as Wxt;
    await polyfillScope.setup!(wxt, {});
    expect([...hooks.keys()]).toEqual(['vite:build:extendConfig']);

    // As Vite's mergeConfig leaves the aliases of the polyfill module and of WXT: a list.
    const built = (group: Entrypoint[]) => {
      const viteConfig: InlineConfig = {
        resolve: { alias: [{ find: 'wxt/browser', replacement: BROWSER_MODULE.polyfill }, { find: '@', replacement: '/repo' }] },
      };
      hooks.get('vite:build:extendConfig')!(group, viteConfig);
      return viteConfig;
    };
    expect(wxtBrowserTarget(built([background]))).toBe('@wxt-dev/browser');
    expect(wxtBrowserTarget(built([popup]))).toBe('@wxt-dev/browser');
    expect(wxtBrowserTarget(built([options, collection]))).toBe('@wxt-dev/webextension-polyfill/browser');
    expect(wxtBrowserTarget(built([profileWatcher]))).toBe('@wxt-dev/webextension-polyfill/browser');
    // Other aliases stay, and wxt/browser is aliased once.
    expect(built([background]).resolve?.alias).toEqual([
      { find: 'wxt/browser', replacement: '@wxt-dev/browser' },
      { find: '@', replacement: '/repo' },
    ]);
  });

  it('reads the alias as an object too, as a config written by hand has it', () => {
    const asObject: InlineConfig = { resolve: { alias: { 'wxt/browser': BROWSER_MODULE.polyfill, '@': '/repo' } } };
    aliasWxtBrowser(asObject, 'native');
    expect(wxtBrowserTarget(asObject)).toBe('@wxt-dev/browser');
  });

  it('refuses to build when the polyfill module’s alias is missing or points elsewhere', () => {
    expect(() => aliasWxtBrowser({}, 'native')).toThrow(/list @wxt-dev\/webextension-polyfill/);
    expect(() => aliasWxtBrowser({ resolve: { alias: { 'wxt/browser': '/elsewhere' } } }, 'polyfill')).toThrow(/is not aliased/);
    expect(config.modules).toContain('@wxt-dev/webextension-polyfill');
  });

  it('both modules give the browser’s own `browser` where it has one (Firefox; Chrome from 148)', async () => {
    // The unit tests' global `browser` and `chrome` are WXT's fakeBrowser, which has a runtime.id as a real one does.
    const native = (await import(BROWSER_MODULE.native)) as { browser: unknown };
    const polyfill = (await import(BROWSER_MODULE.polyfill)) as { browser: unknown };
    expect(native.browser).toBe(fakeBrowser);
    expect(polyfill.browser).toBe(fakeBrowser);
  });
});
