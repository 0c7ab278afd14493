/**
 * Which Instagram profile a URL shows. Pure functions of their input: no
 * browser APIs and no zod, because the content script imports this file.
 */

/** First path segments that are Instagram's own routes, never a username. */
export const RESERVED_ROUTES: ReadonlySet<string> = new Set([
  'p', 'reel', 'reels', 'tv', 'stories', 'explore', 'direct', 'accounts',
  'about', 'developer', 'legal', 'privacy', 'terms', 'press', 'api', 'graphql',
  'web', 's', 'share', 'challenge', 'emails', 'session', 'oauth', 'nametag',
  'directory', 'download', 'donate', 'invites', 'integrity', 'ads', 'sem',
  'push', 'your_activity', 'archive', 'create',
  // Further routes of instagram.com's own; real accounts such as @threads or
  // @music exist, so only paths that cannot be an account belong here.
  'static', 'ajax', 'lite', 'locations', 'topics',
  // The app's deep links: /_u/<username>/ opens that profile.
  '_u',
]);

const HOSTS: ReadonlySet<string> = new Set(['www.instagram.com', 'instagram.com']);

export const HANDLE_MAX_LENGTH = 30;

/** 1–30 letters, digits, `.` and `_` (Instagram's own rule), compared lower-cased. */
export const USERNAME_PATTERN = new RegExp(`^[a-z0-9._]{1,${HANDLE_MAX_LENGTH}}$`);

declare const checked: unique symbol;

/**
 * A lower-cased Instagram username that passed `toHandle`. It is checked once,
 * where it enters (a page URL, typed input, an incoming message), and carried
 * as this type from there on: nothing else can produce one.
 */
export type Handle = string & { readonly [checked]: true };

/** The checked, lower-cased handle for `name` (any case), or null when it cannot be a username. */
export function toHandle(name: string): Handle | null {
  const lower = name.toLowerCase();
  const valid = USERNAME_PATTERN.test(lower) && !/^\.+$/.test(lower) && !RESERVED_ROUTES.has(lower);
  return valid ? (lower as Handle) : null;
}

/** True when `name` is shaped like an Instagram username (any case). */
export function isValidHandle(name: string): boolean {
  return toHandle(name) !== null;
}

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
  const handle = toHandle(text.startsWith('@') ? text.slice(1) : text);
  if (handle) return handle;
  // Anything else is read as a URL; parseProfileUrl accepts only Instagram's hosts.
  return parseProfileUrl(/^https?:\/\//i.test(text) ? text : `https://${text}`);
}
