import type { Highlight } from './highlight';
import type { CopyFormat } from '../settings';

/** The IDs, one per line, in list order, with no trailing newline. */
export function idsAsLines(highlights: readonly Highlight[]): string {
  return highlights.map((highlight) => highlight.id).join('\n');
}

/**
 * One CSV field (RFC 4180). Text that a spreadsheet would run as a formula
 * (starting with = + - @ or a tab / carriage return) is prefixed with a quote.
 */
export function csvField(value: string): string {
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}

/** `id,title` rows with a header line, CRLF line ends as RFC 4180 asks, no trailing line end. */
export function highlightsAsCsv(highlights: readonly Highlight[]): string {
  const rows = highlights.map((highlight) => `${csvField(highlight.id)},${csvField(highlight.title)}`);
  return ['id,title', ...rows].join('\r\n');
}

/** `[{ "id": "…", "title": "…" }, …]`, IDs kept as strings, pretty-printed. */
export function highlightsAsJson(highlights: readonly Highlight[]): string {
  return JSON.stringify(
    highlights.map((highlight) => ({ id: highlight.id, title: highlight.title })),
    null,
    2,
  );
}

/** What "Copy all" copies in the chosen format. */
export function exportHighlights(highlights: readonly Highlight[], format: CopyFormat): string {
  switch (format) {
    case 'csv':
      return highlightsAsCsv(highlights);
    case 'json':
      return highlightsAsJson(highlights);
    case 'lines':
      return idsAsLines(highlights);
  }
}
