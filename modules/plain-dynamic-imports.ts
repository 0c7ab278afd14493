/**
 * Build step (Node): a dynamic `import()` in an extension page stays a plain
 * `import()`. Vite wraps each in its preload helper, which preloads the chunks
 * a lazy chunk imports and loads its style sheets; in the popup that helper
 * costs 0.7 kB (gzip) of what it loads to open, to preload chunks that are
 * loaded already, from the extension's own files. Our lazy chunks have no
 * style sheets of their own (entrypoints/popup/on-demand/adopt-style.ts); the build fails if
 * one ever has, rather than ship a part without its style.
 */
import { addViteConfig, defineWxtModule } from 'wxt/modules';
import type { Plugin } from 'vite';

/** The module Vite's import analysis adds for the helper (vite/dist/node, buildImportAnalysisPlugin). */
export const PRELOAD_HELPER_ID = '\0vite/preload-helper.js';

/** The helper without preloading: what `import()` does. Vite passes `__vite__mapDeps([…])` as the deps when there are any. */
export const PLAIN_PRELOAD_HELPER = 'export const __vitePreload = (load) => load();';

export function plainDynamicImportsPlugin(): Plugin {
  return {
    name: 'highlight-lookup:plain-dynamic-imports',
    enforce: 'pre',
    config: () => ({ build: { modulePreload: false } }),
    load(id) {
      return id === PRELOAD_HELPER_ID ? PLAIN_PRELOAD_HELPER : null;
    },
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk' && file.code.includes('__vite__mapDeps')) {
          this.error(`${file.fileName} loads a chunk that has a style sheet of its own; import its style ?inline instead (entrypoints/popup/on-demand/adopt-style.ts)`);
        }
      }
    },
  };
}

export default defineWxtModule({
  name: 'plain-dynamic-imports',
  setup(wxt) {
    addViteConfig(wxt, () => ({ plugins: [plainDynamicImportsPlugin()] }));
  },
});
