import { describe, expect, it } from 'vitest';
import { REDACTED_KEY, withoutKey } from '@/entrypoints/background/lookup/redaction';

const KEY = 'sk_live_Secret123';

describe('withoutKey', () => {
  it('replaces the key in titles, drops covers, ids and owner data that carry it', () => {
    const parsed = {
      highlights: [
        { id: '1', title: `a ${KEY} b ${KEY}`, coverUrl: 'https://x.cdninstagram.com/a.jpg' },
        { id: '2', title: 'plain', coverUrl: `https://x.cdninstagram.com/a.jpg?k=${KEY}` },
        { id: `9${KEY}`, title: 'an id that carries it', coverUrl: null },
      ],
      ownerId: '123',
      ownerUsername: `echo_${KEY}`,
    };
    expect(withoutKey(parsed, KEY)).toEqual({
      highlights: [
        { id: '1', title: `a ${REDACTED_KEY} b ${REDACTED_KEY}`, coverUrl: 'https://x.cdninstagram.com/a.jpg' },
        { id: '2', title: 'plain', coverUrl: null },
      ],
      ownerId: '123',
      ownerUsername: null,
    });
  });

  it('leaves an answer without the key as it was', () => {
    const parsed = { highlights: [{ id: '1', title: 'sk_live', coverUrl: null }], ownerId: null, ownerUsername: 'nasa' };
    expect(withoutKey(parsed, KEY)).toEqual(parsed);
  });
});

