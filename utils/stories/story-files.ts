/**
 * A highlight's stories as files to download (CSV for a spreadsheet, JSON
 * for a script) and as the text *Copy all media URLs* copies. One row per
 * story, in the highlight's order; ids are exact strings, times ISO 8601 in
 * UTC. Written as the highlight lists are (utils/highlights/export-files.ts:
 * UTF-8 with a BOM, RFC 4180, formula-like text defused), a chunk per
 * highlight, so that a profile's or a collection's stories go in one file
 * the same way.
 */
import {
  createChunkWriter,
  csvRow,
  exportFileType,
  localDate,
  safeFileLabel,
  writeChunks,
  type ChunkWriter,
  type ExportFile,
  type FileFormat,
  type FileParts,
} from '../highlights/export-files';
import type { Story } from './story';

export const STORY_CSV_COLUMNS = [
  'handle',
  'highlight_id',
  'highlight_title',
  'story_id',
  'media_type',
  'taken_at',
  'media_url',
  'thumbnail_url',
  'video_duration',
] as const;

/** One highlight's stories, with what the file says of the highlight. */
export interface StoriesOfHighlight {
  handle: string;
  highlightId: string;
  highlightTitle: string;
  stories: readonly Story[];
}

/** The latest time a Date can hold (±8.64e15 ms); beyond it `toISOString` throws. */
const DATE_LIMIT_MS = 8.64e15;

/** `2026-01-01T00:00:00.000Z`, or null when there is no time (or none a Date can hold). */
export function isoTime(ms: number | null): string | null {
  // NaN for no time: it, like an infinity, is beyond no limit.
  const time = ms ?? Number.NaN;
  return Math.abs(time) <= DATE_LIMIT_MS ? new Date(time).toISOString() : null;
}

/** A story as the file's fields, in STORY_CSV_COLUMNS' order after the highlight's three. */
function storyFields(story: Story) {
  return {
    story_id: story.id,
    media_type: story.mediaType,
    taken_at: isoTime(story.takenAt),
    media_url: story.mediaUrl,
    thumbnail_url: story.thumbnailUrl,
    // Number.isFinite is false for null too.
    video_duration: Number.isFinite(story.videoDuration) ? story.videoDuration : null,
  };
}

const STORY_PARTS: FileParts<StoriesOfHighlight> = {
  columns: STORY_CSV_COLUMNS,
  csvRows: (highlight) =>
    highlight.stories
      .map((story) => {
        const fields = storyFields(story);
        return csvRow([
          highlight.handle,
          highlight.highlightId,
          highlight.highlightTitle,
          fields.story_id,
          fields.media_type,
          fields.taken_at ?? '',
          fields.media_url ?? '',
          fields.thumbnail_url ?? '',
          fields.video_duration === null ? '' : String(fields.video_duration),
        ]);
      })
      .join(''),
  jsonEntry: (highlight) => ({
    handle: highlight.handle,
    highlight_id: highlight.highlightId,
    highlight_title: highlight.highlightTitle,
    stories: highlight.stories.map(storyFields),
  }),
};

/** Stories of highlights, a page at a time (see `createChunkWriter`). */
export function createStoriesWriter(format: FileFormat): ChunkWriter<StoriesOfHighlight> {
  return createChunkWriter(format, STORY_PARTS);
}

/** The whole file: the header, then a chunk per highlight. */
export function storiesChunks(format: FileFormat, highlights: Iterable<StoriesOfHighlight>): Generator<string> {
  return writeChunks(format, STORY_PARTS, highlights);
}

/**
 * `nasa-Artemis-17912345678901234-stories-2026-12-07.csv`: what names the
 * stories (a handle, a title, an id), made safe for a file name, with the
 * local date. Each part is cut at 64 characters, so that a long title
 * leaves the id after it whole.
 */
export function storiesFileName(labels: readonly string[], format: FileFormat, date: Date): string {
  const parts = labels.map((label) => safeFileLabel(label, 64).replace(/[-.]+$/, '')).filter((part) => part !== '');
  return `${parts.join('-') || 'export'}-stories-${localDate(date)}.${format}`;
}

/** The file of one highlight's stories, named after its profile, title and id. */
export function storiesFile(highlight: StoriesOfHighlight, format: FileFormat, date = new Date()): ExportFile {
  return {
    name: storiesFileName([highlight.handle, highlight.highlightTitle, highlight.highlightId], format, date),
    type: exportFileType(format),
    chunks: [...storiesChunks(format, [highlight])],
  };
}

/** What *Copy all media URLs* copies: each story's media link, one per line, in order; stories without one are left out. */
export function mediaUrlsText(stories: readonly Story[]): string {
  return stories
    .map((story) => story.mediaUrl)
    .filter((url): url is string => url !== null)
    .join('\n');
}
