/**
 * The welcome after a first install: the options page opened with
 * `?welcome=1`. Shared by the background (which opens it) and the page.
 */

/** The options page's query that asks for the welcome. */
export const WELCOME_QUERY = 'welcome=1';

/** Only a first install welcomes; an update (of the extension or the browser) or a browser start opens nothing. */
export function welcomesOn(reason: string): boolean {
  return reason === 'install';
}

/** Whether the options page was opened as the welcome (`location.search`). */
export function isWelcome(search: string): boolean {
  return new URLSearchParams(search).get('welcome') === '1';
}
