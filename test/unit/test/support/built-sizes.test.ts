import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pageFiles } from '@/test/support/built-sizes';

/** What a page loads to open, and what it loads later: the split the popup's size budgets rest on. */
describe('pageFiles', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const build = (files: Record<string, string>) => {
    dir = mkdtempSync(join(tmpdir(), 'built-sizes-'));
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(dir, name), text);
    }
  };

  it('counts the HTML’s scripts and their static imports as loaded at open, dynamic imports and theirs as lazy', () => {
    build({
      'popup.html': '<script type="module" src="/entry.js"></script><link rel="stylesheet" href="/style.css">',
      'entry.js': 'import{a as b}from"./shared.js";import"./side.js";const m=()=>import(`./menu.js`);',
      'shared.js': 'export const a=1;',
      'side.js': 'console.log(1);',
      'menu.js': 'import{a}from"./entry.js";import{x}from"./menu-dep.js";const more=()=>import("./deeper.js");',
      'menu-dep.js': 'export const x=1;',
      'deeper.js': 'import{a}from"./shared.js";',
      'style.css': 'body{}',
    });
    const files = pageFiles(dir, 'popup.html');
    expect(files.scripts.sort()).toEqual(['entry.js', 'shared.js', 'side.js']);
    expect(files.styles).toEqual(['style.css']);
    expect(files.lazyScripts.sort()).toEqual(['deeper.js', 'menu-dep.js', 'menu.js']);
  });

  it('counts a chunk imported both statically and dynamically as loaded at open', () => {
    build({
      'popup.html': '<script type="module" src="/entry.js"></script>',
      'entry.js': 'import"./both.js";const m=()=>import("./both.js");',
      'both.js': '',
    });
    const files = pageFiles(dir, 'popup.html');
    expect(files.scripts.sort()).toEqual(['both.js', 'entry.js']);
    expect(files.lazyScripts).toEqual([]);
  });
});
