/**
 * Highlight lists as files to download: CSV for a spreadsheet, JSON for a
 * script. One row per highlight, in list order, ids as exact strings. The
 * content comes in chunks (one per profile), so a collection of a thousand
 * profiles is never one giant string.
 */
import type { HighlightList } from './highlight';
import { csvField } from './id-export';

export const CSV_COLUMNS = ['handle', 'user_id', 'highlight_id', 'title', 'cover_url'] as const;

/** Spreadsheets read a UTF-8 file as UTF-8 (non-Latin titles intact) only when it starts with a BOM. */
const BOM = '\uFEFF';
const CRLF = '\r\n';

export type FileFormat = 'csv' | 'json';

export interface ExportFile {
  name: string;
  type: string;
  /** The content, a piece per profile: hand them to `new Blob(chunks)`. */
  chunks: string[];
}

/** `yyyy-mm-dd` in local time: the day the user sees on their calendar. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `nasa-highlights-2026-11-29.csv`; `label` is a handle or a collection's name, made safe for a file name. */
export function exportFileName(label: string, format: FileFormat, date: Date): string {
  const safe = label.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 60) || 'export';
  return `${safe}-highlights-${localDate(date)}.${format}`;
}

/** RFC 4180 with CRLF line ends, a header line and a UTF-8 BOM; formula-like text defused. */
export function* csvChunks(lists: Iterable<HighlightList>): Generator<string> {
  yield BOM + CSV_COLUMNS.join(',') + CRLF;
  for (const list of lists) {
    let chunk = '';
    for (const h of list.highlights) {
      chunk += [list.handle, list.ownerId ?? '', h.id, h.title, h.coverUrl ?? ''].map(csvField).join(',') + CRLF;
    }
    if (chunk) yield chunk;
  }
}

/** `[{ handle, user_id, highlights: [{ id, title, cover_url }] }, …]`, one entry per profile, ids as strings. */
export function* jsonChunks(lists: Iterable<HighlightList>): Generator<string> {
  let first = true;
  yield '[';
  for (const list of lists) {
    const profile = {
      handle: list.handle,
      user_id: list.ownerId,
      highlights: list.highlights.map((h) => ({ id: h.id, title: h.title, cover_url: h.coverUrl })),
    };
    yield `${first ? '\n' : ',\n'}${JSON.stringify(profile, null, 2).replace(/^/gm, '  ')}`;
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}

/** The file for `lists`, named after `label` and today's date. */
export function exportFile(lists: readonly HighlightList[], label: string, format: FileFormat, date = new Date()): ExportFile {
  return {
    name: exportFileName(label, format, date),
    type: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json;charset=utf-8',
    chunks: [...(format === 'csv' ? csvChunks(lists) : jsonChunks(lists))],
  };
}
