/**
 * What the popup needs to know about a failure before the full explanation
 * has loaded: the next step it offers (next-step.ts; for `edit-handle`, its
 * reducer opens the form so that the handle can be corrected), what it says
 * without a key, and the note under a mistyped handle. The full explanations
 * (error-explanation.ts) are loaded only when there is a failure to show.
 */
import { text, type Text } from '../i18n';
import type { ErrorAction } from './next-step';

export { errorAction, type ErrorAction } from './next-step';

/** What to say about a failure, as messages for the page to translate (utils/i18n.ts). */
export interface ErrorExplanation {
  /** One short line: what went wrong. */
  title: Text;
  /** One or two sentences: why, and what the person can do. */
  detail: Text;
  action: ErrorAction;
}

/** No key: the popup shows this as it opens, so it is here rather than with the other explanations. */
export const NO_KEY_EXPLANATION: ErrorExplanation = {
  title: text('errNoKeyTitle'),
  detail: text('errNoKeyDetail'),
  action: 'open-options',
};

/** Where SociaVault sells credits and shows keys. */
export const SOCIAVAULT_DASHBOARD_URL = 'https://sociavault.com/dashboard';

/** Longest piece of outside text (API message, typed input) quoted back. */
const QUOTE_MAX = 160;

/** Outside text on one line, at most `max` characters. */
export function clip(quoted: string, max = QUOTE_MAX): string {
  const oneLine = quoted.replace(/\s+/g, ' ').trim();
  const chars = Array.from(oneLine);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : oneLine;
}

/** Why typed text is no handle, quoting it. */
export function invalidHandleDetail(input: string): Text {
  const quoted = clip(input, 60);
  return quoted ? text('errInvalidHandleDetail', quoted) : text('errInvalidHandleEmpty');
}
