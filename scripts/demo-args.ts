/** `npm run demo`'s command line. */
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../test/support/build';
import { STORE_IMAGES_DIR } from '../test/support/store-image-specs';

const DEFAULT_OUT = '.demo/screenshots';

export const DEMO_USAGE = `Usage: npm run demo -- [--headed] [--out <dir>] [--store]

  --headed       show the browser window (needs a display) and keep it open until Ctrl+C
  --out <dir>    where the screenshots go (default: ${DEFAULT_OUT} in the repository)
  --store        also make the Chrome Web Store's screenshots and promo tile, into ${STORE_IMAGES_DIR}/
  --help         this text

CHROME_PATH=<binary> chooses the Chromium or Chrome to use.`;

export function parseDemoArgs(argv: string[]): { headed: boolean; outDir: string; store: boolean } | 'help' {
  let headed = false;
  let store = false;
  let out: string | null = null;
  const needsDir = () => new Error('--out needs a directory, e.g. --out docs/screenshots');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--headed') headed = true;
    else if (arg === '--store') store = true;
    else if (arg === '--out') {
      out = argv[++i] ?? '';
      if (!out || out.startsWith('--')) throw needsDir();
    } else if (arg.startsWith('--out=')) {
      out = arg.slice('--out='.length);
      if (!out) throw needsDir();
    } else throw new Error(`Unknown option: ${arg}`);
  }
  // The default lives in the repository; --out is taken relative to where `npm run` was
  // typed (npm itself runs scripts from the package root and says where it started in INIT_CWD).
  const outDir = out === null ? join(REPO_ROOT, DEFAULT_OUT) : resolve(process.env.INIT_CWD ?? process.cwd(), out);
  return { headed, outDir, store };
}
