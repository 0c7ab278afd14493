/**
 * What an Instagram username is: the checked `Handle` type and `toHandle`,
 * which makes one. Apart from the URL parsing (profile-url.ts, which
 * re-exports all of this) so that a page that only checks handles (the
 * popup, reading its tab's answer) does not load the parsing.
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
