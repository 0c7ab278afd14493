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

function segmentsOf(url: string): string[] | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (!HOSTS.has(parsed.hostname.toLowerCase())) return null;
  return parsed.pathname.split('/').filter((segment) => segment !== '');
}

/**
 * The lower-cased handle of the profile a URL shows, or null.
 * `/<user>/`, its tabs (`/<user>/tagged/` …) and posts opened from it
 * (`/<user>/p/<code>/`) count as the profile; `/stories/<user>/…` counts as
 * that user; highlight pages (`/stories/highlights/<id>/`, `/s/…`) do not.
 */
export function parseProfileUrl(url: string): Handle | null {
  const segments = segmentsOf(url);
  if (!segments || segments.length === 0) return null;
  let candidate = segments[0]!;
  if (candidate.toLowerCase() === 'stories') {
    candidate = segments[1] ?? '';
    if (candidate.toLowerCase() === 'highlights') return null;
  }
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
  if (text === '') return null;
  const handle = toHandle(text.startsWith('@') ? text.slice(1) : text);
  if (handle) return handle;
  if (/^(?:https?:\/\/)?(?:www\.)?instagram\.com(?:[/?#]|$)/i.test(text)) {
    return parseProfileUrl(/^https?:\/\//i.test(text) ? text : `https://${text}`);
  }
  return null;
}
