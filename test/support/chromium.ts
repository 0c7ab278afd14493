import { accessSync, constants } from 'node:fs';

/**
 * Where a Chromium may live, best first. The Debian binary is used directly:
 * the /usr/bin/chromium wrapper script adds flags of its own, among them an
 * empty --load-extension= that can defeat ours.
 */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  return [
    ...(env.CHROME_PATH ? [env.CHROME_PATH] : []),
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/opt/google/chrome/chrome',
  ];
}

/** Path of the first executable Chromium found; throws with every path tried otherwise. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const tried = chromiumCandidates(env);
  for (const path of tried) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // Not there or not executable: try the next one.
    }
  }
  throw new Error(
    [
      'No Chromium found for the end-to-end tests. Tried:',
      ...tried.map((p) => `  - ${p}`),
      'Install it (Debian/Ubuntu: `apt-get install -y chromium`) or set CHROME_PATH to a Chromium/Chrome binary.',
    ].join('\n'),
  );
}
