// `npm run bench`: prints how fast the hot pure paths are and how big the
// built files are. Figures, not pass/fail: these machines are shared and noisy.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { evictLeastRecentlyUsed, type HighlightCache } from '../utils/cache-policy';
import { parseJsonExact } from '../utils/exact-json';
import { parseHighlightsBody } from '../utils/highlights-response';
import { parseProfileUrl } from '../utils/profile-url';
import { DEFAULT_SCENARIOS, highlightsResponseBody, type ProfileScenario } from '../test/support/scenarios';

function bench(name: string, run: () => unknown, minMs = 500): void {
  for (let i = 0; i < 50; i++) run(); // warm up the JIT
  let iterations = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 20; i++) run();
    iterations += 20;
    elapsed = performance.now() - start;
  }
  const perOp = (elapsed / iterations) * 1000;
  console.log(`${name.padEnd(58)} ${perOp.toFixed(1).padStart(9)} µs/op  (${iterations} runs)`);
}

const bigBody = JSON.stringify(highlightsResponseBody(DEFAULT_SCENARIOS.bigprofile as ProfileScenario));
bench(`parse a 150-highlight answer (${(bigBody.length / 1024).toFixed(0)} KiB): exact JSON + zod`, () =>
  parseHighlightsBody(parseJsonExact(bigBody)),
);
bench('  of which JSON.parse alone', () => JSON.parse(bigBody));

const urls = [
  'https://www.instagram.com/nasa/',
  'https://www.instagram.com/nasa/p/C9xYz12AbCd/?img_index=2',
  'https://www.instagram.com/explore/tags/space/',
  'https://www.instagram.com/stories/natgeo/3456789012345678901/',
];
bench('parseProfileUrl, 4 URLs (one is parsed per navigation)', () => urls.forEach(parseProfileUrl), 300);

const list = (DEFAULT_SCENARIOS.bigprofile as ProfileScenario).highlights.map((h) => ({
  id: h.id,
  title: h.title,
  coverUrl: h.cover_media_cropped_thumbnail.url,
}));
const cache: HighlightCache = Object.fromEntries(
  Array.from({ length: 301 }, (_, i) => [
    `user${i}`,
    { list: { handle: `user${i}`, ownerId: null, highlights: i % 10 === 0 ? list : list.slice(0, 12), fetchedAt: 0 }, usedAt: i },
  ]),
);
bench('evict a full cache (301 profiles) to its count and byte budget', () => evictLeastRecentlyUsed(cache), 1000);

console.log('\nBuilt sizes (.output/chrome-mv3, after `npm run build`):');
const dir = '.output/chrome-mv3';
function walk(path: string): string[] {
  return readdirSync(path).flatMap((entry) => {
    const full = join(path, entry);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}
try {
  for (const file of walk(dir).filter((f) => /\.(js|css|html|json)$/.test(f)).sort()) {
    const bytes = readFileSync(file).length;
    console.log(`  ${file.slice(dir.length + 1).padEnd(50)} ${(bytes / 1000).toFixed(1).padStart(7)} kB`);
  }
} catch {
  console.log('  (no build: run `npm run build` first)');
}
