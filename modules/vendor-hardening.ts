/**
 * Build step (Node): removes from third-party code the code paths that turn
 * strings into code or HTML. This extension never uses them, and the stores'
 * linters report them (web-ext lint: DANGEROUS_EVAL, UNSAFE_VAR_ASSIGNMENT).
 *
 * - zod: the `new Function('')` probe (`allowsEval`) and the parser compiler
 *   (`Doc.compile`). entrypoints/background/zod-jitless.ts switches zod to `jitless`,
 *   which already keeps both from running; here they become plain code that
 *   cannot build a function from a string, so the bundle holds no such call.
 * - Preact: the assignment to `innerHTML` that renders `dangerouslySetInnerHTML`.
 *   Our code never passes that prop (the ESLint config forbids it); if anything
 *   ever did, rendering throws instead of parsing HTML.
 *
 * Each patch names the exact file and text of the pinned version
 * (package.json pins zod and preact exactly). If an upgrade changes the text,
 * the build fails here and says which patch to revisit; it never silently
 * ships the unpatched code.
 */
import { addViteConfig, defineWxtModule } from 'wxt/modules';
import type { Plugin } from 'vite';

export interface VendorPatch {
  /** What the patch removes, for error messages. */
  name: string;
  /** The file, as the end of its resolved path. */
  file: string;
  /** The text to replace; it must occur exactly once in the file. */
  find: RegExp;
  replace: string;
}

const refusal = (what: string) =>
  `(()=>{throw new Error(${JSON.stringify(`${what} is removed from this build (modules/vendor-hardening.ts)`)})})()`;

export const VENDOR_PATCHES: readonly VendorPatch[] = [
  {
    name: "zod's eval probe (allowsEval)",
    file: '/node_modules/zod/v4/core/util.js',
    find: /try\s*\{\s*const F = Function;\s*new F\(""\);\s*return true;\s*\}\s*catch\s*\(_\)\s*\{\s*return false;\s*\}/g,
    replace: 'return false;',
  },
  {
    name: "zod's parser compiler (Doc.compile)",
    file: '/node_modules/zod/v4/core/doc.js',
    find: /compile\(\)\s*\{\s*const F = Function;[\s\S]*?return factory\(\.\.\.Object\.values\(this\.closed\)\);\s*\}/g,
    replace: `compile() { return ${refusal("zod's parser compiler")}; }`,
  },
  {
    name: "Preact's dangerouslySetInnerHTML (innerHTML assignment)",
    file: '/node_modules/preact/dist/preact.mjs',
    find: /\(([\w$]+)\.innerHTML=([\w$]+)\.__html\)/g,
    replace: refusal('dangerouslySetInnerHTML'),
  },
];

/** The patch for a module id (a resolved path, possibly with a `?query`), if any. */
export function patchFor(id: string, patches: readonly VendorPatch[] = VENDOR_PATCHES): VendorPatch | undefined {
  const path = id.split('?', 1)[0]!.replaceAll('\\', '/');
  return patches.find((patch) => path.endsWith(patch.file));
}

/** Applies `patch` to `code`; throws unless its text occurs exactly once. */
export function applyPatch(code: string, patch: VendorPatch): string {
  const found = code.match(patch.find)?.length ?? 0;
  if (found !== 1) {
    throw new Error(
      `vendor-hardening: expected ${patch.name} once in ${patch.file}, found it ${found} times. ` +
        'A dependency changed: check what the patch removes still exists, and update modules/vendor-hardening.ts.',
    );
  }
  return code.replace(patch.find, patch.replace);
}

export function vendorHardeningPlugin(patches: readonly VendorPatch[] = VENDOR_PATCHES): Plugin {
  return {
    name: 'highlight-lookup:vendor-hardening',
    enforce: 'pre',
    transform(code, id) {
      const patch = patchFor(id, patches);
      return patch ? { code: applyPatch(code, patch), map: null } : null;
    },
  };
}

export default defineWxtModule({
  name: 'vendor-hardening',
  setup(wxt) {
    // Applies to every build and to the dev server, for every entrypoint group.
    addViteConfig(wxt, () => ({ plugins: [vendorHardeningPlugin()] }));
  },
});
