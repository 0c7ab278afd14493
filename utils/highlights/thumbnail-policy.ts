/**
 * Which cover thumbnails the popup may load. The URLs come from a third-party
 * API, so only Instagram's own image CDNs are allowed: anything else is shown
 * as a placeholder and never requested.
 */

/** Host name suffixes of Instagram's image CDNs. Matched on whole labels. */
export const THUMBNAIL_HOST_SUFFIXES: readonly string[] = ['.cdninstagram.com', '.fbcdn.net'];

/** Longer URLs are refused outright (real CDN URLs are a few hundred characters). */
export const THUMBNAIL_URL_MAX_LENGTH = 4096;

/** One or more DNS labels, each letters, digits and inner hyphens, joined by dots. */
const SUBDOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/**
 * The URL to put in an `<img src>`, normalised by the URL parser, or null when
 * the thumbnail must not be loaded. Returning the parsed form means the URL
 * that was checked is exactly the URL that gets loaded.
 */
export function safeThumbnailUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  if (url.length === 0 || url.length > THUMBNAIL_URL_MAX_LENGTH) return null;
  // The URL parser quietly strips surrounding blanks and control characters
  // and drops tabs and newlines inside; a URL that needs that is not trusted.
  if (/[\u0000-\u0020\u007f-\u009f]/.test(url)) return null;

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }

  if (parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  // The parser turns an explicit default port (:443) into ''; anything else is refused.
  if (parsed.port !== '') return null;

  const host = parsed.hostname.toLowerCase();
  const allowed = THUMBNAIL_HOST_SUFFIXES.some((suffix) => {
    if (!host.endsWith(suffix)) return false;
    const sub = host.slice(0, host.length - suffix.length);
    return sub.length > 0 && SUBDOMAIN.test(sub);
  });
  return allowed ? parsed.href : null;
}

/** Whether the popup may load this cover thumbnail. */
export function isAllowedThumbnailUrl(url: unknown): boolean {
  return safeThumbnailUrl(url) !== null;
}
