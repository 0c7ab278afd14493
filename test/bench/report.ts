/**
 * The bench's figures: summaries of samples, product against floor, their
 * ratio and target; printed as one table, written as JSON, and drawn as an
 * SVG chart (hand-written, no chart library).
 */

export interface Summary {
  median: number;
  p95: number;
  samples: number[];
}

/** Median and p95 (nearest rank: with fewer than 20 samples, p95 is the largest). */
export function summarise(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  const p95 = sorted[Math.min(n - 1, Math.ceil(0.95 * n) - 1)]!;
  return { median, p95, samples: [...samples] };
}

export type Target =
  /** product median ≤ max × floor median */
  | { kind: 'ratio'; max: number }
  /** product p95 ≤ max (or < max when `strict`), in the figure's unit */
  | { kind: 'absolute'; max: number; strict?: boolean };

export type Unit = 'ms' | 'kB' | 'messages';

export interface Figure {
  id: string;
  label: string;
  unit: Unit;
  product: Summary;
  floor: Summary;
  /** product median / floor median (null when the floor's is 0). */
  ratio: number | null;
  target: Target;
  pass: boolean;
  /** Below this, a figure is "none" (long tasks: the API reports only tasks over 50 ms). */
  floorOfScale?: number;
  note?: string;
}

export function figure(
  id: string,
  label: string,
  unit: Unit,
  product: Summary,
  floor: Summary,
  target: Target,
  extra: { floorOfScale?: number; note?: string } = {},
): Figure {
  const ratio = floor.median > 0 ? product.median / floor.median : null;
  const pass =
    target.kind === 'ratio'
      ? ratio !== null && ratio <= target.max
      : target.strict
        ? product.p95 < target.max
        : product.p95 <= target.max;
  return { id, label, unit, product, floor, ratio, target, pass, ...extra };
}

function value(n: number, unit: Unit, floorOfScale?: number): string {
  if (floorOfScale !== undefined && n < floorOfScale) return `<${floorOfScale}`;
  if (unit === 'kB') return (n / 1000).toFixed(1);
  if (unit === 'messages') return String(n);
  return n >= 100 ? n.toFixed(0) : n.toFixed(1);
}

function pair(s: Summary, f: Figure): string {
  const median = value(s.median, f.unit, f.floorOfScale);
  if (s.samples.length <= 1) return median;
  return `${median} / ${value(s.p95, f.unit, f.floorOfScale)}`;
}

function targetText(f: Figure): string {
  const unit = f.unit === 'kB' ? ' kB' : f.unit === 'ms' ? ' ms' : '';
  if (f.target.kind === 'ratio') return `≤ ${Number(f.target.max.toFixed(2))}×`;
  const shown = f.unit === 'kB' ? String(f.target.max / 1000) : String(f.target.max);
  return `${f.target.strict ? '<' : '≤'} ${shown}${unit}${f.unit === 'messages' ? ' messages' : ''}`;
}

function ratioText(f: Figure): string {
  if (f.ratio === null) return '—';
  if (f.floorOfScale !== undefined && f.product.median < f.floorOfScale && f.floor.median < f.floorOfScale) return '—';
  return `${f.ratio.toFixed(2)}×`;
}

