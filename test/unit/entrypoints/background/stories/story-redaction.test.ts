import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED_KEY } from '@/entrypoints/background/lookup/redaction';
import { rawAnswerWithoutKey, storiesWithoutKey } from '@/entrypoints/background/stories/story-redaction';
import type { HighlightStories, Story } from '@/utils/stories/story';

const KEY = 'sk_live_Secret123';
const story = (id: string, url: string | null = null): Story => ({
  id,
  mediaType: 'photo',
  takenAt: null,
  mediaUrl: url,
  thumbnailUrl: url,
  videoDuration: null,
  linksExpireAt: null,
});
const stories = (over: Partial<HighlightStories>): HighlightStories => ({
  highlightId: '1',
  title: 'Artemis',
  ownerId: '528817151',
  ownerUsername: 'nasa',
  mediaCount: 3,
  stories: [story('1')],
  ...over,
});

describe('storiesWithoutKey', () => {
  it('replaces the key in the title, in any case; drops links, names and stories that carry it', () => {
    const value = stories({
      title: `a ${KEY} b ${KEY.toUpperCase()}`,
      ownerUsername: `echo_${KEY.toLowerCase()}`,
      stories: [story('1', 'https://x.cdninstagram.com/a.jpg'), story('2', `https://x.cdninstagram.com/a.jpg?k=${KEY}`), story(`9${KEY}`)],
    });
    expect(storiesWithoutKey(value, KEY)).toEqual({
      ...value,
      title: `a ${REDACTED_KEY} b ${REDACTED_KEY}`,
      ownerUsername: null,
      stories: [story('1', 'https://x.cdninstagram.com/a.jpg'), story('2', null)],
    });
  });

  it('a key made of characters a pattern would read is matched as text', () => {
    const key = 'sk_a.b*c+(d)[e]$^|\\/?';
    expect(storiesWithoutKey(stories({ title: `x ${key} y sk_aXb` }), key).title).toBe(`x ${REDACTED_KEY} y sk_aXb`);
  });

  it('leaves an answer without the key as it was, and does nothing with no key', () => {
    const value = stories({ title: 'sk_live', ownerUsername: 'nasa' });
    expect(storiesWithoutKey(value, KEY)).toEqual(value);
    expect(storiesWithoutKey(stories({ title: KEY }), '')).toEqual(stories({ title: KEY }));
  });
});

describe('rawAnswerWithoutKey', () => {
  it('replaces the key as written and as JSON escapes it', () => {
    const key = 'sk_a/b"c\\d';
    const text = JSON.stringify({ a: key, b: `x${key}y` });
    expect(text).not.toContain(key); // JSON escapes the quote and the backslash
    const out = rawAnswerWithoutKey(`${text} ${key} ${JSON.stringify(key).slice(1, -1).replace(/\//g, '\\/')}`, key);
    expect(out).toBe(`{"a":"${REDACTED_KEY}","b":"x${REDACTED_KEY}y"} ${REDACTED_KEY} ${REDACTED_KEY}`);
  });

  it('keeps everything else verbatim, and the text whole without a key', () => {
    const text = '{"pk": 31791234567890123400,  "title": "sk_live"}';
    expect(rawAnswerWithoutKey(text, KEY)).toBe(text);
    expect(rawAnswerWithoutKey(`${text}${KEY}`, '')).toBe(`${text}${KEY}`);
  });

  it('never leaves the key in any text, wherever it was put', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 5 }), (parts) => {
        expect(rawAnswerWithoutKey(parts.join(KEY), KEY)).not.toContain(KEY);
      }),
    );
  });
});
