/**
 * A paste read a slice of lines at a time, letting the browser run in
 * between: the extension's pages share one process, so a long task here
 * would hold up the popup opening meanwhile.
 */
import { createPasteReader, type ParsedPaste } from '@/utils/collections/collection-input';
import { MAX_COLLECTION_SIZE } from '@/utils/collections/run-record';
import type { Handle } from '@/utils/profile-url';
import type { PageMessage, Send } from '@/utils/protocol';

/** Lines read before the page lets the browser do other work: a few milliseconds' worth. */
export const SLICE_LINES = 500;

/** Lets the browser handle what is waiting (input, another page's rendering) before going on. */
export function nextTask(): Promise<void> {
  // A message to ourselves rather than setTimeout, which a hidden tab would slow to once a second.
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export async function readPasteInSlices(text: string, slice = SLICE_LINES): Promise<ParsedPaste> {
  const reader = createPasteReader(text);
  while (!reader.read(slice)) await nextTask();
  return reader.result();
}

export interface AddedPaste {
  paste: ParsedPaste;
  added: number;
  /** Profiles that did not fit in the collection. */
  left: Handle[];
  /** Lines after the ones read. */
  linesLeft: number;
  /** What stays in the box: the profiles that did not fit, then the lines not read. */
  kept: string;
}

/** Reads a paste and adds its profiles to collection `id`; null when it holds nothing at all. */
export async function addPaste(send: Send<PageMessage>, id: string, pasted: string): Promise<AddedPaste | null> {
  const paste = await readPasteInSlices(pasted);
  if (paste.handles.length + paste.duplicates.length + paste.refused.length + paste.textLines.length === 0) return null;
  // A message carries at most a full collection; more than that cannot fit anyway.
  const handles = paste.handles.slice(0, MAX_COLLECTION_SIZE);
  const result = handles.length > 0 ? await send('collection-add', { id, handles }) : { added: 0, left: [] };
  const left = [...result.left, ...paste.handles.slice(MAX_COLLECTION_SIZE)];
  // A line break at the very end starts no line of its own.
  const linesLeft = paste.rest === '' ? 0 : paste.rest.replace(/\n$/, '').split('\n').length;
  return { paste, added: result.added, left, linesLeft, kept: [...left, ...(paste.rest === '' ? [] : [paste.rest])].join('\n') };
}
