import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { zip } from 'wxt';
import { REPO_ROOT as ROOT } from '@/test/support/build';

/**
 * `npm run zip:firefox` makes the package for addons.mozilla.org and the
 * sources zip its reviewers rebuild it from. This test runs the same zip
 * (into .test-tmp/, so the builds other tests read stay untouched) and checks
 * the sources zip against the repository. WXT's zip always builds first: this
 * test makes a Firefox build of its own, which is why it is a build test.
 */

const OUT = join(ROOT, '.test-tmp', `zip-${process.pid}`);

/** The names in a zip file, read from its central directory. */
function zipEntries(file: string): Map<string, () => Buffer> {
  const zipBytes = readFileSync(file);
  const end = zipBytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error(`${file} is not a zip`);
  const count = zipBytes.readUInt16LE(end + 10);
  let at = zipBytes.readUInt32LE(end + 16);
  const entries = new Map<string, () => Buffer>();
  for (let i = 0; i < count; i++) {
    if (zipBytes.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = zipBytes.readUInt16LE(at + 10);
    const compressedSize = zipBytes.readUInt32LE(at + 20);
    const nameLength = zipBytes.readUInt16LE(at + 28);
    const extraLength = zipBytes.readUInt16LE(at + 30);
    const commentLength = zipBytes.readUInt16LE(at + 32);
    const localHeader = zipBytes.readUInt32LE(at + 42);
    const name = zipBytes.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, () => {
      const dataStart = localHeader + 30 + zipBytes.readUInt16LE(localHeader + 26) + zipBytes.readUInt16LE(localHeader + 28);
      const data = zipBytes.subarray(dataStart, dataStart + compressedSize);
      return method === 0 ? data : inflateRawSync(data);
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The repository's files (tracked, or new and not ignored), as the sources zip names them; null outside a git work tree. */
function repositoryFiles(): string[] | null {
  try {
    const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return listed.split('\0').filter((file) => file && existsSync(join(ROOT, file)));
  } catch {
    return null;
  }
}

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe('npm run zip:firefox', () => {
  it('packs the extension, and the sources a reviewer needs to rebuild it — tests in, screenshots out', async (context) => {
    const repository = repositoryFiles();
    // Unpacked from the sources zip itself there is no repository to compare with.
    if (!repository) context.skip('not a git work tree: nothing to compare the sources zip with');
    const warnings: string[] = [];
    const quiet = () => {};
    const record = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    const logger = { debug: quiet, log: quiet, info: quiet, success: quiet, warn: record, error: record, fatal: record, level: 3 };
    const zips = await zip({ root: ROOT, browser: 'firefox', outDir: OUT, logger });
    // WXT warns about a manifest it finds lacking (data_collection_permissions once did): none.
    expect(warnings).toEqual([]);
    const extension = zips.find((file) => file.endsWith('-firefox.zip'));
    const sources = zips.find((file) => file.endsWith('-sources.zip'));
    expect(extension && sources, zips.join(', ')).toBeTruthy();

    const packed = zipEntries(extension!);
    expect(packed.has('manifest.json')).toBe(true);
    expect(packed.has('icons/16.png')).toBe(true);

    const names = [...zipEntries(sources!).keys()].sort();
    // Everything tracked, except what a rebuild does not need: the screenshots, the store's images and dotfiles.
    const expected = repository!
      .filter((file) => !file.startsWith('docs/screenshots/') && !file.startsWith('docs/store/images/') && !/(^|\/)\./.test(file))
      .sort();
    expect(names).toEqual(expected);
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'modules/render-icons.ts', 'assets/icon.svg', 'test/build/manifest.test.ts', 'test/unit/utils/profile-url.test.ts', 'LICENSE', 'PRIVACY.md', 'docs/store/listing.en.md']) {
      expect(names, needed).toContain(needed);
    }
    expect(names.filter((name) => /\.(png|zip)$|^\.output\/|^node_modules\/|^\.test-tmp\/|^\.demo\//.test(name))).toEqual([]);
  });
});
