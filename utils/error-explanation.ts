import { plural, text, type Text } from './i18n';
import type { LookupError } from './lookup-error';

/** What the popup offers as the next step after a failed lookup. */
export type ErrorAction = 'open-options' | 'retry' | 'buy-credits' | 'edit-handle' | 'none';

/** What to say about a failure, as messages for the page to translate (utils/i18n.ts). */
export interface ErrorExplanation {
  /** One short line: what went wrong. */
  title: Text;
  /** One or two sentences: why, and what the person can do. */
  detail: Text;
  action: ErrorAction;
}

/** Where SociaVault sells credits and shows keys. */
export const SOCIAVAULT_DASHBOARD_URL = 'https://sociavault.com/dashboard';

/** Longest piece of outside text (API message, typed input) quoted back. */
const QUOTE_MAX = 160;

function clip(quoted: string, max = QUOTE_MAX): string {
  const oneLine = quoted.replace(/\s+/g, ' ').trim();
  const chars = Array.from(oneLine);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : oneLine;
}

function isCount(n: number | null): n is number {
  return n !== null && Number.isFinite(n) && n >= 0;
}

/** "30 s", "2 min". */
function waitTime(seconds: number): Text {
  const s = Math.max(1, Math.ceil(seconds));
  return s < 120 ? text('durationSeconds', s) : text('durationMinutes', Math.ceil(s / 60));
}

/** Sentence ending with a full stop, from an outside message. */
function sentence(quoted: string): string {
  const clipped = clip(quoted);
  return /[.!?…]$/.test(clipped) ? clipped : `${clipped}.`;
}

/**
 * Plain-language title, detail and next step for every lookup failure, as
 * messages. `handle` is the lower-cased handle the lookup was for, when known.
 */
export function explainError(error: LookupError, handle: string | null): ErrorExplanation {
  switch (error.kind) {
    case 'no-key':
      return { title: text('errNoKeyTitle'), detail: text('errNoKeyDetail'), action: 'open-options' };

    case 'invalid-handle': {
      const input = clip(error.input, 60);
      return {
        title: text('errInvalidHandleTitle'),
        detail: input ? text('errInvalidHandleDetail', input) : text('errInvalidHandleEmpty'),
        action: 'edit-handle',
      };
    }

    case 'offline':
      return { title: text('errOfflineTitle'), detail: text('errOfflineDetail'), action: 'retry' };

    case 'bad-request':
      return {
        title: handle ? text('errBadRequestTitle', handle) : text('errBadRequestTitleNoHandle'),
        detail: error.message ? text('errSociaVaultSaid', sentence(error.message)) : text('errBadRequestDetail'),
        action: 'edit-handle',
      };

    case 'key-rejected':
      return {
        title: text('errKeyRejectedTitle'),
        detail: error.message ? text('errKeyRejectedSaid', sentence(error.message)) : text('errKeyRejectedDetail'),
        action: 'open-options',
      };

    case 'out-of-credits': {
      const { required, available } = error;
      let detail: Text;
      if (isCount(required) && isCount(available)) {
        detail = text('errCreditsNeedAndHave', plural('credits', required), plural('credits', available));
      } else if (isCount(required)) {
        detail = text('errCreditsNeed', plural('credits', required));
      } else if (isCount(available)) {
        detail = plural('errCreditsLeft', available);
      } else {
        detail = text('errCreditsNone');
      }
      return { title: text('errOutOfCreditsTitle'), detail, action: 'buy-credits' };
    }

    case 'not-found':
      return {
        title: handle ? text('errNotFoundTitle', handle) : text('errNotFoundTitleNoHandle'),
        detail: text('errNotFoundDetail'),
        action: 'edit-handle',
      };

    case 'rate-limited':
      return {
        title: text('errRateLimitedTitle'),
        detail:
          error.retryAfterSeconds !== null && Number.isFinite(error.retryAfterSeconds) && error.retryAfterSeconds > 0
            ? text('errRateLimitedWait', waitTime(error.retryAfterSeconds))
            : text('errRateLimitedDetail'),
        action: 'retry',
      };

    case 'server-error':
      return { title: text('errServerTitle', error.status), detail: text('errServerDetail'), action: 'retry' };

    case 'unexpected-status':
      return { title: text('errUnexpectedTitle', error.status), detail: text('errUnexpectedDetail'), action: 'retry' };

    case 'timeout':
      return { title: text('errTimeoutTitle'), detail: text('errTimeoutDetail', waitTime(error.seconds)), action: 'retry' };

    case 'interrupted':
      return {
        title: handle ? text('errInterruptedTitle', handle) : text('errInterruptedTitleNoHandle'),
        // The button that asks once more, by its own label.
        detail: text('errInterruptedDetail', text('tryAgain')),
        action: 'retry',
      };

    case 'network':
      return {
        title: text('errNetworkTitle'),
        detail: error.afterServerError ? text('errNetworkThrottled', error.afterServerError) : text('errNetworkDetail'),
        action: 'retry',
      };

    case 'bad-response':
      return {
        title: text('errBadResponseTitle'),
        // A technical note from the parser, quoted as it is (like SociaVault's own messages).
        detail: error.detail ? text('errBadResponseDetailWith', clip(error.detail, 120)) : text('errBadResponseDetail'),
        action: 'retry',
      };

    default: {
      const unknown: never = error;
      void unknown;
      return { title: text('errUnknownTitle'), detail: text('errUnknownDetail'), action: 'retry' };
    }
  }
}
