/**
 * "Test key" on the options page, in words: what an answer to `test-key`
 * says about the key (it works, with the balance; SociaVault rejected it; or
 * it could not be checked, and why). Pure; the options page translates it.
 */
import { plural, text, type MessageKey, type Text } from '../i18n';
import type { LookupError } from '../errors/lookup-error';
import type { ResponseOf } from '../protocol';
import { subscriptionStatusText } from './balance';

export type KeyTestAnswer = ResponseOf<'test-key'>;

export interface KeyTestOutcome {
  /** success: the key works; warning: it works but lookups would fail; error: rejected, or not checked. */
  tone: 'success' | 'warning' | 'error';
  text: Text;
}

/** Longest piece of SociaVault's own words quoted back. */
const QUOTE_MAX = 160;

function quoted(message: string): string {
  const oneLine = Array.from(message.replace(/\s+/g, ' ').trim());
  const clipped = oneLine.length > QUOTE_MAX ? `${oneLine.slice(0, QUOTE_MAX - 1).join('')}…` : oneLine.join('');
  return /[.!?…]$/.test(clipped) ? clipped : `${clipped}.`;
}

function failure(error: LookupError): KeyTestOutcome {
  switch (error.kind) {
    case 'key-rejected':
      return {
        tone: 'error',
        text: error.message ? text('keyTestRejectedSaid', quoted(error.message)) : text('keyTestRejected'),
      };
    case 'out-of-credits':
      // The key was accepted (a wrong key is 401); the account has nothing to spend.
      return { tone: 'warning', text: text('keyTestOutOfCredits') };
    case 'offline':
    case 'network':
      return { tone: 'error', text: text('keyTestNetwork') };
    case 'timeout':
      return { tone: 'error', text: text('keyTestTimeout') };
    case 'rate-limited':
      return { tone: 'error', text: text('keyTestRateLimited') };
    case 'server-error':
      return { tone: 'error', text: text('keyTestServer', error.status) };
    case 'unexpected-status':
      return { tone: 'error', text: text('keyTestUnexpectedStatus', error.status) };
    default:
      // A body without a balance, or an answer /v1/credits never gives (404, 400, …).
      return { tone: 'error', text: text('keyTestUnreadable') };
  }
}

/** What a `test-key` answer says about the key. */
export function keyTestOutcome(answer: KeyTestAnswer): KeyTestOutcome {
  if (answer.ok) {
    const { credits, status } = answer.balance;
    if (credits <= 0) return { tone: 'warning', text: text('keyTestWorksNoCredits') };
    const said = subscriptionStatusText(status);
    // "Key works: 950 credits · active."
    return {
      tone: 'success',
      text: said === null ? text('keyTestWorksNoStatus', plural('credits', credits)) : text('keyTestWorks', plural('credits', credits), said),
    };
  }
  if ('invalid' in answer) return { tone: 'error', text: answer.invalid };
  return failure(answer.error);
}

/**
 * The result to show beside the key field, or null. A result (`key`: the
 * trimmed key it was for) is shown only while the field still holds that
 * key; once another key is typed over it, the result no longer applies.
 */
export function shownKeyTest<R extends { key: string }>(result: R | null, field: string): R | null {
  return result !== null && result.key === field.trim() ? result : null;
}
