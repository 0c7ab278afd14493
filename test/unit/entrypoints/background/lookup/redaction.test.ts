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

  it('finds the key in any case: the reader lower-cases a username, and a title may shout it', () => {
    const parsed = {
      highlights: [
        { id: '1', title: `new: ${KEY.toUpperCase()}!`, coverUrl: `https://x.cdninstagram.com/${KEY.toLowerCase()}.jpg` },
      ],
      ownerId: null,
      ownerUsername: `echo_${KEY.toLowerCase()}`,
    };
    expect(withoutKey(parsed, KEY)).toEqual({
      highlights: [{ id: '1', title: `new: ${REDACTED_KEY}!`, coverUrl: null }],
      ownerId: null,
      ownerUsername: null,
    });
  });

  it('takes a key with characters that mean something in a pattern as plain text', () => {
    const key = 'sk_live_a.b+c(d)';
    const parsed = { highlights: [{ id: '1', title: `x ${key} y sk_live_aXbbc(d)`, coverUrl: null }], ownerId: null, ownerUsername: null };
    expect(withoutKey(parsed, key).highlights[0]!.title).toBe(`x ${REDACTED_KEY} y sk_live_aXbbc(d)`);
  });

  it('leaves an answer without the key as it was', () => {
    const parsed = { highlights: [{ id: '1', title: 'sk_live', coverUrl: null }], ownerId: null, ownerUsername: 'nasa' };
    expect(withoutKey(parsed, KEY)).toEqual(parsed);
  });
});

