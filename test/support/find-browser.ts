/**
 * Finding (and, where we may, installing) a browser the tests, `npm run demo`
 * and `npm run bench` drive: the known places, an environment variable that
 * overrides them, and Debian's package when we are root on a Debian machine
 * (what CI is). chromium.ts and firefox.ts say which browser lives where.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

export interface BrowserKind {
  /** "Chromium", "Firefox": for messages. */
  name: string;
  /** The variable that names a binary and overrides the known places, e.g. CHROME_PATH. */
  envVar: string;
  /** Where it may live, best first. */
  knownPaths: readonly string[];
  /** Debian's package that provides it. */
  debianPackage: string;
  /** How to get one besides Debian's package, for the message when there is none. */
  elsewhere: string;
}

export interface EnsureBrowserOptions {
  /** Install Debian's package with apt-get when none is found and we may (default true). */
  install?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Where progress lines go (default console.log). */
  log?: (line: string) => void;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function browserFinder(kind: BrowserKind) {
  /** The paths looked at: only the variable's when it is set (it overrides), the known places otherwise. */
  const candidates = (env: NodeJS.ProcessEnv) => (env[kind.envVar] ? [env[kind.envVar]!] : [...kind.knownPaths]);
  const locate = (env: NodeJS.ProcessEnv) => candidates(env).find(isExecutable) ?? null;
  /** What to say when there is none: every path tried and how to get one. */
  const missing = (env: NodeJS.ProcessEnv) =>
    [
      `No ${kind.name} found. Tried:`,
      ...(env[kind.envVar] ? [`${kind.envVar}=${env[kind.envVar]} (not an executable file)`] : candidates(env)).map((path) => `  - ${path}`),
      `Install one (Debian/Ubuntu: \`sudo apt-get install -y ${kind.debianPackage}\`; ${kind.elsewhere}) or set ${kind.envVar} to its binary.`,
    ].join('\n');

  return {
    /** Path of the first executable found; throws with every path tried otherwise. */
    find(env: NodeJS.ProcessEnv = process.env): string {
      const found = locate(env);
      if (found) return found;
      throw new Error(missing(env));
    },
    /** Like find, but first installs Debian's package where we may: root, apt-get present, no override chosen. */
    ensure({ install = true, env = process.env, log = console.log }: EnsureBrowserOptions = {}): string {
      const found = locate(env);
      if (found) return found;
      if (install && !env[kind.envVar] && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
        log(`No ${kind.name} found; installing Debian’s ${kind.debianPackage} package (apt-get install -y ${kind.debianPackage})…`);
        try {
          execFileSync('/usr/bin/apt-get', ['update', '-qq'], { stdio: 'inherit' });
          execFileSync('/usr/bin/apt-get', ['install', '-y', '-qq', kind.debianPackage], {
            stdio: 'inherit',
            env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
          });
        } catch (error) {
          throw new Error(`Installing ${kind.debianPackage} with apt-get failed (${(error as Error).message}).\n${missing(env)}`);
        }
        const installed = locate(env);
        if (installed) return installed;
      }
      throw new Error(missing(env));
    },
  };
}
