/**
 * Highlight lists as files to download: CSV for a spreadsheet, JSON for a
 * script. One row per highlight, in list order, ids as exact strings. The
 * content comes in chunks (one per profile), so a collection of a thousand
 * profiles is never one giant string. The chunk writer is shared with the
 * stories files (utils/stories/story-files.ts).
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

/** `label` made safe for a file name: letters and digits of any script, `.`, `_` and `-`; '' when nothing is left. */
export function safeFileLabel(label: string, maxLength = 60): string {
  return label.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, maxLength);
}

/** `nasa-highlights-2026-11-29.csv`; `label` is a handle or a collection's name, made safe for a file name. */
export function exportFileName(label: string, format: FileFormat, date: Date): string {
  return `${safeFileLabel(label) || 'export'}-highlights-${localDate(date)}.${format}`;
}

/** One CSV line (RFC 4180, formula-like text defused), with its line end. */
export function csvRow(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + CRLF;
}

/** What one kind of file writes: its CSV header, an entry's CSV rows ('' for none), an entry as a JSON value. */
export interface FileParts<T> {
  columns: readonly string[];
  csvRows(entry: T): string;
  jsonEntry(entry: T): unknown;
}

/** A profile's highlights: one CSV row each; as JSON, the profile with its highlights. */
const LIST_PARTS: FileParts<HighlightList> = {
  columns: CSV_COLUMNS,
  csvRows: (list) =>
    list.highlights.map((h) => csvRow([list.handle, list.ownerId ?? '', h.id, h.title, h.coverUrl ?? ''])).join(''),
  jsonEntry: (list) => ({
    handle: list.handle,
    user_id: list.ownerId,
    highlights: list.highlights.map((h) => ({ id: h.id, title: h.title, cover_url: h.coverUrl })),
  }),
};

export interface ChunkWriter<T> {
  /** Chunks for the next entries, in order; call it once per page of answers. */
  add(entries: Iterable<T>): string[];
  /** The closing chunks (with the header, when nothing was added); call it once, last. */
  end(): string[];
}

export type ExportWriter = ChunkWriter<HighlightList>;

/**
 * Writes a file one page of entries at a time, for a collection whose
 * answers come from the background in pages. The chunks of all the pages,
 * put together, are exactly what `writeChunks` makes of all the entries at
 * once, and no page has to stay in memory once its chunks are made.
 */
export function createChunkWriter<T>(format: FileFormat, parts: FileParts<T>): ChunkWriter<T> {
  let started = false;
  let first = true;
  const opening = () => {
    if (started) return [];
    started = true;
    return [format === 'csv' ? BOM + parts.columns.join(',') + CRLF : '['];
  };
  return {
    add(entries) {
      const chunks = opening();
      for (const entry of entries) {
        if (format === 'csv') {
          const rows = parts.csvRows(entry);
          if (rows) chunks.push(rows);
        } else {
          // Indented as the element of the file's array.
          chunks.push(`${first ? '\n' : ',\n'}${JSON.stringify(parts.jsonEntry(entry), null, 2).replace(/^/gm, '  ')}`);
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

/** Highlight lists, a page of profiles at a time (`createChunkWriter` for lists). */
export function createExportWriter(format: FileFormat): ExportWriter {
  return createChunkWriter(format, LIST_PARTS);
}

/** The whole file of `entries`, a chunk per entry. */
export function* writeChunks<T>(format: FileFormat, parts: FileParts<T>, entries: Iterable<T>): Generator<string> {
  const writer = createChunkWriter(format, parts);
  yield* writer.add([]);
  for (const entry of entries) yield* writer.add([entry]);
  yield* writer.end();
}

/** RFC 4180 with CRLF line ends, a header line and a UTF-8 BOM; formula-like text defused. */
export function csvChunks(lists: Iterable<HighlightList>): Generator<string> {
  return writeChunks('csv', LIST_PARTS, lists);
}

/** `[{ handle, user_id, highlights: [{ id, title, cover_url }] }, …]`, one entry per profile, ids as strings. */
export function jsonChunks(lists: Iterable<HighlightList>): Generator<string> {
  return writeChunks('json', LIST_PARTS, lists);
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
