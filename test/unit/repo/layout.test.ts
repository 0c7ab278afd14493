/**
 * The layout rules of CONTRIBUTING.md ("Layout rules"), checked on the files
 * git knows: a reader finds things because every folder stays small, every
 * name is unique and `components/` holds only what pages share.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const MAX_CODE_FILES_PER_FOLDER = 12;
const MAX_LINES = 300;
const MAX_README_LINES = 250;
/** Each page has these; the folder says which page a file belongs to. */
const PAGE_FILE_NAMES = new Set(['index', 'main', 'App', 'state']);
const PRODUCT_FOLDERS = /^(entrypoints|components|utils)\//;
const CODE_FILE = /\.(ts|tsx)$/;
const TEST_FILE = /\.test(-d)?\.tsx?$/;

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((file) => file !== '');
}

/** Folders holding more code files than a reader can scan. */
export function crowdedFolders(files: string[]): string[] {
  const counts = new Map<string, number>();
  for (const file of files) {
    if (!PRODUCT_FOLDERS.test(file) || !CODE_FILE.test(file) || TEST_FILE.test(file)) continue;
    counts.set(dirname(file), (counts.get(dirname(file)) ?? 0) + 1);
  }
  return [...counts].filter(([, count]) => count > MAX_CODE_FILES_PER_FOLDER).map(([folder, count]) => `${folder} (${count})`);
}

/** Product file names used more than once (a page's own index/main/App/state aside). */
export function clashingNames(files: string[]): string[] {
  const byName = new Map<string, string[]>();
  for (const file of files) {
    if (!/^(entrypoints|components|utils|modules)\//.test(file) || TEST_FILE.test(file)) continue;
    const name = basename(file);
    if (PAGE_FILE_NAMES.has(name.replace(/\.[^.]+$/, ''))) continue;
    byName.set(name, [...(byName.get(name) ?? []), file]);
  }
  return [...byName.values()].filter((paths) => paths.length > 1).map((paths) => paths.join(' and '));
}

/** The entrypoint folder a file belongs to (`entrypoints/popup/list/Row.tsx` → `popup`), if any. */
function entrypointOf(file: string): string | null {
  return /^entrypoints\/([^/.]+)/.exec(file)?.[1] ?? null;
}

/**
 * Files in `components/` that fewer than two entrypoints import, directly or
 * through other shared components: those belong to the one page that uses them.
 */
export function unsharedComponents(files: string[], read: (file: string) => string): string[] {
  const sources = files.filter((file) => CODE_FILE.test(file) && /^(entrypoints|components)\//.test(file) && !TEST_FILE.test(file));
  const shared = sources.filter((file) => file.startsWith('components/'));
  const importers = (target: string) => {
    const stem = target.replace(CODE_FILE, '');
    const specifier = new RegExp(`['"](@/${stem}|[./]*${basename(stem)})['"]`);
    return sources.filter((file) => file !== target && specifier.test(read(file)));
  };
  const pagesOf = (target: string, seen = new Set<string>()): Set<string> => {
    const pages = new Set<string>();
    if (seen.has(target)) return pages;
    seen.add(target);
    for (const importer of importers(target)) {
      const page = entrypointOf(importer);
      if (page) pages.add(page);
      else for (const indirect of pagesOf(importer, seen)) pages.add(indirect);
    }
    return pages;
  };
  return shared.filter((file) => pagesOf(file).size < 2);
}

export function longFiles(files: string[], read: (file: string) => string): string[] {
  return files
    .filter((file) => CODE_FILE.test(file) && !file.startsWith('test/'))
    .map((file) => ({ file, lines: read(file).split('\n').length - 1 }))
    .filter(({ lines }) => lines > MAX_LINES)
    .map(({ file, lines }) => `${file} (${lines})`);
}

const readRepoFile = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('the layout rules hold in the repository', () => {
  const files = trackedFiles().filter((file) => !file.startsWith('node_modules/'));

  it(`no folder of entrypoints/, components/ or utils/ holds more than ${MAX_CODE_FILES_PER_FOLDER} code files`, () => {
    expect(crowdedFolders(files)).toEqual([]);
  });

  it('no two product files share a name', () => {
    expect(clashingNames(files)).toEqual([]);
  });

  it('components/ holds only what two or more pages use', () => {
    expect(unsharedComponents(files, readRepoFile)).toEqual([]);
  });

  it(`no TypeScript file outside test/ is over ${MAX_LINES} lines`, () => {
    expect(longFiles(files, readRepoFile)).toEqual([]);
  });

  it(`the README is at most ${MAX_README_LINES} lines`, () => {
    expect(readRepoFile('README.md').split('\n').length - 1).toBeLessThanOrEqual(MAX_README_LINES);
  });
});

describe('the checks see what they are for', () => {
  it('a thirteenth code file crowds a folder; tests and style sheets do not count', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => `utils/x/m${i}.ts`);
    expect(crowdedFolders([...twelve, 'utils/x/a.test.ts', 'utils/x/s.css'])).toEqual([]);
    expect(crowdedFolders([...twelve, 'utils/x/m12.tsx'])).toEqual(['utils/x (13)']);
  });

  it('a name used twice clashes, a page file of two pages does not', () => {
    expect(clashingNames(['entrypoints/popup/App.tsx', 'entrypoints/options/App.tsx', 'entrypoints/popup/state.ts', 'entrypoints/collection/state.ts'])).toEqual([]);
    expect(clashingNames(['entrypoints/popup/i18n.ts', 'utils/i18n.ts', 'utils/other.ts'])).toEqual([
      'entrypoints/popup/i18n.ts and utils/i18n.ts',
    ]);
    expect(clashingNames(['entrypoints/popup/popup.css', 'entrypoints/options/style.css', 'entrypoints/collection/style.css'])).toEqual([
      'entrypoints/options/style.css and entrypoints/collection/style.css',
    ]);
  });

  it('a component one page imports is not shared; two pages, directly or through another component, are', () => {
    const sources: Record<string, string> = {
      'components/Only.tsx': '',
      'components/Both.tsx': '',
      'components/Deep.tsx': '',
      'components/Wrapper.tsx': "import { Deep } from './Deep';",
      'entrypoints/popup/App.tsx': "import { Only } from '@/components/Only'; import { Both } from '@/components/Both'; import { W } from '@/components/Wrapper';",
      'entrypoints/options/App.tsx': "import { Both } from '@/components/Both'; import { W } from '@/components/Wrapper';",
    };
    expect(unsharedComponents(Object.keys(sources), (file) => sources[file]!)).toEqual(['components/Only.tsx']);
  });

  it('a 301-line product file is too long; a test file is not counted', () => {
    const lines = (n: number) => 'x\n'.repeat(n);
    const sources: Record<string, string> = { 'utils/a.ts': lines(301), 'utils/b.ts': lines(300), 'test/unit/c.test.ts': lines(900) };
    expect(longFiles(Object.keys(sources), (file) => sources[file]!)).toEqual(['utils/a.ts (301)']);
  });
});
