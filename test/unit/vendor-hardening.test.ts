import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyPatch, patchFor, VENDOR_PATCHES, type VendorPatch } from '@/modules/vendor-hardening';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Calls of the Function constructor, and aliases of it (`const F = Function`, `=Function,`). */
const FUNCTION_CONSTRUCTOR = /new\s+Function\b|(?<![\w$.])Function\s*\(|(?<![=!<>])=\s*Function\s*[;,)]/;
/** An assignment (not a comparison) to innerHTML or outerHTML. */
const HTML_ASSIGNMENT = /\.(?:inner|outer)HTML\s*=(?!=)/;
/** The same in the unminified vendor files, whose comments also mention `new Function`. */
const VENDOR_CODE_FROM_STRINGS = /new F\(|\.innerHTML\s*=(?!=)/;

describe('the vendor patches', () => {
  it.each(VENDOR_PATCHES.map((patch) => [patch.name, patch] as const))(
    'find their text exactly once in the installed %s and take it out',
    (_name, patch) => {
      const path = join(ROOT, patch.file);
      const original = readFileSync(path, 'utf8');
      const patched = applyPatch(original, patch);
      expect(patched).not.toBe(original);
      expect(patched).not.toMatch(new RegExp(patch.find.source));
      // What each removes, as the pinned versions write it: zod's `const F = Function; new F(…)`, Preact's innerHTML.
      expect(original).toMatch(VENDOR_CODE_FROM_STRINGS);
      expect(patched).not.toMatch(VENDOR_CODE_FROM_STRINGS);
    },
  );

  it('refuse to build when their text is missing or appears twice', () => {
    const patch: VendorPatch = { name: 'probe', file: '/node_modules/x/y.js', find: /danger\(\)/g, replace: 'safe()' };
    expect(applyPatch('a; danger(); b', patch)).toBe('a; safe(); b');
    expect(() => applyPatch('a; b', patch)).toThrow(/expected probe once in \/node_modules\/x\/y\.js, found it 0 times/);
    expect(() => applyPatch('danger(); danger()', patch)).toThrow(/found it 2 times/);
  });

  it('apply to their own file only, whatever the path style or query', () => {
    const [zodUtil] = VENDOR_PATCHES;
    expect(patchFor('/repo/node_modules/zod/v4/core/util.js')).toBe(zodUtil);
    expect(patchFor('C:\\repo\\node_modules\\zod\\v4\\core\\util.js?v=1')).toBe(zodUtil);
    expect(patchFor('/repo/node_modules/zod/v4/core/util.d.ts')).toBeUndefined();
    expect(patchFor('/repo/utils/util.js')).toBeUndefined();
    expect(patchFor('/repo/node_modules/preact/dist/preact.mjs')?.name).toMatch(/dangerouslySetInnerHTML/);
  });
});

/** Every .js file of a build, relative to its folder. */
function scripts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
}

describe.each([
  ['Chrome', '.output/chrome-mv3', 'npx wxt build'],
  ['Firefox', '.output/firefox-mv3', 'npx wxt build -b firefox'],
])('the %s build', (_browser, folder, command) => {
  const dir = join(ROOT, folder);

  it('builds no code from strings and sets no HTML from strings', () => {
    if (!existsSync(join(dir, 'manifest.json'))) {
      throw new Error(`${folder} is missing: build it first with \`${command}\` (npm test does this).`);
    }
    const files = scripts(dir);
    expect(files).toContain('background.js');
    for (const file of files) {
      const code = readFileSync(join(dir, file), 'utf8');
      expect(code, file).not.toMatch(FUNCTION_CONSTRUCTOR);
      expect(code, file).not.toMatch(HTML_ASSIGNMENT);
    }
  });
});
