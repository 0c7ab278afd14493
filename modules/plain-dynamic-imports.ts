/**
 * Build step (Node): keeps every dynamic `import()` in an extension page a
 * plain `import()`. Vite would wrap each one in its preload helper, which
 * preloads the chunks that a lazy chunk imports and loads the lazy chunk's
 * style sheets. In the popup that helper adds 0.7 kB (gzip) to what it loads
 * to open, only to preload chunks that are already loaded, from the
 * extension's own files. Our lazy chunks have no style sheets of their own
 * (entrypoints/popup/on-demand/adopt-style.ts); if one ever has, the build
 * fails rather than ship a part without its style.
 */
import { addViteConfig, defineWxtModule } from 'wxt/modules';
import type { Plugin } from 'vite';

/** The module Vite's import analysis adds for the helper (vite/dist/node, buildImportAnalysisPlugin). */
export const PRELOAD_HELPER_ID = '\0vite/preload-helper.js';

/**
 * The helper without preloading: it only calls `import()`. When a chunk has
 * dependencies, Vite passes `__vite__mapDeps([…])` as the second argument;
 * generateBundle below stops the build then.
 */
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