/** The figures as a Markdown table (also readable on a terminal). */
export function table(figures: readonly Figure[]): string {
  const head = ['Figure', 'Product median / p95', 'Floor median / p95', 'Ratio', 'Target', 'Result'];
  const rows = figures.map((f) => {
    const unit = f.unit === 'messages' ? '' : ` ${f.unit}`;
    return [
      f.label,
      `${pair(f.product, f)}${unit}`,
      `${pair(f.floor, f)}${unit}`,
      ratioText(f),
      targetText(f),
      f.pass ? 'pass' : '**FAIL**',
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------
// The chart

export interface Series {
  name: string;
  colour: string;
  points: Array<{ x: number; median: number; p95: number }>;
}

export interface Panel {
  title: string;
  xLabel: string;
  /** Tick labels at x values (drawn on a log scale). */
  ticks: Array<{ x: number; label: string }>;
  series: Series[];
}

const escapeXml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A "nice" upper bound for an axis: 1, 2 or 5 times a power of ten. */
function niceMax(n: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(n, 1)));
  return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= n)!;
}

function panelSvg(panel: Panel, left: number, top: number, width: number, height: number): string {
  const plot = { x: left + 52, y: top + 34, w: width - 72, h: height - 86 };
  const xs = panel.ticks.map((t) => Math.log10(t.x));
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const padX = (x1 - x0) * 0.06 || 1;
  const sx = (x: number) => plot.x + ((Math.log10(x) - x0 + padX) / (x1 - x0 + 2 * padX)) * plot.w;
  const yMax = niceMax(Math.max(...panel.series.flatMap((s) => s.points.map((p) => p.p95))) * 1.05);
  const sy = (y: number) => plot.y + plot.h - (y / yMax) * plot.h;
  const out: string[] = [];
  out.push(`<text x="${left + width / 2}" y="${top + 18}" text-anchor="middle" font-weight="600">${escapeXml(panel.title)}</text>`);
  for (let i = 0; i <= 5; i++) {
    const y = (yMax / 5) * i;
    out.push(
      `<line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${sy(y).toFixed(1)}" y2="${sy(y).toFixed(1)}" stroke="#ddd"/>`,
      `<text x="${plot.x - 6}" y="${(sy(y) + 4).toFixed(1)}" text-anchor="end" fill="#555">${y.toFixed(0)}</text>`,
    );
  }
  for (const tick of panel.ticks) {
    out.push(
      `<line x1="${sx(tick.x).toFixed(1)}" x2="${sx(tick.x).toFixed(1)}" y1="${plot.y + plot.h}" y2="${plot.y + plot.h + 4}" stroke="#555"/>`,
      `<text x="${sx(tick.x).toFixed(1)}" y="${plot.y + plot.h + 18}" text-anchor="middle" fill="#555">${escapeXml(tick.label)}</text>`,
    );
  }
  out.push(
    `<line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${plot.y + plot.h}" y2="${plot.y + plot.h}" stroke="#555"/>`,
    `<line x1="${plot.x}" x2="${plot.x}" y1="${plot.y}" y2="${plot.y + plot.h}" stroke="#555"/>`,
    `<text x="${plot.x + plot.w / 2}" y="${plot.y + plot.h + 38}" text-anchor="middle" fill="#333">${escapeXml(panel.xLabel)}</text>`,
    `<text transform="translate(${left + 14} ${plot.y + plot.h / 2}) rotate(-90)" text-anchor="middle" fill="#333">ms (median; bar to p95)</text>`,
  );
  for (const series of panel.series) {
    const path = series.points.map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)} ${sy(p.median).toFixed(1)}`).join(' ');
    out.push(`<path d="${path}" fill="none" stroke="${series.colour}" stroke-width="2"/>`);
    for (const p of series.points) {
      out.push(
        `<line x1="${sx(p.x).toFixed(1)}" x2="${sx(p.x).toFixed(1)}" y1="${sy(p.median).toFixed(1)}" y2="${sy(p.p95).toFixed(1)}" stroke="${series.colour}" stroke-width="1"/>`,
        `<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.median).toFixed(1)}" r="3.5" fill="${series.colour}"><title>${escapeXml(
          `${series.name}: median ${p.median.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms`,
        )}</title></circle>`,
      );
    }
  }
  panel.series.forEach((series, i) => {
    const x = plot.x + 10 + i * 110;
    out.push(
      `<rect x="${x}" y="${plot.y + 2}" width="12" height="12" fill="${series.colour}"/>`,
      `<text x="${x + 17}" y="${plot.y + 12}" fill="#333">${escapeXml(series.name)}</text>`,
    );
  });
  return out.join('\n  ');
}

/** Panels side by side, with a caption line under them. */
export function chartSvg(panels: readonly Panel[], caption: string): string {
  const [w, h] = [600, 340];
  const width = w * panels.length;
  const height = h + 24;
  const body = panels.map((panel, i) => panelSvg(panel, i * w, 0, w, h)).join('\n  ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">
  <rect width="${width}" height="${height}" fill="#fff"/>
  ${body}
  <text x="${width / 2}" y="${height - 8}" text-anchor="middle" fill="#555" font-size="11">${escapeXml(caption)}</text>
</svg>
`;
}
