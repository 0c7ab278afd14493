import { describe, expect, it } from 'vitest';
import { readRepoFile } from '@/test/unit/helpers/repo-files';

/**
 * The pages turn right to left for Arabic, Hebrew and the like (utils/i18n.ts
 * pageDirection): their style sheets must then mirror, which they do only
 * when every side they name is a logical one or is mirrored on purpose.
 */

describe('the style sheets follow the page direction', () => {
  const sheets = ['entrypoints/popup/popup.css', 'entrypoints/options/options.css', 'entrypoints/collection/collection.css', 'assets/theme.css', 'assets/page.css'].map((path) => ({
    path,
    css: readRepoFile(path).replace(/\/\*[\s\S]*?\*\//g, ''),
  }));

  it.each(sheets)('$path: no one-sided margin, padding, border or float', ({ css }) => {
    expect(css).not.toMatch(/\b(margin|padding|border)-(left|right)\b|\bfloat\s*:\s*(left|right)/);
  });

  it.each(sheets)('$path: left and right only where a right-to-left rule mirrors them, or to centre', ({ css }) => {
    const sided = [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].filter(([, , body]) => /\b(left|right)\b/.test(body!));
    for (const [, selector, body] of sided) {
      const centred = /left:\s*50%/.test(body!) && /translateX\(-50%\)/.test(body!);
      const mirrored = new RegExp(`html\\[dir='rtl'\\]\\s*${selector!.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\{`).test(css);
      expect(centred || mirrored || selector!.includes("[dir='rtl']"), selector!.trim()).toBe(true);
    }
  });
});
