/**
 * A pasted list of profiles, read the way a person reads it.
 *
 * - A list's bullet or number at the start of a line ("- ", "• ", "3. ")
 *   is not a word.
 * - A line of one word is one entry: a handle, an @handle, a profile link
 *   (a post's link under a profile counts as that profile), or refused with
 *   the reason.
 * - A line of several words (separated by spaces, commas or semicolons) is a
 *   list when every word is a profile and no part between commas mixes
 *   @handles or links with bare words ("nasa natgeo", "@nasa, @natgeo",
 *   "nasa, natgeo, @bbc"): it gives all its words.
 * - Any other line is text ("Loved the shots by @nasa and @natgeo!"): only
 *   its @handles and Instagram links count, without the punctuation around
 *   them; its other words are the sentence. The page says which lines were
 *   read as text and what was taken from them.
 *
 * Every entry is a profile (once) or refused with the reason, so nothing is
 * sent that cannot be a profile and nothing is silently dropped. At most
 * MAX_PASTED_LINES lines are read; the rest is handed back, to stay in the box.
 */
import { parseHandleInput, RESERVED_ROUTES, type Handle } from '../profile-url';

/** Lines read from one paste; the rest stays in the box for another Add. */
export const MAX_PASTED_LINES = 10_000;
/** How much of a line read as text is kept to show. */
const TEXT_SHOWN = 80;

export type RefusalReason =
  /** Shaped like a handle, but one of Instagram's own routes (explore, reels, …). */
  | 'route-word'
  /** An instagram.com link to something that is not a profile (a post, a reel, a place). */
  | 'not-a-profile-link'
  /** A link to another site. */
  | 'not-instagram'
  /** Neither a handle nor a link. */
  | 'not-a-handle';

export const REFUSAL_REASONS: readonly RefusalReason[] = ['route-word', 'not-a-profile-link', 'not-instagram', 'not-a-handle'];

export interface PastedEntry {
  /** 1-based line of the paste the entry is on. */
  line: number;
  text: string;
}

/** A line read as text, and the profiles taken from it (none, perhaps). */
export interface TextLine {
  line: number;
  /** The line, cut to its first TEXT_SHOWN characters. */
  text: string;
  taken: Handle[];
}

export interface ParsedPaste {
  /** Distinct profiles, in the order first seen. */
  handles: Handle[];
  /** Entries that named a profile already in `handles` (another form of it, another case). */
  duplicates: Array<PastedEntry & { of: Handle }>;
  refused: Array<PastedEntry & { reason: RefusalReason }>;
  textLines: TextLine[];
  /** Lines read: all of them, or MAX_PASTED_LINES. */
  linesRead: number;
  /** The lines after those, as pasted (line breaks as `\n`); '' when none is left. */
  rest: string;
}

/** A bullet or a number that starts an item of a list. */
const LIST_MARKER = /^\s*(?:[-*•·–—]|\d{1,5}[.)])\s/u;
const INSTAGRAM_LINK = /^(?:https?:\/\/)?(?:www\.)?instagram\.com(?:[/?#]|$)/i;
const LEADING = /^[(["'“‘«¿¡]+/u;
const TRAILING = /[!.,):;?"'”’»\]…]+$/u;

/** An @handle or a link: a word that says it names a profile, as opposed to a bare word. */
const isMarked = (word: string) => word.startsWith('@') || INSTAGRAM_LINK.test(word) || /^[a-z][a-z0-9+.-]*:\/\//i.test(word);

function refusalFor(text: string): RefusalReason {
  if (INSTAGRAM_LINK.test(text)) return 'not-a-profile-link';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^[\w-]+(\.[\w-]+)+\//.test(text)) return 'not-instagram';
  return RESERVED_ROUTES.has(text.replace(/^@/, '').toLowerCase()) ? 'route-word' : 'not-a-handle';
}

/** The word without the punctuation a sentence puts around it. */
const unpunctuated = (word: string) => word.replace(LEADING, '').replace(TRAILING, '');

/** A pasted list, read a slice of lines at a time (`read`), so that a long paste never holds up the page. */
export function createPasteReader(text: string) {
  const lines = text.split(/\r\n|\r|\n/);
  const linesRead = Math.min(lines.length, MAX_PASTED_LINES);
  const rest = lines.slice(linesRead).join('\n');
  const result: ParsedPaste = { handles: [], duplicates: [], refused: [], textLines: [], linesRead, rest: rest.trim() === '' ? '' : rest };
  const seen = new Set<Handle>();
  let next = 0;

  function take(line: number, word: string, handle: Handle): void {
    if (seen.has(handle)) return void result.duplicates.push({ line, text: word, of: handle });
    seen.add(handle);
    result.handles.push(handle);
  }

  function readLine(line: number, pasted: string): void {
    const lineText = pasted.replace(LIST_MARKER, '');
    const words = lineText.split(/[\s,;]/).filter((word) => word !== '');
    if (words.length === 1) {
      const [word] = words as [string];
      // A lone @handle or link may end with a sentence's punctuation ("@natgeo!").
      const bare = unpunctuated(word);
      const handle = parseHandleInput(word) ?? (isMarked(bare) ? parseHandleInput(bare) : null);
      return handle ? take(line, word, handle) : void result.refused.push({ line, text: word, reason: refusalFor(word) });
    }
    const handles = words.map((word) => parseHandleInput(word));
    const mixes = lineText.split(/[,;]/).some((piece) => {
      const inPiece = piece.split(/\s/).filter((word) => word !== '');
      return inPiece.some(isMarked) && !inPiece.every(isMarked);
    });
    // A list (every word a profile; a blank line is one of no words).
    if (!mixes && handles.every((handle) => handle !== null)) {
      words.forEach((word, i) => take(line, word, handles[i]!));
      return;
    }
    // Text: its @handles and links count, the rest is the sentence around them.
    const taken: Handle[] = [];
    for (const raw of words) {
      const word = unpunctuated(raw);
      if (!(word.startsWith('@') || INSTAGRAM_LINK.test(word))) continue;
      const handle = parseHandleInput(word);
      if (!handle) {
        result.refused.push({ line, text: word, reason: refusalFor(word) });
        continue;
      }
      if (!taken.includes(handle)) taken.push(handle);
      take(line, word, handle);
    }
    const shown = pasted.trim();
    result.textLines.push({ line, text: shown.length > TEXT_SHOWN ? `${shown.slice(0, TEXT_SHOWN - 1)}…` : shown, taken });
  }

  return {
    /** Reads up to `count` more lines; true once every line to read is read. */
    read(count: number): boolean {
      const end = Math.min(linesRead, next + count);
      for (; next < end; next++) readLine(next + 1, lines[next]!);
      return next >= linesRead;
    },
    result: (): ParsedPaste => result,
  };
}

/** The whole paste at once. */
export function parsePastedList(text: string): ParsedPaste {
  const reader = createPasteReader(text);
  reader.read(Infinity);
  return reader.result();
}
