// Finds a Chromium or Chrome binary for the end-to-end tests and the demo.
// On a Debian machine where we are root and none is installed, installs
// Debian's chromium (the only browser build reachable from these machines).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CANDIDATE_PATHS = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];

export function findBrowser() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATE_PATHS.find((path) => existsSync(path)) ?? null;
}

function canInstallWithApt() {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

export function ensureBrowser({ install = true } = {}) {
  const found = findBrowser();
  if (found) return found;
  if (install && !process.env.CHROME_PATH && canInstallWithApt()) {
    console.log('No Chromium found; installing Debian’s chromium package (apt-get install -y chromium)…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = findBrowser();
    if (installed) return installed;
  }
  const tried = process.env.CHROME_PATH ? [`CHROME_PATH=${process.env.CHROME_PATH}`] : CANDIDATE_PATHS;
  throw new Error(
    [
      'No Chromium or Chrome found. Tried:',
      ...tried.map((path) => `  ${path}`),
      'Install one (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROME_PATH to its binary.',
    ].join('\n'),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(ensureBrowser());
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
