import { describe, expect, it } from 'vitest';
import { MAX_PASTED_ENTRIES, parsePastedList } from '@/utils/collections/collection-input';

describe('a pasted list of profiles', () => {
  it('reads every form, keeps each profile once, and says why every other entry was refused', () => {
    const paste = [
      'nasa',
      '@NatGeo, https://www.instagram.com/leomessi/',
      'instagram.com/nasa/tagged/  @nasa',
      'https://www.instagram.com/p/C9xYz12AbCd/',
      'https://www.instagram.com/the.rock/p/C9xYz12AbCd/?img_index=1',
      'explore ; reels',
      'https://example.com/nasa',
      'na sa!',
      '',
      'www.instagram.com/accounts/login/?next=%2Fcristiano%2F',
      'https://www.instagram.com/_u/samjones/',
      'a'.repeat(31),
    ].join('\n');
    expect(parsePastedList(paste)).toEqual({
      handles: ['nasa', 'natgeo', 'leomessi', 'the.rock', 'na', 'cristiano', 'samjones'],
      duplicates: [
        { line: 3, text: 'instagram.com/nasa/tagged/', of: 'nasa' },
        { line: 3, text: '@nasa', of: 'nasa' },
      ],
      refused: [
        { line: 4, text: 'https://www.instagram.com/p/C9xYz12AbCd/', reason: 'not-a-profile-link' },
        { line: 6, text: 'explore', reason: 'route-word' },
        { line: 6, text: 'reels', reason: 'route-word' },
        { line: 7, text: 'https://example.com/nasa', reason: 'not-instagram' },
        { line: 8, text: 'sa!', reason: 'not-a-handle' },
        { line: 12, text: 'a'.repeat(31), reason: 'not-a-handle' },
      ],
    });
  });

  it('reads at most 1,000 entries and refuses the rest as over the limit', () => {
    const paste = Array.from({ length: MAX_PASTED_ENTRIES + 5 }, (_, i) => `user${i}`).join(',');
    const parsed = parsePastedList(paste);
    expect(parsed.handles).toHaveLength(MAX_PASTED_ENTRIES);
    expect(parsed.refused).toHaveLength(5);
    expect(parsed.refused.every((r) => r.reason === 'over-the-limit')).toBe(true);
  });

  it('an empty paste gives nothing', () => {
    expect(parsePastedList(' \n\n ,, ')).toEqual({ handles: [], duplicates: [], refused: [] });
  });
});
