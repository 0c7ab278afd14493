import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePastedList } from '@/utils/collections/collection-input';
import { toHandle } from '@/utils/profile-url';

/** A username Instagram could have (lower case, not one of its own routes). */
const handle = fc
  .stringMatching(/^[a-z0-9_][a-z0-9._]{0,28}[a-z0-9_]$/)
  .filter((name) => toHandle(name) === name && !name.includes('..'));

/** The ways a person writes one profile in a list. */
const written = (name: string) =>
  fc.constantFrom(name, `@${name}`, name.toUpperCase(), `https://www.instagram.com/${name}/`, `instagram.com/${name}`, `https://instagram.com/${name}/p/C0de1x/`);

/** Words of a sentence that are no profile (they end in punctuation, or are too long). */
const sentenceWord = fc.constantFrom('Loved', 'photos!', 'great', 'wow!!', 'amazing.', 'by', 'and', 'the', 'thanks:', 'what?', 'superlativelylongwordthatisnohandle');
/** Punctuation after an @handle in a sentence. Not a comma: commas separate a list's entries ("nasa, natgeo, @bbc"). */
const punctuation = fc.constantFrom('', '!', '.', ')', ':', '!!', '?', '…');

describe('a pasted list, whatever it holds', () => {
  it('a list of profiles, one per line in any form, gives exactly those profiles, each once, in order', () => {
    fc.assert(
      fc.property(fc.array(handle, { minLength: 1, maxLength: 40 }).chain((names) => fc.tuple(fc.constant(names), fc.tuple(...names.map(written)))), ([names, lines]) => {
        const parsed = parsePastedList(lines.join('\n'));
        expect(parsed.handles).toEqual([...new Set(names)]);
        expect(parsed.refused).toEqual([]);
        expect(parsed.textLines).toEqual([]);
        expect(parsed.duplicates).toHaveLength(names.length - new Set(names).size);
      }),
    );
  });

  it('a sentence gives its @handles and nothing else, however they are punctuated', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(sentenceWord.map((word) => ({ word, name: null as string | null })), fc.tuple(handle, punctuation).map(([name, mark]) => ({ word: `@${name}${mark}`, name }))), { minLength: 2, maxLength: 15 }),
        (words) => {
          // A sentence: a word that is no handle, or bare words beside @handles (a list is all of one kind).
          const bare = words.filter((w) => w.name === null);
          fc.pre(bare.some((w) => toHandle(w.word) === null) || (bare.length > 0 && bare.length < words.length));
          const parsed = parsePastedList(words.map((w) => w.word).join(' '));
          const named = words.flatMap((w) => (w.name === null ? [] : [w.name]));
          expect(parsed.handles).toEqual([...new Set(named)]);
          expect(parsed.textLines).toHaveLength(1);
          expect(parsed.textLines[0]!.taken).toEqual([...new Set(named)]);
        },
      ),
    );
  });

  it('nothing is silently dropped: every line that is not blank is a profile, a repeat, a refusal or a line read as text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), handle.chain(written)), { maxLength: 30 }), (lines) => {
        const parsed = parsePastedList(lines.join('\n'));
        const accounted = new Set<number>([
          ...parsed.duplicates.map((entry) => entry.line),
          ...parsed.refused.map((entry) => entry.line),
          ...parsed.textLines.map((entry) => entry.line),
        ]);
        const blank = (line: string) => line.replace(/^\s*(?:[-*•·–—]|\d{1,5}[.)])\s+/u, '').split(/[\s,;]+/).every((word) => word === '');
        // Lines of the paste (line breaks inside a generated string count too).
        const all = lines.join('\n').split(/\r\n|\r|\n/);
        const silent = all.map((line, i) => ({ line, n: i + 1 })).filter(({ line, n }) => !blank(line) && !accounted.has(n));
        // A line neither refused, repeated nor read as text gave profiles: read alone, it gives at least one.
        for (const { line } of silent) expect(parsePastedList(line).handles.length).toBeGreaterThan(0);
        for (const taken of parsed.handles) expect(toHandle(taken)).toBe(taken);
      }),
    );
  });
});
