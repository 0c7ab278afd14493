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

/** CSV rows of one profile's highlights; '' when it has none. */
function csvRows(list: HighlightList): string {
  let chunk = '';
  for (const h of list.highlights) {
    chunk += [list.handle, list.ownerId ?? '', h.id, h.title, h.coverUrl ?? ''].map(csvField).join(',') + CRLF;
  }
  return chunk;
}

/** One profile as a JSON entry of the file's array, indented as the array's element. */
function jsonEntry(list: HighlightList): string {
  const profile = {
    handle: list.handle,
    user_id: list.ownerId,
    highlights: list.highlights.map((h) => ({ id: h.id, title: h.title, cover_url: h.coverUrl })),
  };
  return JSON.stringify(profile, null, 2).replace(/^/gm, '  ');
}

export interface ExportWriter {
  /** Chunks for the next profiles, in order; call it once per page of answers. */
  add(lists: Iterable<HighlightList>): string[];
  /** The closing chunks (with the header, when nothing was added); call it once, last. */
  end(): string[];
}

/**
 * Writes a file one page of profiles at a time, for a collection whose
 * answers come from the background in pages. The chunks of all the pages,
 * put together, are exactly what `csvChunks`/`jsonChunks` make of all the
 * profiles at once, and no page has to stay in memory once its chunks are made.
 */
export function createExportWriter(format: FileFormat): ExportWriter {
  let started = false;
  let first = true;
  const opening = () => {
    if (started) return [];
    started = true;
    return [format === 'csv' ? BOM + CSV_COLUMNS.join(',') + CRLF : '['];
  };
  return {
    add(lists) {
      const chunks = opening();
      for (const list of lists) {
        if (format === 'csv') {
          const rows = csvRows(list);
          if (rows) chunks.push(rows);
        } else {
          chunks.push(`${first ? '\n' : ',\n'}${jsonEntry(list)}`);
          first = false;
        }
      }
      return chunks;
    },
    end() {
      const chunks = opening();
      if (format === 'json') chunks.push(first ? ']\n' : '\n]\n');
      return chunks;
    },
  };
}

function* writeAll(format: FileFormat, lists: Iterable<HighlightList>): Generator<string> {
  const writer = createExportWriter(format);
  yield* writer.add([]);
  for (const list of lists) yield* writer.add([list]);
  yield* writer.end();
}

/** RFC 4180 with CRLF line ends, a header line and a UTF-8 BOM; formula-like text defused. */
export function csvChunks(lists: Iterable<HighlightList>): Generator<string> {
  return writeAll('csv', lists);
}

/** `[{ handle, user_id, highlights: [{ id, title, cover_url }] }, …]`, one entry per profile, ids as strings. */
export function jsonChunks(lists: Iterable<HighlightList>): Generator<string> {
  return writeAll('json', lists);
}

/** The file's media type. */
export function exportFileType(format: FileFormat): string {
  return format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json;charset=utf-8';
}

/** The file for `lists`, named after `label` and today's date. */
export function exportFile(lists: readonly HighlightList[], label: string, format: FileFormat, date = new Date()): ExportFile {
  return {
    name: exportFileName(label, format, date),
    type: exportFileType(format),
    chunks: [...(format === 'csv' ? csvChunks(lists) : jsonChunks(lists))],
  };
}
