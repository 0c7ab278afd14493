/**
 * What is said of a run that ended by itself, on the collection page and in
 * the notification a user may ask for: the same words in both places.
 */
import type { LookupErrorKind } from '../errors/lookup-error';
import { plural, text, type Text } from '../i18n';
import { progressOf, type RunHead } from './run-record';

/**
 * What to do after a run stopped by itself; `button` is the Resume button's
 * label, `until` when SociaVault lets the run go on (a time in the reader's
 * words), for a run stopped by a long Retry-After.
 */
export function stopText(reason: LookupErrorKind | null, button: Text, until: string | null = null): Text {
  switch (reason) {
    case 'out-of-credits':
      return text('collectionStoppedCredits', button);
    case 'key-rejected':
      return text('collectionStoppedKeyRejected', button);
    case 'no-key':
      return text('collectionStoppedNoKey', button);
    case 'rate-limited':
      return until === null ? text('collectionStoppedRateLimitedSoon', button) : text('collectionStoppedRateLimited', until, button);
    default:
      return text('collectionStoppedOther', button);
  }
}

/** The notification for a run that ended by itself: its title names the collection, its body says how it ended. */
export function runEndedNotice(name: Text | string, head: RunHead, until: string | null): { title: Text; message: Text } {
  if (head.phase === 'stopped') return { title: text('collectionNoticeStopped', name), message: stopText(head.stopReason, text('collectionResume'), until) };
  const { handled, total } = progressOf(head);
  return { title: text('collectionNoticeFinished', name), message: text('collectionNoticeFinishedBody', plural('collectionProgressOf', total, handled), plural('collectionSpent', head.spent)) };
}
