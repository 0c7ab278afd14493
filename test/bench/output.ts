/**
 * What `npm run bench` leaves: the table on the console, results.json and
 * results.md in its output folder, and the charts in docs/bench (docs/performance.md
 * shows them).
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type as osType } from 'node:os';
import { join, relative } from 'node:path';
import type { BuiltSizes } from '../support/built-sizes';
import { REPO_ROOT } from '../support/build';
import { chartSvg, table, type Figure, type Summary } from './report';
import type { SubjectName } from './subjects';

export interface Series {
  lengths: Array<{ length: number; product: Summary; floor: Summary }>;
  cache: Array<{ bytes: number; label: string; product: Summary; floor: Summary }>;
}

export interface BenchResults {
  figures: Figure[];
  sizes: Record<SubjectName, BuiltSizes>;
  series: Series;
  runs: number;
  outDir: string;
  /** Also copy results.md to docs/bench. */
  docs: boolean;
  chromiumVersion: string;
  /** When the bench started (Date.now()), for the time it took. */
  started: number;
}

const log = (line = '') => console.log(line);

function machine(chromium: string) {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    os: `${osType()} ${release()}`,
    node: process.version,
    chromium,
  };
}

export function writeResults({ figures, sizes, series, runs, outDir, docs: copyToDocs, chromiumVersion, started }: BenchResults): void {
  const date = new Date().toISOString();
  const host = machine(chromiumVersion);
  const passed = figures.filter((f) => f.pass).length;
  const rendered = table(figures);
  const notes = figures.filter((f) => f.note).map((f) => `- ${f.label}: ${f.note}`);
  const about = `${date.slice(0, 16).replace('T', ' ')} UTC · ${host.cpu}, ${host.cores} cores, ${host.memoryGB} GB · ${host.os} · Node ${host.node} · Chromium ${host.chromium} (headless) · ${runs} runs per figure and subject`;
  log(rendered);
  log();
  log(notes.join('\n'));
  log(`\n${passed} of ${figures.length} figures meet their target. ${about}`);
  log('Ratios are product median / floor median from the same run; long tasks and Copy all have absolute targets (p95), sizes are gzip -9 per file, kB = 1000 B.');

  mkdirSync(outDir, { recursive: true });
  const json = {
    date,
    machine: host,
    runs: runs,
    figures,
    sizes,
    series,
  };
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(json, null, 2)}\n`);
  const markdown = `Measured ${about}.\n\n${rendered}\n\n${notes.join('\n')}\n`;
  writeFileSync(join(outDir, 'results.md'), markdown);
  const colours = { product: '#3056d3', floor: '#d35f30' };
  const caption = `${date.slice(0, 10)} · ${host.cpu}, ${host.cores} cores · Chromium ${host.chromium.split('.')[0]} headless · ${runs} runs`;
  const charts = {
    'paint-by-length.svg': chartSvg(
      [
        {
          title: 'Popup → first ID painted, by list length',
          xLabel: 'highlights in the answer (cached, worker running)',
          ticks: series.lengths.map((p) => ({ x: p.length, label: p.length.toLocaleString('en') })),
          series: (['product', 'floor'] as const).map((name) => ({
            name,
            colour: colours[name],
            points: series.lengths.map((p) => ({ x: p.length, median: p[name].median, p95: p[name].p95 })),
          })),
        },
      ],
      caption,
    ),
    'paint-by-cache-size.svg': chartSvg(
      [
        {
          title: 'Worker stopped → first ID painted, by cache size',
          xLabel: 'bytes held in the cache (12 highlights shown)',
          ticks: series.cache.map((p) => ({ x: p.bytes, label: p.label })),
          series: (['product', 'floor'] as const).map((name) => ({
            name,
            colour: colours[name],
            points: series.cache.map((p) => ({ x: p.bytes, median: p[name].median, p95: p[name].p95 })),
          })),
        },
      ],
      caption,
    ),
  };
  const docs = join(REPO_ROOT, 'docs', 'bench');
  mkdirSync(docs, { recursive: true });
  for (const [name, svg] of Object.entries(charts)) writeFileSync(join(docs, name), svg);
  if (copyToDocs) copyFileSync(join(outDir, 'results.md'), join(docs, 'results.md'));
  log(
    `\nWrote ${relative(process.cwd(), outDir) || '.'}/results.json and results.md, and docs/bench/${Object.keys(charts).join(' and docs/bench/')}${copyToDocs ? ' (and docs/bench/results.md)' : ''} in ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  );
}
