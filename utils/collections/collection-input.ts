/**
 * A pasted list of profiles, as people paste them: handles, @handles, profile
 * URLs, post URLs, one per line or separated by commas or spaces, with
 * duplicates and junk. Every entry is either a profile (once) or refused with
 * the reason, so nothing is sent that cannot be a profile and nothing is
 * silently dropped.
 */
import { parseHandleInput, RESERVED_ROUTES, type Handle } from '../profile-url';

/** At most this many entries are read from one paste; the rest are refused as over the limit. */
export const MAX_PASTED_ENTRIES = 1000;

export type RefusalReason =
  /** Shaped like a handle, but one of Instagram's own routes (explore, reels, …). */
  | 'route-word'
  /** An instagram.com link to something that is not a profile (a post, a reel, a place). */
  | 'not-a-profile-link'
  /** A link to another site. */
  | 'not-instagram'
  /** Neither a handle nor a link. */
  | 'not-a-handle'
  /** Past the first MAX_PASTED_ENTRIES entries. */
  | 'over-the-limit';

export interface PastedEntry {
  /** 1-based line of the paste the entry is on. */
  line: number;
  text: string;
}

export interface ParsedPaste {
  /** Distinct profiles, in the order first seen. */
  handles: Handle[];
  /** Entries that named a profile already in `handles` (another form of it, another case). */
  duplicates: Array<PastedEntry & { of: Handle }>;
  refused: Array<PastedEntry & { reason: RefusalReason }>;
}

/** Commas, semicolons, spaces and line breaks separate entries; a URL never contains them. */
function entriesOf(text: string): PastedEntry[] {
  const entries: PastedEntry[] = [];
  text.split(/\r\n|\r|\n/).forEach((lineText, index) => {
    for (const part of lineText.split(/[\s,;]+/)) if (part !== '') entries.push({ line: index + 1, text: part });
  });
  return entries;
}

function refusalFor(text: string): RefusalReason {
  if (/^(?:https?:\/\/)?(?:www\.)?instagram\.com(?:[/?#]|$)/i.test(text)) return 'not-a-profile-link';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^[\w-]+(\.[\w-]+)+\//.test(text)) return 'not-instagram';
  return RESERVED_ROUTES.has(text.replace(/^@/, '').toLowerCase()) ? 'route-word' : 'not-a-handle';
}

export function parsePastedList(text: string): ParsedPaste {
  const result: ParsedPaste = { handles: [], duplicates: [], refused: [] };
  const seen = new Set<Handle>();
  entriesOf(text).forEach((entry, index) => {
    if (index >= MAX_PASTED_ENTRIES) return void result.refused.push({ ...entry, reason: 'over-the-limit' });
    const handle = parseHandleInput(entry.text);
    if (!handle) return void result.refused.push({ ...entry, reason: refusalFor(entry.text) });
    if (seen.has(handle)) return void result.duplicates.push({ ...entry, of: handle });
    seen.add(handle);
    result.handles.push(handle);
  });
  return result;
}
