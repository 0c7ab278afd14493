import { describe, expect, it } from 'vitest';
import { createPasteReader, MAX_PASTED_LINES, parsePastedList, REFUSAL_REASONS, type ParsedPaste } from '@/utils/collections/collection-input';

/** What a paste gave: its profiles, the lines read as text with what each gave, and the refusals. */
function read(paste: string) {
  const parsed = parsePastedList(paste);
  return {
    handles: parsed.handles as string[],
    text: parsed.textLines.map((line) => [line.line, line.taken as string[]]),
    refused: parsed.refused.map((entry) => [entry.text, entry.reason]),
  };
}

describe('a pasted list of profiles, read like a person reads it', () => {
  it.each<[string, string, { handles: string[]; text?: Array<[number, string[]]>; refused?: Array<[string, string]> }]>([
    ['a handle', 'nasa', { handles: ['nasa'] }],
    ['handles in every form on one line', '@NatGeo, https://www.instagram.com/leomessi/ instagram.com/the.rock', { handles: ['natgeo', 'leomessi', 'the.rock'] }],
    ['bare handles separated by spaces', 'nasa natgeo bbcnews', { handles: ['nasa', 'natgeo', 'bbcnews'] }],
    ['bare and @handles separated by commas', 'nasa, natgeo, @emptyprofile', { handles: ['nasa', 'natgeo', 'emptyprofile'] }],
    ['a post of a profile counts as the profile', 'https://www.instagram.com/the.rock/p/C9xYz12AbCd/?img_index=1', { handles: ['the.rock'] }],
    ['a sentence: only its @handles, without the punctuation', 'Loved the shots by @nasa and @natgeo!', { handles: ['nasa', 'natgeo'], text: [[1, ['nasa', 'natgeo']]] }],
    ['a sentence of words that are all shaped like handles', 'Great shot by @nasa', { handles: ['nasa'], text: [[1, ['nasa']]] }],
    ['a sentence with no profile in it spends nothing', 'not a handle!!', { handles: [], text: [[1, []]] }],
    [
      'profile links in a sentence',
      'Check out instagram.com/nasa/ and (https://www.instagram.com/natgeo/?hl=en).',
      { handles: ['nasa', 'natgeo'], text: [[1, ['nasa', 'natgeo']]] },
    ],
    ['other punctuation after a handle', '@nasa: the best; @natgeo, @bbcnews… and @cnn?', { handles: ['nasa', 'natgeo', 'bbcnews', 'cnn'], text: [[1, ['nasa', 'natgeo', 'bbcnews', 'cnn']]] }],
    ['a sentence in Spanish', '¡Mira las fotos de @nasa!', { handles: ['nasa'], text: [[1, ['nasa']]] }],
    ['an e-mail address is no handle', 'write to me@example.com or @nasa', { handles: ['nasa'], text: [[1, ['nasa']]] }],
    ['a lone @handle with an exclamation mark', '@natgeo!', { handles: ['natgeo'] }],
    ['a lone link in brackets', '(https://www.instagram.com/nasa/)', { handles: ['nasa'] }],
    ['a bulleted list', '- nasa\n• @natgeo\n* https://instagram.com/bbcnews', { handles: ['nasa', 'natgeo', 'bbcnews'] }],
    ['a numbered list', '1. nasa\n2) @natgeo\n10. Loved @bbcnews!', { handles: ['nasa', 'natgeo', 'bbcnews'], text: [[3, ['bbcnews']]] }],
    ['a page of Instagram itself', 'explore', { handles: [], refused: [['explore', 'route-word']] }],
    ['a route named in a sentence', 'Thanks @explore and @nasa.', { handles: ['nasa'], text: [[1, ['nasa']]], refused: [['@explore', 'route-word']] }],
    ['a post link in a sentence', 'See https://www.instagram.com/p/C9xYz12AbCd/ by @nasa', { handles: ['nasa'], text: [[1, ['nasa']]], refused: [['https://www.instagram.com/p/C9xYz12AbCd/', 'not-a-profile-link']] }],
    ['a post link alone', 'https://www.instagram.com/p/C9xYz12AbCd/', { handles: [], refused: [['https://www.instagram.com/p/C9xYz12AbCd/', 'not-a-profile-link']] }],
    ['the site’s bare name alone', 'instagram.com', { handles: [], refused: [['instagram.com', 'not-a-profile-link']] }],
    ['the site’s bare name in a sentence', 'Found @nasa on instagram.com today', { handles: ['nasa'], text: [[1, ['nasa']]], refused: [['instagram.com', 'not-a-profile-link']] }],
    ['another site', 'https://example.com/nasa', { handles: [], refused: [['https://example.com/nasa', 'not-instagram']] }],
    ['a word that is no handle', 'bad!name', { handles: [], refused: [['bad!name', 'not-a-handle']] }],
    ['a name too long for Instagram', 'a'.repeat(31), { handles: [], refused: [['a'.repeat(31), 'not-a-handle']] }],
    ['a login link to a profile', 'www.instagram.com/accounts/login/?next=%2Fcristiano%2F', { handles: ['cristiano'] }],
    ['an app link', 'https://www.instagram.com/_u/samjones/', { handles: ['samjones'] }],
    ['two route words', 'explore ; reels', { handles: [], text: [[1, []]] }],
  ])('%s', (_, paste, expected) => {
    expect(read(paste)).toEqual({ text: [], refused: [], ...expected });
  });

  it('keeps each profile once, and says where every repeat is and what it repeats', () => {
    const parsed = parsePastedList('nasa\n@NASA, natgeo\ninstagram.com/nasa/tagged/\nLoved @natgeo!');
    expect(parsed.handles).toEqual(['nasa', 'natgeo']);
    expect(parsed.duplicates).toEqual([
      { line: 2, text: '@NASA', of: 'nasa' },
      { line: 3, text: 'instagram.com/nasa/tagged/', of: 'nasa' },
      { line: 4, text: '@natgeo', of: 'natgeo' },
    ]);
  });

  it('shows a line read as text as it was pasted, cut short when long', () => {
    const long = `Loved the shots by @nasa ${'and more '.repeat(20)}`;
    const [line] = parsePastedList(`\n${long}`).textLines;
    expect(line!.line).toBe(2);
    expect(line!.text).toHaveLength(80);
    expect(line!.text.endsWith('…')).toBe(true);
    expect(long.startsWith(line!.text.slice(0, -1))).toBe(true);
  });

  it(`reads ${MAX_PASTED_LINES} lines and hands the rest back as pasted, to stay in the box`, () => {
    const lines = Array.from({ length: MAX_PASTED_LINES + 3 }, (_, i) => `user${i}`);
    const parsed = parsePastedList(lines.join('\r\n'));
    expect(parsed.handles).toHaveLength(MAX_PASTED_LINES);
    expect(parsed.linesRead).toBe(MAX_PASTED_LINES);
    expect(parsed.rest).toBe('user10000\nuser10001\nuser10002');
    // A line break at the very end leaves nothing behind.
    expect(parsePastedList(`${lines.slice(0, MAX_PASTED_LINES).join('\n')}\n`).rest).toBe('');
  });

  it('reads a slice of lines at a time, to the same result as all at once', () => {
    const paste = Array.from({ length: 1_234 }, (_, i) => (i % 7 === 0 ? `Loved @user${i}!` : i % 5 === 0 ? 'explore' : `user${i % 900}`)).join('\n');
    const reader = createPasteReader(paste);
    let slices = 1;
    while (!reader.read(100)) slices++;
    expect(slices).toBe(13);
    const whole: ParsedPaste = parsePastedList(paste);
    expect(reader.result()).toEqual(whole);
  });

  it('an empty paste gives nothing', () => {
    expect(parsePastedList(' \n\n ,, ')).toEqual({ handles: [], duplicates: [], refused: [], textLines: [], linesRead: 3, rest: '' });
  });
});

