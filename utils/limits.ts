/**
 * Bounds that more than one part of the extension must agree on: what a
 * page's field accepts is what the background enforces when the value
 * reaches it.
 */

/** Lists longer than this offer a filter (utils/highlights/highlight-filter.ts), loaded with the first such list. */
export const FILTER_FROM = 12;

/** Longest text the popup's lookup field accepts (a handle or a profile URL). */
export const LOOKUP_INPUT_MAX = 300;

/**
 * Longest text the options page may send as a key: longer than any key, so
 * that the background can say "too long" rather than drop the message.
 */
export const API_KEY_INPUT_MAX = 500;

/** Automatic lookups per minute, so a page that rewrites its URL in a loop cannot drain credits. */
export const AUTO_LOOKUPS_PER_MINUTE = 5;

/** The panel's size when it opens in a window of its own (pop out, context menu). */
export const PANEL_WINDOW = { width: 380, height: 640 } as const;
