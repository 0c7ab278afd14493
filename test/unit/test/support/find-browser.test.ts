import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserFinder } from '@/test/support/find-browser';

const dir = mkdtempSync(join(tmpdir(), 'hl-find-browser-'));
const executable = join(dir, 'browser');
writeFileSync(executable, '#!/bin/sh\n');
chmodSync(executable, 0o755);
const plainFile = join(dir, 'not-executable');
writeFileSync(plainFile, '');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const finder = browserFinder({
  name: 'Testium',
  envVar: 'TESTIUM_PATH',
  knownPaths: [join(dir, 'missing'), plainFile, executable],
  debianPackage: 'testium',
  elsewhere: 'from its website',
});

describe('browserFinder', () => {
  it('takes the first executable of the known places', () => {
    expect(finder.find({})).toBe(executable);
  });

  it('takes only the variable when it is set, and says so when it is not an executable', () => {
    expect(finder.find({ TESTIUM_PATH: executable })).toBe(executable);
    expect(() => finder.find({ TESTIUM_PATH: plainFile })).toThrow(
      [
        'No Testium found. Tried:',
        `  - TESTIUM_PATH=${plainFile} (not an executable file)`,
        'Install one (Debian/Ubuntu: `sudo apt-get install -y testium`; from its website) or set TESTIUM_PATH to its binary.',
      ].join('\n'),
    );
  });

  it('does not install when told not to, and names every place it tried', () => {
    const none = browserFinder({ name: 'Nonium', envVar: 'NONIUM_PATH', knownPaths: [join(dir, 'a'), join(dir, 'b')], debianPackage: 'nonium', elsewhere: '-' });
    const log: string[] = [];
    expect(() => none.ensure({ install: false, env: {}, log: (line) => log.push(line) })).toThrow(`  - ${join(dir, 'a')}\n  - ${join(dir, 'b')}`);
    expect(log).toEqual([]);
  });
});
