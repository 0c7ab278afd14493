// `npm run bench`: prints how fast the hot pure paths are, builds the extension
// and prints how big its files are, and how fast the popup shows a list in
// Chromium. Figures, not pass/fail: these machines are shared and noisy.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { entryBytes, planEviction, type IndexEntry } from '../entrypoints/background/cache-policy';
import { parseJsonExact } from '../entrypoints/background/exact-json';
import { parseHighlightsBody } from '../entrypoints/background/highlights-response';
import { parseProfileUrl, type Handle } from '../utils/profile-url';
import { buildExtension } from '../test/support/build';
import { until } from '../test/support/poll';
import { highlightsResponseBody, profileOf } from '../test/support/scenarios';
import { startWorld } from '../test/support/world';

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

const bigBody = JSON.stringify(highlightsResponseBody(profileOf('bigprofile')));
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

const list = profileOf('bigprofile').highlights.map((h) => ({
  id: h.id,
  title: h.title,
  coverUrl: h.cover_media_cropped_thumbnail.url,
}));
const index: IndexEntry[] = Array.from({ length: 301 }, (_, i) => {
  const handle = `user${i}` as Handle;
  const highlights = i % 10 === 0 ? list : list.slice(0, 12);
  return { handle, usedAt: i, bytes: entryBytes(`cache:${handle}`, { handle, ownerId: null, highlights, fetchedAt: 0 }) };
});
bench('plan the eviction of a full cache index (301 profiles) to its count and byte budget', () => planEviction(index), 1000);

const { dir } = await buildExtension({ browser: 'chrome' });
console.log(`\nBuilt sizes (${relative(process.cwd(), dir)}):`);
function walk(path: string): string[] {
  return readdirSync(path).flatMap((entry) => {
    const full = join(path, entry);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}
for (const file of walk(dir).filter((f) => /\.(js|css|html|json)$/.test(f)).sort()) {
  const bytes = readFileSync(file).length;
  console.log(`  ${file.slice(dir.length + 1).padEnd(50)} ${(bytes / 1000).toFixed(1).padStart(7)} kB`);
}

// In the browser, through the page model: how long from opening the popup to a listed answer.
async function browserBench(): Promise<void> {
  const world = await startWorld({ credits: 10_000 });
  try {
    await world.reset();
    const tab = await world.instagram('/bigprofile/');
    const first = await world.popup(tab);
    await first.settled('list', undefined, 30_000);
    await first.close();

    const summarise = async (runs: number, once: () => Promise<number>) => {
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) samples.push(await once());
      samples.sort((a, b) => a - b);
      const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
      return `median ${at(0.5).toFixed(0)} ms, p90 ${at(0.9).toFixed(0)} ms (${runs} runs)`;
    };

    console.log('\nIn Chromium (headless), a profile with 150 highlights:');
    const options = await world.options();
    console.log(
      `  stopped service worker → first answer (woken):   ${await summarise(10, async () => {
        await world.stopWorker();
        return options.page.evaluate(async () => {
          const start = performance.now();
          const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
          await chrome.runtime.sendMessage({ type: 'get-status' });
          return performance.now() - start;
        });
      })}`,
    );
    // Measured inside the popup: from its document's start to the first frame showing the list.
    const inPage = async () => {
      const popup = await world.popup(tab);
      const handle = await popup.page.waitForFunction(
        () => (document.querySelector('main[data-state="list"]') ? performance.now() : false),
        null,
        { polling: 'raf', timeout: 30_000 },
      );
      const ms = (await handle.jsonValue()) as number;
      await popup.close();
      return ms;
    };

    console.log(`  popup document start → list on screen, cached:   ${await summarise(20, inPage)}`);
    const popup = await world.popup(tab);
    await popup.settled('list', undefined, 30_000);
    const refreshButton = popup.page.getByRole('button', { name: /^Refresh/ });
    console.log(
      `  Refresh click → new list (local stand-in API):   ${await summarise(20, async () => {
        const before = world.highlightRequests();
        const start = performance.now();
        await popup.refresh();
        await until('the refresh to reach SociaVault', () => world.highlightRequests(), (n) => n > before, 30_000);
        await until('the refresh to finish', () => refreshButton.isEnabled(), Boolean, 30_000);
        return performance.now() - start;
      })}`,
    );
  } finally {
    await world.close();
  }
}

await browserBench();
