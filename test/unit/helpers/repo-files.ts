/**
 * The repository's own files, for tests that read them (style sheets, the
 * catalogs, the store listings): paths from the repository's root, so that
 * where a test file sits in test/unit/ does not change what it reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@/test/support/build';

export { REPO_ROOT };

/** The absolute path of `path`, given from the repository's root. */
export function repoPath(path: string): string {
  return join(REPO_ROOT, path);
}

/** A repository file's text (UTF-8). */
export function readRepoFile(path: string): string {
  return readFileSync(repoPath(path), 'utf8');
}
