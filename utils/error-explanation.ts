import type { LookupError } from './lookup-error';

/** What the popup offers as the next step after a failed lookup. */
export type ErrorAction = 'open-options' | 'retry' | 'buy-credits' | 'edit-handle' | 'none';

export interface ErrorExplanation {
  /** One short line: what went wrong. */
  title: string;
  /** One or two sentences: why, and what the person can do. */
  detail: string;
  action: ErrorAction;
}

/** Where SociaVault sells credits and shows keys. */
export const SOCIAVAULT_DASHBOARD_URL = 'https://sociavault.com/dashboard';

/** Longest piece of outside text (API message, typed input) quoted back. */
const QUOTE_MAX = 160;

function clip(text: string, max = QUOTE_MAX): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(oneLine);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : oneLine;
}

function credits(n: number): string {
  return `${n} ${n === 1 ? 'credit' : 'credits'}`;
}

function isCount(n: number | null): n is number {
  return n !== null && Number.isFinite(n) && n >= 0;
}

/** "in 30 s", "in 2 min". */
function waitTime(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  return s < 120 ? `${s} s` : `${Math.ceil(s / 60)} min`;
}

/** Sentence ending with a full stop, from an outside message. */
function sentence(text: string): string {
  const clipped = clip(text);
  return /[.!?…]$/.test(clipped) ? clipped : `${clipped}.`;
}

/**
 * Plain-language title, detail and next step for every lookup failure.
 * `handle` is the lower-cased handle the lookup was for, when known.
 */
export function explainError(error: LookupError, handle: string | null): ErrorExplanation {
  const who = handle ? `@${handle}` : 'this profile';
  const Who = handle ? `@${handle}` : 'This profile';

  switch (error.kind) {
    case 'no-key':
      return {
        title: 'A SociaVault API key is needed',
        detail:
          'Highlight Lookup gets highlights through the SociaVault API, which needs your own API key. Add it in the options.',
        action: 'open-options',
      };

    case 'invalid-handle': {
      const input = clip(error.input, 60);
      return {
        title: 'That is not an Instagram handle',
        detail: input
          ? `“${input}” is not a handle or a profile link. A handle has 1–30 letters, digits, dots or underscores.`
          : 'Enter a handle (like natgeo or @natgeo) or a profile link.',
        action: 'edit-handle',
      };
    }

    case 'offline':
      return {
        title: 'You are offline',
        detail: 'Connect to the internet and try again. No credit was used.',
        action: 'retry',
      };

    case 'bad-request':
      return {
        title: `SociaVault refused the request for ${who}`,
        detail: error.message
          ? `SociaVault said: ${sentence(error.message)}`
          : 'SociaVault did not accept the request (HTTP 400). Check the handle.',
        action: 'edit-handle',
      };

    case 'key-rejected':
      return {
        title: 'Your API key was rejected',
        detail: `${error.message ? `SociaVault said: ${sentence(error.message)} ` : ''}Check the key in the options, or copy it again from your SociaVault dashboard.`,
        action: 'open-options',
      };

    case 'out-of-credits': {
      const { required, available } = error;
      let numbers: string;
      if (isCount(required) && isCount(available)) {
        numbers = `This lookup needs ${credits(required)}; you have ${credits(available)}.`;
      } else if (isCount(required)) {
        numbers = `This lookup needs ${credits(required)}.`;
      } else if (isCount(available)) {
        numbers = `You have ${credits(available)} left.`;
      } else {
        numbers = 'Your SociaVault account has no credits left for this lookup.';
      }
      return {
        title: 'Out of credits',
        detail: `${numbers} Buy more on your SociaVault dashboard.`,
        action: 'buy-credits',
      };
    }

    case 'not-found':
      return {
        title: `${Who} was not found on Instagram`,
        detail: 'The account may be private, renamed or deleted. Check the handle.',
        action: 'edit-handle',
      };

    case 'rate-limited':
      return {
        title: 'Too many requests',
        detail:
          error.retryAfterSeconds !== null && Number.isFinite(error.retryAfterSeconds) && error.retryAfterSeconds > 0
            ? `SociaVault asks to slow down. Try again in ${waitTime(error.retryAfterSeconds)}.`
            : 'SociaVault asks to slow down. Wait a moment, then try again.',
        action: 'retry',
      };

    case 'server-error':
      return {
        title: `SociaVault is having trouble (HTTP ${error.status})`,
        detail: 'The problem is on SociaVault’s side. Try again in a few minutes.',
        action: 'retry',
      };

    case 'unexpected-status':
      return {
        title: `Unexpected answer from SociaVault (HTTP ${error.status})`,
        detail: 'Try again. If this keeps happening, SociaVault may have changed its API.',
        action: 'retry',
      };

    case 'timeout':
      return {
        title: 'SociaVault did not answer',
        detail: `No answer in ${waitTime(error.seconds)}. The request may still have used a credit.`,
        action: 'retry',
      };

    case 'interrupted':
      return {
        title: `The lookup of ${who} was interrupted`,
        detail:
          'The extension was stopped (updated, restarted or reclaimed by the browser) while it was asking SociaVault, so the answer was lost. That request may have used a credit. Try again asks once more.',
        action: 'retry',
      };

    case 'network':
      return {
        title: 'Could not reach SociaVault',
        detail: error.afterServerError
          ? `SociaVault answered with an error (HTTP ${error.afterServerError}) moments ago, and the browser holds back further requests for a short while. Try again in a minute.`
          : 'Check your connection, or whether something blocks api.sociavault.com, then try again.',
        action: 'retry',
      };

    case 'bad-response':
      return {
        title: 'SociaVault sent an answer we could not read',
        detail: error.detail
          ? `Try again later. (${clip(error.detail, 120)})`
          : 'Try again later.',
        action: 'retry',
      };

    default: {
      const unknown: never = error;
      void unknown;
      return { title: 'Something went wrong', detail: 'Try again.', action: 'retry' };
    }
  }
}
