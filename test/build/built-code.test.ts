import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionDir } from '@/test/support/build';

/**
 * The built extension runs no code made from strings and sets no HTML from
 * strings: the vendor patches (modules/vendor-hardening.ts) take zod's and
 * Preact's out, and this reads every script of both builds for any left.
 */

/** Calls of the Function constructor, and aliases of it (`const F = Function`, `=Function,`). */
const FUNCTION_CONSTRUCTOR = /new\s+Function\b|(?<![\w$.])Function\s*\(|(?<![=!<>])=\s*Function\s*[;,)]/;
/** An assignment (not a comparison) to innerHTML or outerHTML. */
const HTML_ASSIGNMENT = /\.(?:inner|outer)HTML\s*=(?!=)/;

/** Every .js file of a build, relative to its folder. */
function scripts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
}

describe.each([
  ['Chrome', 'chrome', 'npx wxt build'],
  ['Firefox', 'firefox', 'npx wxt build -b firefox'],
] as const)('the %s build', (_browser, browser, command) => {
  const dir = extensionDir(browser);

  it('builds no code from strings and sets no HTML from strings', () => {
    if (!existsSync(join(dir, 'manifest.json'))) {
      throw new Error(`${dir} is missing: build it first with \`${command}\` (npm run test:build does this).`);
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