describe('the edges of reading a paste', () => {
  it.each<[string, string, { handles: string[]; text?: Array<[number, string[]]>; refused?: Array<[string, string]> }]>([
    ['a link to another site, without its scheme', 'sub.example.co.uk/x', { handles: [], refused: [['sub.example.co.uk/x', 'not-instagram']] }],
    ['a site whose name ends in instagram.com', 'notinstagram.com/nasa', { handles: [], refused: [['notinstagram.com/nasa', 'not-instagram']] }],
    ['a scheme must start the word', '2a://x', { handles: [], refused: [['2a://x', 'not-a-handle']] }],
    ['an @ only counts in front of a route word', 'explore@', { handles: [], refused: [['explore@', 'not-a-handle']] }],
    ['a numbered line of one handle', '12. nasa', { handles: ['nasa'] }],
    ['an http link in a sentence', 'See http://instagram.com/nasa now', { handles: ['nasa'], text: [[1, ['nasa']]] }],
    ['a handle in two brackets', 'Loved ((@nasa))', { handles: ['nasa'], text: [[1, ['nasa']]] }],
    ['a handle named twice in one sentence is taken once', 'Loved @nasa and @nasa again', { handles: ['nasa'], text: [[1, ['nasa']]] }],
    ['a link to another site beside a bare word makes the line text', 'ftp://example.com nasa', { handles: [], text: [[1, []]] }],
    ['a bracket inside a handle is not dropped', 'Loved @na(sa', { handles: [], text: [[1, []]], refused: [['@na(sa', 'not-a-handle']] }],
  ])('%s', (_name, paste, expected) => {
    const got = read(paste);
    expect(got).toEqual({ handles: expected.handles, text: expected.text ?? [], refused: expected.refused ?? [] });
  });

  it('shows a line read as text trimmed, and cuts it at 80 characters', () => {
    expect(parsePastedList('  Loved @nasa!  ').textLines[0]!.text).toBe('Loved @nasa!');
    const exactly = `Loved @nasa ${'x'.repeat(80 - 'Loved @nasa '.length)}`;
    expect(exactly).toHaveLength(80);
    expect(parsePastedList(exactly).textLines[0]!.text).toBe(exactly);
    const longer = `${exactly}y`;
    expect(parsePastedList(longer).textLines[0]!.text).toBe(`${exactly.slice(0, 79)}…`);
  });

  it('keeps nothing in the box when all that is left after the limit is blank', () => {
    const full = Array.from({ length: MAX_PASTED_LINES }, (_, i) => `p${i}`).join('\n');
    expect(parsePastedList(`${full}\n   \n  `).rest).toBe('');
    expect(parsePastedList(`${full}\n   \nnasa`).rest).toBe('   \nnasa');
  });

  it('names every reason for a refusal, in the order the page lists them', () => {
    expect(REFUSAL_REASONS).toEqual(['route-word', 'not-a-profile-link', 'not-instagram', 'not-a-handle']);
  });
});
