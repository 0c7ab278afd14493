import { API_KEY_MAX_LENGTH, type KeyProblem } from '../account/api-key-validation';
import { plural, text, type Text } from '../i18n';
import type { LookupError } from './lookup-error';
import { clip, errorAction, invalidHandleDetail, NO_KEY_EXPLANATION, type ErrorExplanation } from './error-action';

/**
 * The words for every lookup failure. The popup loads this only once it has a
 * failure to explain (entrypoints/popup/failure-text.ts); what it needs before that
 * (the next step for a failure, the note under a mistyped handle) is in
 * error-action.ts.
 */

export type { ErrorAction, ErrorExplanation } from './error-action';

function isCount(n: number | null): n is number {
  return n !== null && Number.isFinite(n) && n >= 0;
}

/** "30 s", "2 min". */
function waitTime(seconds: number): Text {
  const s = Math.max(1, Math.ceil(seconds));
  return s < 120 ? text('durationSeconds', s) : text('durationMinutes', Math.ceil(s / 60));
}

/** An outside message on one line, ending with a full stop. */
function sentence(quoted: string): string {
  const clipped = clip(quoted);
  return /[.!?…]$/.test(clipped) ? clipped : `${clipped}.`;
}

/** What is wrong with a saved key that no request can carry. */
const KEY_PROBLEMS: Record<KeyProblem, Text> = {
  spaces: text('keyUnusableSpaces'),
  invisible: text('keyUnusableInvisible'),
  'not-ascii': text('keyUnusableNotAscii'),
  'too-long': text('keyUnusableTooLong', API_KEY_MAX_LENGTH),
};

/**
 * Plain-language title, detail and next step for every lookup failure, as
 * messages. `handle` is the lower-cased handle the lookup was for, when known.
 */
export function explainError(error: LookupError, handle: string | null): ErrorExplanation {
  return { ...explainWords(error, handle), action: errorAction(error) };
}

function explainWords(error: LookupError, handle: string | null): Omit<ErrorExplanation, 'action'> {
  switch (error.kind) {
    case 'no-key':
      return NO_KEY_EXPLANATION;

    case 'key-unusable':
      return {
        title: text('errKeyUnusableTitle'),
        detail: text('errKeyUnusableDetail', Object.hasOwn(KEY_PROBLEMS, error.problem) ? KEY_PROBLEMS[error.problem] : text('keyUnusableOther')),
      };

    case 'invalid-handle':
      return { title: text('errInvalidHandleTitle'), detail: invalidHandleDetail(error.input) };

    case 'offline':
      return { title: text('errOfflineTitle'), detail: text('errOfflineDetail') };

    case 'bad-request':
      return {
        title: handle ? text('errBadRequestTitle', handle) : text('errBadRequestTitleNoHandle'),
        detail: error.message ? text('errSociaVaultSaid', sentence(error.message)) : text('errBadRequestDetail'),
      };

    case 'key-rejected':
      return {
        title: text('errKeyRejectedTitle'),
        detail: error.message ? text('errKeyRejectedSaid', sentence(error.message)) : text('errKeyRejectedDetail'),
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
      return { title: text('errOutOfCreditsTitle'), detail };
    }

    case 'not-found':
      return {
        title: handle ? text('errNotFoundTitle', handle) : text('errNotFoundTitleNoHandle'),
        detail: text('errNotFoundDetail'),
      };

    case 'rate-limited':
      return {
        title: text('errRateLimitedTitle'),
        detail:
          error.retryAfterSeconds !== null && Number.isFinite(error.retryAfterSeconds) && error.retryAfterSeconds > 0
            ? text('errRateLimitedWait', waitTime(error.retryAfterSeconds))
            : text('errRateLimitedDetail'),
      };

    case 'server-error':
      return { title: text('errServerTitle', error.status), detail: text('errServerDetail') };

    case 'unexpected-status':
      return { title: text('errUnexpectedTitle', error.status), detail: text('errUnexpectedDetail') };

    case 'timeout':
      return { title: text('errTimeoutTitle'), detail: text('errTimeoutDetail', waitTime(error.seconds)) };

    case 'interrupted':
      return {
        title: handle ? text('errInterruptedTitle', handle) : text('errInterruptedTitleNoHandle'),
        // Names the "Try again" button by its translated label.
        detail: text('errInterruptedDetail', text('tryAgain')),
      };

    case 'network':
      return {
        title: text('errNetworkTitle'),
        detail: error.afterServerError ? text('errNetworkThrottled', error.afterServerError) : text('errNetworkDetail'),
      };

    case 'bad-response':
      return {
        title: text('errBadResponseTitle'),
        // A technical note from the parser, quoted as it is (like SociaVault's own messages).
        detail: error.detail ? text('errBadResponseDetailWith', clip(error.detail, 120)) : text('errBadResponseDetail'),
      };

    default: {
      const unknown: never = error;
      void unknown;
      return { title: text('errUnknownTitle'), detail: text('errUnknownDetail') };
    }
  }
}
