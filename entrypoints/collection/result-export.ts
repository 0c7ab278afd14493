/**
 * The run's answers as files and as IDs to copy, fetched from the background
 * a page of answers at a time and never held whole by the page.
 */
import { createExportWriter, exportFileType, type FileFormat } from '@/utils/highlights/export-files';
import type { HighlightList } from '@/utils/highlights/highlight';
import type { PageMessage, Send } from '@/utils/protocol';

/** Answers asked for at a time (the most a `collection-results` message may ask for). */
export const RESULTS_PAGE = 200;

/** Every answer of collection `id`'s run, a page at a time, handed to `take` and not kept here. */
export async function eachAnswer(send: Send<PageMessage>, id: string, take: (lists: HighlightList[]) => void): Promise<void> {
  let total = Infinity;
  for (let offset = 0; offset < total; offset += RESULTS_PAGE) {
    const page = await send('collection-results', { id, offset, limit: RESULTS_PAGE });
    total = page.total;
    take(page.lists);
  }
}

/**
 * The file of every answer. A Blob per page of answers: its text goes to the
 * browser's blob storage at once and the page's strings can be collected, so
 * the page never holds the whole file.
 */
export async function answersFile(send: Send<PageMessage>, id: string, format: FileFormat): Promise<Blob> {
  const writer = createExportWriter(format);
  const parts: Blob[] = [];
  await eachAnswer(send, id, (lists) => parts.push(new Blob(writer.add(lists))));
  parts.push(new Blob(writer.end()));
  return new Blob(parts, { type: exportFileType(format) });
}

/** Every highlight ID of the run's answers, in order. */
export async function allIds(send: Send<PageMessage>, id: string): Promise<string[]> {
  const ids: string[] = [];
  await eachAnswer(send, id, (lists) => lists.forEach((list) => list.highlights.forEach((highlight) => ids.push(highlight.id))));
  return ids;
}
