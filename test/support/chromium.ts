/**
 * The Chromium or Chrome that the end-to-end tests, `npm test`, `npm run demo`
 * and `npm run bench` drive (found or installed by find-browser.ts).
 */
import { browserFinder, type EnsureBrowserOptions } from './find-browser';

const chromium = browserFinder({
  name: 'Chromium or Chrome',
  envVar: 'CHROME_PATH',
  // The Debian binary is used directly: the /usr/bin/chromium wrapper script
  // adds flags of its own, among them an empty --load-extension= that can defeat ours.
  knownPaths: [
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
  ],
  debianPackage: 'chromium',
  elsewhere: 'elsewhere Chromium or Google Chrome from your package manager',
});

/** Path of the first executable Chromium found; throws with every path tried otherwise. */
export const findChromium = (env: NodeJS.ProcessEnv = process.env): string => chromium.find(env);

/** Like findChromium, but installs Debian's chromium first where we may (root, apt-get, no CHROME_PATH). */
export const ensureChromium = (options: EnsureBrowserOptions = {}): string => chromium.ensure(options);
