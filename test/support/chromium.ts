/**
 * Finding (and, where we may, installing) the Chromium or Chrome that the
 * end-to-end tests, `npm test` and `npm run demo` drive. The one place that
 * knows where browsers live.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

/**
 * Where a Chromium may live, best first. The Debian binary is used directly:
 * the /usr/bin/chromium wrapper script adds flags of its own, among them an
 * empty --load-extension= that can defeat ours.
 */
export const KNOWN_CHROMIUM_PATHS: readonly string[] = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];

/** The paths looked at: only CHROME_PATH when it is set (it overrides), the known places otherwise. */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  return env.CHROME_PATH ? [env.CHROME_PATH] : [...KNOWN_CHROMIUM_PATHS];
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable candidate, or null. */
export function locateChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  return chromiumCandidates(env).find(isExecutable) ?? null;
}

/** What to say when there is no browser: every path tried and how to get one. */
export function noChromiumMessage(env: NodeJS.ProcessEnv = process.env): string {
  const tried = env.CHROME_PATH
    ? [`CHROME_PATH=${env.CHROME_PATH} (not an executable file)`]
    : chromiumCandidates(env);
  return [
    'No Chromium or Chrome found. Tried:',
    ...tried.map((path) => `  - ${path}`),
    'Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`; elsewhere Chromium or Google Chrome from',
    'your package manager) or set CHROME_PATH to a Chromium/Chrome binary.',
  ].join('\n');
}

/** Path of the first executable Chromium found; throws with every path tried otherwise. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const found = locateChromium(env);
  if (found) return found;
  throw new Error(noChromiumMessage(env));
}

/** We may install Debian's chromium ourselves: root, apt-get present, and no CHROME_PATH chosen. */
export function canInstallChromium(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.CHROME_PATH && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

export interface EnsureChromiumOptions {
  /** Install Debian's chromium with apt-get when none is found and we may (default true). */
  install?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Where progress lines go (default console.log). */
  log?: (line: string) => void;
}

/**
 * Like findChromium, but on a Debian machine where we are root, apt-get exists,
 * CHROME_PATH is not set and no browser is installed, first installs Debian's
 * chromium package (the browser build these machines can reach).
 */
export function ensureChromium({ install = true, env = process.env, log = console.log }: EnsureChromiumOptions = {}): string {
  const found = locateChromium(env);
  if (found) return found;
  if (install && canInstallChromium(env)) {
    log('No Chromium found; installing Debian’s chromium package (apt-get install -y chromium)…');
    try {
      execFileSync('/usr/bin/apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('/usr/bin/apt-get', ['install', '-y', '-qq', 'chromium'], {
        stdio: 'inherit',
        env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch (error) {
      throw new Error(`Installing chromium with apt-get failed (${(error as Error).message}).\n${noChromiumMessage(env)}`);
    }
    const installed = locateChromium(env);
    if (installed) return installed;
  }
  throw new Error(noChromiumMessage(env));
}
