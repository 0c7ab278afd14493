import { describe, expect, it } from 'vitest';
import { BADGE_COLOUR } from '@/entrypoints/background/tabs/tab-state';
import { readRepoFile } from '@/test/unit/helpers/repo-files';

const theme = readRepoFile('assets/theme.css');
const sharedPageCss = readRepoFile('assets/page.css');
const pageStyles = ['popup', 'options', 'collection'].map((page) => ({
  page,
  css: readRepoFile(`entrypoints/${page}/${page}.css`),
}));

/** The value of a custom property in the theme's first (light) :root block. */
function lightToken(name: string): string | undefined {
  const root = /:root\s*{([^}]*)}/.exec(theme)?.[1] ?? '';
  return new RegExp(`${name}:\\s*([^;]+);`).exec(root)?.[1]?.trim();
}

describe('the theme is defined once', () => {
  it('the toolbar badge uses the accent colour', () => {
    expect(lightToken('--accent')).toBe(BADGE_COLOUR);
  });

  it('assets/page.css, what the full pages share, imports the theme', () => {
    expect(sharedPageCss).toMatch(/^@import '.\/theme.css';/m);
  });

  it.each([...pageStyles, { page: 'assets/page.css', css: sharedPageCss }])('$page imports the theme and defines no colour of its own', ({ page, css }) => {
    if (page === 'popup') expect(css).toMatch(/^@import '..\/..\/assets\/theme.css';/);
    else if (page !== 'assets/page.css') expect(css).toMatch(/^@import '..\/..\/assets\/page.css';/);
    // Colours come from tokens; a page may only use them (or white/black on a toast).
    const hexColours = css.match(/#[0-9a-f]{3,8}\b/gi) ?? [];
    expect(hexColours.filter((c) => !/^#(fff|ffffff|10131a)$/i.test(c))).toEqual([]);
    expect(css).not.toMatch(/--(bg|fg|accent|danger|success|warning|border|focus)[\w-]*\s*:/);
  });
});
