import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPatch, patchFor, VENDOR_PATCHES, type VendorPatch } from '@/modules/vendor-hardening';
import { REPO_ROOT as ROOT } from '@/test/unit/helpers/repo-files';

/** Code made from strings as the unminified vendor files write it (zod's `new F(`, Preact's innerHTML); their comments also mention `new Function`. */
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
