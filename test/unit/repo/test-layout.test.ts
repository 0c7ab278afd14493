import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '@/test/unit/helpers/repo-files';

/**
 * Where a unit test lives: at the path of the module it tests, mirrored under
 * test/unit/ (utils/profile-url.ts → test/unit/utils/profile-url.test.ts, a
 * property test beside it as profile-url.property.test.ts). Checks of the
 * repository as a whole go in test/unit/repo/, what tests share in
 * test/unit/helpers/. A module moved or renamed without its test fails here.
 */

const TEST_FILE = /^(?<module>.+?)(?:\.property)?\.test\.tsx?$/;
const MODULE_EXTENSIONS = ['.ts', '.tsx'];

/**
 * What is out of place among `files` (paths under test/unit/, with `/`):
 * a test that mirrors no module, a test among the helpers, anything but a test
 * in repo/, a helper outside helpers/. `exists` says whether a repository path exists.
 */
function misplaced(files: readonly string[], exists: (path: string) => boolean): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const [top] = file.split('/');
    const test = TEST_FILE.exec(file);
    if (top === 'repo') {
      if (!test) problems.push(`${file}: repo/ holds only tests`);
    } else if (top === 'helpers') {
      if (test) problems.push(`${file}: a test among the helpers; it goes where its module's path says`);
    } else if (!test) {
      problems.push(`${file}: not a test; what tests share goes in helpers/`);
    } else if (!MODULE_EXTENSIONS.some((extension) => exists(`${test.groups!.module}${extension}`))) {
      problems.push(`${file}: no module ${test.groups!.module}.ts(x); a test sits at its module's path`);
    }
  }
  return problems;
}

describe('where unit tests live', () => {
  it('every test mirrors an existing module, repo/ holds checks, helpers/ the rest', () => {
    const root = repoPath('test/unit');
    const files = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
    expect(files.length).toBeGreaterThan(50);
    expect(misplaced(files, (path) => existsSync(repoPath(path)))).toEqual([]);
  });

  it('finds a test left behind by a moved module, a stray helper and a test among the helpers', () => {
    const modules = new Set(['utils/profile-url.ts', 'entrypoints/popup/list/HighlightList.tsx', 'test/support/png.ts']);
    const exists = (path: string) => modules.has(path);
    expect(
      misplaced(
        [
          'utils/profile-url.test.ts',
          'utils/profile-url.property.test.ts',
          'entrypoints/popup/list/HighlightList.test.tsx',
          'test/support/png.test.ts',
          'repo/lint-rules.test.ts',
          'helpers/handles.ts',
        ],
        exists,
      ),
    ).toEqual([]);
    expect(
      misplaced(['utils/highlight-links.test.ts', 'utils/fixtures.ts', 'helpers/handles.test.ts', 'repo/notes.md', 'policies.test.ts'], exists),
    ).toEqual([
      'utils/highlight-links.test.ts: no module utils/highlight-links.ts(x); a test sits at its module\'s path',
      'utils/fixtures.ts: not a test; what tests share goes in helpers/',
      "helpers/handles.test.ts: a test among the helpers; it goes where its module's path says",
      'repo/notes.md: repo/ holds only tests',
      "policies.test.ts: no module policies.ts(x); a test sits at its module's path",
    ]);
  });
});
