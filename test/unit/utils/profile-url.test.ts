import fc from 'fast-check';
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
  ['http://www.instagram.com/nasa/tagged/', 'nasa'],
  ['HTTP://WWW.INSTAGRAM.COM/NASA/', 'nasa'],
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
  // The login wall a logged-out visitor meets names the profile they wanted in `next`
  // (percent-encoded, sometimes twice; other parameters after it).
  ['https://www.instagram.com/accounts/login/?next=%2Fnasa%2F', 'nasa'],
  ['https://www.instagram.com/accounts/login/?next=/natgeo/', 'natgeo'],
  ['https://www.instagram.com/accounts/login/?next=%2Fnasa%2F&source=desktop_nav', 'nasa'],
  ['https://www.instagram.com/accounts/login/?next=%252Fnasa%252Ftagged%252F&source=omni_redirect', 'nasa'],
  ['https://www.instagram.com/accounts/login/?next=%2Fstories%2Fnatgeo%2F3456789012345678901%2F', 'natgeo'],
  ['https://www.instagram.com/accounts/login/?next=https%3A%2F%2Fwww.instagram.com%2Fleomessi%2F%3Figsh%3Dabc', 'leomessi'],
  ['https://www.instagram.com/accounts/login/?next=%2Fp%2FC9xYz12AbCd%2F', null],
  ['https://www.instagram.com/accounts/login/?next=%2Fexplore%2F', null],
  ['https://www.instagram.com/accounts/login/?next=https%3A%2F%2Fevil.example%2Fnasa%2F', null],
  ['https://www.instagram.com/accounts/login/', null],
  ['https://www.instagram.com/accounts/login/?next=%2Faccounts%2Flogin%2F%3Fnext%3D%252Fnasa%252F', 'nasa'],
  // Encoded three times: URLSearchParams undoes one, and two more are undone; a fourth is not.
  ['https://www.instagram.com/accounts/login/?next=%25252Fnasa%25252F', 'nasa'],
  ['https://www.instagram.com/accounts/login/?next=%2525252Fnasa%2525252F', null],
  ['https://www.instagram.com/accounts/login/?next=http%3A%2F%2Finstagram.com%2Fnatgeo%2F', 'natgeo'],
  ['https://www.instagram.com/accounts/login/?next=ftp%3A%2F%2Fwww.instagram.com%2Fnasa%2F', null],
  ['https://www.instagram.com/Accounts/Login/?next=%2Fnasa%2F', 'nasa'],
  ['https://www.instagram.com/accounts/?next=%2Fnasa%2F', null],
  ['https://www.instagram.com/accounts/login/?next=', null],
  ['https://www.instagram.com/accounts/login/?next=%zz', null],
  // Only /accounts/login/ is the wall: a profile's own /login/ is that profile.
  ['https://www.instagram.com/nasa/login/?next=%2Fnatgeo%2F', 'nasa'],
  // A stray % in next's query is left alone; an escape that cannot be undone leads nowhere.
  ['https://www.instagram.com/accounts/login/?next=nasa%3Fq%3D5%25a', 'nasa'],
  ['https://www.instagram.com/accounts/login/?next=nasa%3Fq%3D%2541%25zz', null],
  // App deep links and share links
  ['https://www.instagram.com/_u/samjones/', 'samjones'],
  ['https://www.instagram.com/_u/NASA', 'nasa'],
  ['https://www.instagram.com/_u/', null],
  // Only /stories/highlights/ is a highlight page; @highlights is a name like any other.
  ['https://www.instagram.com/_u/highlights/', 'highlights'],
  ['https://www.instagram.com/nasa/profilecard/?igsh=MWQ1ZGUxMzBkMA==', 'nasa'],
  ['https://www.instagram.com/natgeo?igshid=YmMyMTA2M2Y=', 'natgeo'],
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
  // A dot may lead or end a username; a name of dots alone is none.
  ['https://www.instagram.com/.nasa/', '.nasa'],
  ['https://www.instagram.com/nasa./', 'nasa.'],
  ['https://www.instagram.com/stories/.nasa./', '.nasa.'],
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
  it.each(urls)('%s → %s', (url, expected) => {
    expect(parseProfileUrl(url)).toBe(expected);
  });

  it.each([...RESERVED_ROUTES])('reserved route /%s/ is never a profile', (route) => {
    expect(parseProfileUrl(`https://www.instagram.com/${route}/`)).toBeNull();
    expect(parseProfileUrl(`https://www.instagram.com/${route.toUpperCase()}/`)).toBeNull();
  });
});

describe('parseProfileUrl through login walls inside login walls', () => {
  /** `/nasa/` behind `walls` login pages, each naming the next in its `next`. */
  const behindWalls = (walls: number) => {
    let path = '/nasa/';
    for (let i = 0; i < walls; i++) path = `/accounts/login/?next=${encodeURIComponent(path)}`;
    return `https://www.instagram.com${path}`;
  };

  it.each([
    [0, 'nasa'],
    [1, 'nasa'],
    [2, 'nasa'],
    [3, 'nasa'],
    [4, null],
    [10, null],
  ])('%i walls deep → %s (three at most are followed)', (walls, expected) => {
    expect(parseProfileUrl(behindWalls(walls))).toBe(expected);
  });
});

describe('parseProfileUrl over paths of route words and names', () => {
  const routes = [...RESERVED_ROUTES];
  const name = fc.stringMatching(/^[a-z0-9._]{1,30}$/);
  const segment = fc.oneof(fc.constantFrom(...routes, 'login', 'highlights', 'p', 'tagged'), name, fc.constantFrom(...routes).map((r) => r.toUpperCase()));
  const path = fc.array(segment, { minLength: 0, maxLength: 5 }).map((parts) => `/${parts.join('/')}/`);
  /** A login wall around a path, encoded 0–2 extra times. */
  const wrapped = fc.tuple(path, fc.nat(2)).map(([p, times]) => {
    let next = p;
    for (let i = 0; i < times; i++) next = encodeURIComponent(next);
    return `/accounts/login/?next=${encodeURIComponent(next)}`;
  });

  it('never returns a route word, however the path is built', () => {
    fc.assert(
      fc.property(fc.oneof(path, wrapped), (p) => {
        const handle = parseProfileUrl(`https://www.instagram.com${p}`);
        expect(handle === null || !RESERVED_ROUTES.has(handle)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('a login wall names what the path it leads to names', () => {
    fc.assert(
      fc.property(path, (p) => {
        const direct = parseProfileUrl(`https://www.instagram.com${p}`);
        expect(parseProfileUrl(`https://www.instagram.com/accounts/login/?next=${encodeURIComponent(p)}&source=x`)).toBe(direct);
      }),
      { numRuns: 1000 },
    );
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
    ['.', false],
    ['...', false],
    ['.nasa', true],
    ['nasa.', true],
    ['.n.', true],
    ['_', true],
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
    ['http://instagram.com/nasa', 'nasa'],
    ['HTTPS://INSTAGRAM.COM/NASA', 'nasa'],
    ['www.instagram.com:443/nasa', 'nasa'],
    ['instagram.com/accounts/login/?next=https://www.instagram.com/nasa/', 'nasa'],
    ['m.instagram.com/nasa', null],
    // The site's own name is the site, not a profile; a name merely like it is a handle.
    ['instagram.com', null],
    ['WWW.Instagram.COM', null],
    ['@instagram.com', null],
    ['instagram.co', 'instagram.co'],
    ['evil.example/instagram.com/nasa', null],
    ['javascript:alert(1)', null],
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
