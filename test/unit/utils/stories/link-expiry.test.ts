import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earliestExpiry, linksExpired, linksValidUntil, signedUrlExpiry } from '@/utils/stories/link-expiry';
import type { Story } from '@/utils/stories/story';

const signed = (oe: string) => `https://scontent-iad3-1.cdninstagram.com/v/t51.2885-15/1_n.jpg?stp=dst-jpg&oe=${oe}&_nc_sid=1e20d5`;

const story = (linksExpireAt: number | null): Story => ({
  id: '1',
  mediaType: 'photo',
  takenAt: null,
  mediaUrl: null,
  thumbnailUrl: null,
  videoDuration: null,
  linksExpireAt,
});

describe('signedUrlExpiry', () => {
  it.each([
    // The vendor's documented example: 0x698ECEBF = 1770966719 = 2026-02-13T07:11:59Z.
    [signed('698ECEBF'), Date.UTC(2026, 1, 13, 7, 11, 59)],
    [signed('698ecebf'), Date.UTC(2026, 1, 13, 7, 11, 59)],
    ['https://x.fbcdn.net/v.mp4?oe=1', 1000],
    ['https://x.fbcdn.net/v.mp4?a=1&oe=FFFFFFFFFF', 0xffffffffff * 1000],
  ])('%s → %s', (url, ms) => {
    expect(signedUrlExpiry(url)).toBe(ms);
  });

  it.each([
    ['no oe', 'https://x.cdninstagram.com/a.jpg?stp=1'],
    ['an empty oe', signed('')],
    ['oe that is not hex', signed('698ECEBG')],
    ['oe too long', signed('1FFFFFFFFFF')],
    ['oe zero', signed('0')],
    ['a signed oe', signed('-1')],
    ['oe with a space', signed('%20698ECEBF')],
    ['not a URL', 'oe=698ECEBF'],
    ['an empty text', ''],
  ])('%s → null', (_name, url) => {
    expect(signedUrlExpiry(url)).toBeNull();
  });

  it('reads any hex of up to ten digits back to its seconds, never throws on any text', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 0xffffffffffn }), fc.boolean(), (seconds, upper) => {
        const hex = seconds.toString(16);
        expect(signedUrlExpiry(signed(upper ? hex.toUpperCase() : hex))).toBe(Number(seconds) * 1000);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        const expiry = signedUrlExpiry(text);
        expect(expiry === null || (Number.isSafeInteger(expiry) && expiry > 0)).toBe(true);
      }),
    );
  });
});

describe('earliest expiries', () => {
  it('earliestExpiry takes the earliest link that says, skipping those that do not', () => {
    expect(earliestExpiry([signed('698ECEBF'), null, 'https://x.fbcdn.net/a', signed('698ECEB0')])).toBe(0x698eceb0 * 1000);
    expect(earliestExpiry([null, 'https://x.fbcdn.net/a'])).toBeNull();
    // A link that does not say, after one that does, leaves the earliest as it was.
    expect(earliestExpiry([signed('698ECEBF'), null, 'https://x.fbcdn.net/a'])).toBe(0x698ecebf * 1000);
    expect(earliestExpiry([])).toBeNull();
  });

  it('linksValidUntil is the earliest story expiry; null when none says', () => {
    expect(linksValidUntil([story(3000), story(null), story(2000), story(5000)])).toBe(2000);
    expect(linksValidUntil([story(null)])).toBeNull();
    expect(linksValidUntil([story(2000), story(null)])).toBe(2000);
    expect(linksValidUntil([story(2000), story(2000), story(1)])).toBe(1);
    expect(linksValidUntil([])).toBeNull();
  });

  it('a story’s links are expired from their expiry on; links that name none are taken to work', () => {
    expect(linksExpired(story(2000), 1999)).toBe(false);
    expect(linksExpired(story(2000), 2000)).toBe(true);
    expect(linksExpired(story(2000), 2001)).toBe(true);
    expect(linksExpired(story(null), Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});
