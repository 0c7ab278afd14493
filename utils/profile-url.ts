/**
 * Which Instagram profile a URL shows. Pure functions of their input: no
 * browser APIs and no zod, because the content script imports this file.
 */

import { toHandle, type Handle } from './handle';

export { HANDLE_MAX_LENGTH, isValidHandle, RESERVED_ROUTES, toHandle, USERNAME_PATTERN, type Handle } from './handle';

const HOSTS: ReadonlySet<string> = new Set(['www.instagram.com', 'instagram.com']);

/** An Instagram URL (http or https, with or without www), or null. */
function instagramUrl(url: string, base?: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  return HOSTS.has(parsed.hostname.toLowerCase()) ? parsed : null;
}

/** How many login walls deep a `next` is followed (a `next` may name another login page). */
const MAX_LOGIN_HOPS = 3;

/**
 * Where a login wall sends the visitor afterwards: its `next`, a path or a
 * URL on Instagram, percent-encoded once more by some redirects.
 */
function loginTarget(parsed: URL): URL | null {
  // '' when there is none: no escape to undo, and no URL to follow.
  let next = parsed.searchParams.get('next') ?? '';
  // URLSearchParams decoded it once; a doubly encoded path still reads %2F….
  for (let i = 0; /%[0-9a-f]{2}/i.test(next) && !next.includes('/') && i < 2; i++) {
    try {
      next = decodeURIComponent(next);
    } catch {
      return null;
    }
  }
  return next ? instagramUrl(next, 'https://www.instagram.com') : null;
}

/**
 * The lower-cased handle of the profile a URL shows, or null.
 * `/<user>/`, its tabs (`/<user>/tagged/` …) and posts opened from it
 * (`/<user>/p/<code>/`) count as the profile; `/stories/<user>/…` counts as
 * that user; highlight pages (`/stories/highlights/<id>/`, `/s/…`) do not.
 * The login wall a logged-out visitor meets (`/accounts/login/?next=/nasa/`)
 * counts as the profile it leads to, and the app's deep link `/_u/<user>/`
 * as that user.
 */
export function parseProfileUrl(url: string): Handle | null {
  let parsed = instagramUrl(url);
  for (let hops = 0; parsed; hops++) {
    const segments = parsed.pathname.split('/').filter((segment) => segment !== '');
    const [first, second] = segments.map((segment) => segment.toLowerCase());
    if (first !== 'accounts' || second !== 'login') return handleOfPath(segments);
    if (hops === MAX_LOGIN_HOPS) return null;
    parsed = loginTarget(parsed);
  }
  return null;
}

function handleOfPath(segments: readonly string[]): Handle | null {
  const first = segments[0]?.toLowerCase();
  // /stories/<user>/… and the app's /_u/<user>/ name the user second.
  const candidate = first === 'stories' || first === '_u' ? segments[1] : segments[0];
  if (candidate === undefined) return null;
  if (first === 'stories' && candidate.toLowerCase() === 'highlights') return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(candidate);
  } catch {
    return null;
  }
  return toHandle(decoded);
}

/**
 * What a person typed into the lookup field: `nasa`, `@NASA`, or a profile
 * URL (with or without scheme). Returns the lower-cased handle, or null.
 */
export function parseHandleInput(input: string): Handle | null {
  const text = input.trim();
  const bare = text.startsWith('@') ? text.slice(1) : text;
  // "instagram.com" has a handle's shape, but whoever writes the site's name means the site, which shows no profile.
  if (HOSTS.has(bare.toLowerCase())) return null;
  const handle = toHandle(bare);
  if (handle) return handle;
  // Anything else is read as a URL; parseProfileUrl accepts only Instagram's hosts.
  return parseProfileUrl(/^https?:\/\//i.test(text) ? text : `https://${text}`);
}
