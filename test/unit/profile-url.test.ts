import { describe, expect, it } from 'vitest';
import { isValidHandle, parseHandleInput, parseProfileUrl, RESERVED_ROUTES } from '@/utils/profile-url';

// Real URL shapes seen on instagram.com, with the profile each one shows.
const urls: Array<[string, string | null]> = [
  // Profiles and their tabs
  ['https://www.instagram.com/nasa/', 'nasa'],
  ['https://www.instagram.com/nasa', 'nasa'],
  ['https://www.instagram.com/NASA/', 'nasa'],
  ['https://www.instagram.com/nasa/tagged/', 'nasa'],
  ['https://www.instagram.com/nasa/reels/', 'nasa'],
  ['https://www.instagram.com/nasa/saved/', 'nasa'],
  ['https://www.instagram.com/nasa/followers/', 'nasa'],
  ['https://www.instagram.com/nasa/following/', 'nasa'],
  ['https://www.instagram.com/nasa/guides/', 'nasa'],
  ['https://www.instagram.com/natgeo/?hl=en', 'natgeo'],
  ['https://www.instagram.com/natgeo/?utm_source=ig_web_button_share_sheet&igsh=ZDNlZDc0MzIxNw==', 'natgeo'],
  ['https://www.instagram.com/natgeo/#top', 'natgeo'],
  ['https://instagram.com/natgeo/', 'natgeo'],
  ['http://instagram.com/natgeo', 'natgeo'],
  ['https://www.instagram.com/leomessi/', 'leomessi'],
  ['https://www.instagram.com/cristiano/', 'cristiano'],
  ['https://www.instagram.com/the.rock/', 'the.rock'],
  ['https://www.instagram.com/_jane_doe_/', '_jane_doe_'],
  ['https://www.instagram.com/user.name_123/', 'user.name_123'],
  ['https://www.instagram.com/a/', 'a'],
  ['https://www.instagram.com/threads/', 'threads'],
  ['https://www.instagram.com/abcdefghijklmnopqrstuvwxyz1234/', 'abcdefghijklmnopqrstuvwxyz1234'],
  // Posts and reels opened from a profile count as that profile
  ['https://www.instagram.com/nasa/p/C9xYz12AbCd/', 'nasa'],
  ['https://www.instagram.com/nasa/reel/C9xYz12AbCd/', 'nasa'],
  ['https://www.instagram.com/nasa/p/C9xYz12AbCd/?img_index=2', 'nasa'],
  // Stories of a user count as that user
  ['https://www.instagram.com/stories/nasa/', 'nasa'],
  ['https://www.instagram.com/stories/nasa/3456789012345678901/', 'nasa'],
  ['https://www.instagram.com/stories/NatGeo/3456789012345678901/?utm_source=ig_story_item_share', 'natgeo'],
  // One highlight, not a profile
  ['https://www.instagram.com/stories/highlights/18154582366360931/', null],
  ['https://www.instagram.com/s/aGlnaGxpZ2h0OjE4MTU0NTgyMzY2MzYwOTMx?story_media_id=1', null],
  ['https://www.instagram.com/stories/', null],
  // Instagram's own routes
  ['https://www.instagram.com/', null],
  ['https://www.instagram.com', null],
  ['https://www.instagram.com/?variant=following', null],
  ['https://www.instagram.com/explore/', null],
  ['https://www.instagram.com/explore/tags/space/', null],
  ['https://www.instagram.com/explore/locations/212988663/new-york-new-york/', null],
  ['https://www.instagram.com/p/C9xYz12AbCd/', null],
  ['https://www.instagram.com/reel/C9xYz12AbCd/', null],
  ['https://www.instagram.com/reels/C9xYz12AbCd/', null],
  ['https://www.instagram.com/reels/', null],
  ['https://www.instagram.com/tv/B1234567890/', null],
  ['https://www.instagram.com/direct/inbox/', null],
  ['https://www.instagram.com/direct/t/340282366841710300949128137443944319108/', null],
  ['https://www.instagram.com/accounts/edit/', null],
  ['https://www.instagram.com/accounts/login/?next=%2Fnasa%2F', null],
  ['https://www.instagram.com/about/', null],
  ['https://www.instagram.com/legal/privacy/', null],
  ['https://www.instagram.com/developer/', null],
  ['https://www.instagram.com/your_activity/interactions/likes', null],
  ['https://www.instagram.com/archive/stories/', null],
  ['https://www.instagram.com/create/select/', null],
  ['https://www.instagram.com/challenge/?next=/nasa/', null],
  ['https://www.instagram.com/emails/settings/', null],
  ['https://www.instagram.com/web/friendships/1/follow/', null],
  ['https://www.instagram.com/graphql/query/', null],
  ['https://www.instagram.com/api/v1/users/web_profile_info/?username=nasa', null],
  ['https://www.instagram.com/static/bundles/es6/x.js', null],
  // Not usernames
  ['https://www.instagram.com/abcdefghijklmnopqrstuvwxyz12345/', null],
  ['https://www.instagram.com/na-sa/', null],
  ['https://www.instagram.com/na%20sa/', null],
  ['https://www.instagram.com/%E2%9C%A8sparkle/', null],
  ['https://www.instagram.com/%zz/', null],
  ['https://www.instagram.com/.../', null],
  ['https://www.instagram.com/nasa!/', null],
  // Not Instagram
  ['https://www.instagram.com.evil.example/nasa/', null],
  ['https://evil.example/www.instagram.com/nasa/', null],
  ['https://m.facebook.com/nasa/', null],
  ['ftp://www.instagram.com/nasa/', null],
  ['not a url', null],
  ['', null],
];

describe('parseProfileUrl', () => {
  it('has a table of at least 40 real URLs', () => {
    expect(urls.length).toBeGreaterThanOrEqual(40);
  });

  it.each(urls)('%s → %s', (url, expected) => {
    expect(parseProfileUrl(url)).toBe(expected);
  });

  it.each([...RESERVED_ROUTES])('reserved route /%s/ is never a profile', (route) => {
    expect(parseProfileUrl(`https://www.instagram.com/${route}/`)).toBeNull();
    expect(parseProfileUrl(`https://www.instagram.com/${route.toUpperCase()}/`)).toBeNull();
  });
});

describe('isValidHandle', () => {
  it.each([
    ['nasa', true],
    ['NASA', true],
    ['a'.repeat(30), true],
    ['a'.repeat(31), false],
    ['', false],
    ['na sa', false],
    ['na-sa', false],
    ['..', false],
    ['explore', false],
    ['ünicode', false],
  ])('%j → %s', (name, expected) => {
    expect(isValidHandle(name)).toBe(expected);
  });
});

describe('parseHandleInput', () => {
  it.each([
    ['nasa', 'nasa'],
    ['  NASA  ', 'nasa'],
    ['@nasa', 'nasa'],
    ['https://www.instagram.com/nasa/', 'nasa'],
    ['https://www.instagram.com/nasa/tagged/?hl=en', 'nasa'],
    ['www.instagram.com/nasa', 'nasa'],
    ['instagram.com/NatGeo/', 'natgeo'],
    ['https://www.instagram.com/stories/nasa/1/', 'nasa'],
    ['https://www.instagram.com/p/C9xYz12AbCd/', null],
    ['https://www.instagram.com/explore/', null],
    ['https://example.com/nasa', null],
    ['explore', null],
    ['@', null],
    ['', null],
    ['   ', null],
    ['nasa spaceflight', null],
    ['<script>', null],
    ['a'.repeat(31), null],
  ])('%j → %s', (input, expected) => {
    expect(parseHandleInput(input)).toBe(expected);
  });
});
