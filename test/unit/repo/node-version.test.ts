import { describe, expect, it } from 'vitest';
import { readRepoFile } from '@/test/unit/helpers/repo-files';

/** The Node.js version is promised in package.json, the README, CONTRIBUTING and the reviewers' notes: one number. */

const engines = (JSON.parse(readRepoFile('package.json')) as { engines: { node: string } }).engines.node;

describe('the Node.js version', () => {
  const minimum = /^>=(\d+\.\d+)$/.exec(engines)?.[1];

  it('is one minimum in package.json engines, as .ci/run reads it', () => {
    // .ci/run refuses an older Node by this form, ">=MAJOR.MINOR"; a range or a bare major it cannot read.
    expect(engines).toMatch(/^>=\d+\.\d+$/);
  });

  it.each(['README.md', 'CONTRIBUTING.md', 'docs/store/listing.en.md', 'docs/store/listing.pt_BR.md', 'docs/store/listing.es.md'])(
    '%s names the same minimum',
    (file) => {
      const named = [...readRepoFile(file).matchAll(/Node\.js (\d+\.\d+)/g)].map((m) => m[1]);
      expect(named.length).toBeGreaterThan(0);
      expect(new Set(named)).toEqual(new Set([minimum]));
    },
  );

  it('is met by the Node.js running the tests', () => {
    const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
    const [wantMajor, wantMinor] = minimum!.split('.').map(Number) as [number, number];
    expect(major > wantMajor || (major === wantMajor && minor >= wantMinor), `${process.version} < ${minimum}`).toBe(true);
  });
});
