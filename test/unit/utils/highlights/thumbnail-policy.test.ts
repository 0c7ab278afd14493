import { describe, expect, it } from 'vitest';
import { isAllowedThumbnailUrl, safeThumbnailUrl } from '@/utils/highlights/thumbnail-policy';

const allowed: string[] = [
  'https://scontent.cdninstagram.com/v/t51.2885-15/123_n.jpg?stp=dst-jpg&_nc_ht=scontent.cdninstagram.com',
  'https://scontent-ams2-1.cdninstagram.com/v/t51/abc.jpg',
  'https://instagram.fams2-1.fna.fbcdn.net/v/t51.2885-15/x.jpg?oh=00_A&oe=6600',
  'https://scontent.xx.fbcdn.net/x.jpg',
  'https://SCONTENT.CDNINSTAGRAM.COM/x.jpg',
  'https://scontent.cdninstagram.com:443/x.jpg',
  'https://a.cdninstagram.com',
  'https://scontent.cdninstagram.com/x.jpg#frag',
];

const refused: [string, unknown][] = [
  ['javascript: scheme', 'javascript:alert(1)//.cdninstagram.com'],
  ['data: URL', 'data:image/png;base64,iVBORw0KGgo='],
  ['data: svg', 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"/>'],
  ['blob: URL', 'blob:https://scontent.cdninstagram.com/uuid'],
  ['plain http', 'http://scontent.cdninstagram.com/x.jpg'],
  ['ftp', 'ftp://scontent.cdninstagram.com/x.jpg'],
  ['file', 'file:///etc/passwd'],
  ['chrome-extension', 'chrome-extension://abcdefghijklmnop/x.png'],
  ['suffix only in the path', 'https://evil.com/x.cdninstagram.com'],
  ['suffix in the query', 'https://evil.com/?h=.cdninstagram.com'],
  ['suffix in the fragment', 'https://evil.com/#.cdninstagram.com'],
  ['allowed name as a prefix', 'https://cdninstagram.com.evil.com/x.jpg'],
  ['allowed name as a prefix (fbcdn)', 'https://scontent.fbcdn.net.evil.com/x.jpg'],
  ['bare apex cdninstagram.com', 'https://cdninstagram.com/x.jpg'],
  ['bare apex fbcdn.net', 'https://fbcdn.net/x.jpg'],
  ['suffix without a dot boundary', 'https://evilcdninstagram.com/x.jpg'],
  ['suffix without a dot boundary (fbcdn)', 'https://notfbcdn.net/x.jpg'],
  ['user and password', 'https://user:pw@scontent.cdninstagram.com/x.jpg'],
  ['user only', 'https://user@scontent.cdninstagram.com/x.jpg'],
  ['allowed name as user info', 'https://scontent.cdninstagram.com@evil.com/x.jpg'],
  ['port 8443', 'https://scontent.cdninstagram.com:8443/x.jpg'],
  ['port 80 on https', 'https://scontent.cdninstagram.com:80/x.jpg'],
  ['backslash host trick', 'https://evil.com\\.cdninstagram.com/x.jpg'],
  ['trailing dot host', 'https://scontent.cdninstagram.com./x.jpg'],
  ['empty label', 'https://a..cdninstagram.com/x.jpg'],
  ['IPv4 address', 'https://157.240.1.1/x.jpg'],
  ['IPv6 address', 'https://[::1]/x.jpg'],
  ['protocol-relative', '//scontent.cdninstagram.com/x.jpg'],
  ['relative path', '/x.jpg'],
  ['leading space', ' https://scontent.cdninstagram.com/x.jpg'],
  ['trailing newline', 'https://scontent.cdninstagram.com/x.jpg\n'],
  ['tab inside the host', 'https://scontent.cdnins\ttagram.com/x.jpg'],
  ['empty string', ''],
  ['not a URL', 'scontent.cdninstagram.com/x.jpg'],
  ['too long', `https://scontent.cdninstagram.com/${'a'.repeat(5000)}`],
  ['null', null],
  ['undefined', undefined],
  ['number', 42],
  ['object', { href: 'https://scontent.cdninstagram.com/x.jpg' }],
];

describe('isAllowedThumbnailUrl', () => {
  it.each(allowed)('allows %s', (url) => {
    expect(isAllowedThumbnailUrl(url)).toBe(true);
  });

  it.each(refused)('refuses %s', (_label, url) => {
    expect(isAllowedThumbnailUrl(url)).toBe(false);
    expect(safeThumbnailUrl(url)).toBeNull();
  });
});

describe('safeThumbnailUrl', () => {
  it('returns the parsed URL, so what was checked is what loads', () => {
    expect(safeThumbnailUrl('https://SCONTENT.cdninstagram.com:443/x.jpg?a=1')).toBe(
      'https://scontent.cdninstagram.com/x.jpg?a=1',
    );
  });

  it('keeps query strings intact', () => {
    const url = 'https://scontent.cdninstagram.com/v/x.jpg?stp=c0.1.2&_nc_ht=a&oh=00_AB&oe=66A1';
    expect(safeThumbnailUrl(url)).toBe(url);
  });

  it('decodes a percent-encoded host before checking it', () => {
    // The browser would load the same decoded host; what matters is that the check sees it.
    expect(safeThumbnailUrl('https://evil.com%2F.cdninstagram.com/x.jpg')).toBeNull();
  });
});
