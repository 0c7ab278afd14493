/**
 * What the collection page says, decided without a browser: the estimate,
 * the time left, each profile's status and why a pasted entry or a lookup
 * was refused. Returns messages (`Text`) or, where parts are joined as a
 * list in the page's language, strings made with the page's translator.
 */
import type { CollectionRun, Estimate, RunItem } from '@/utils/collections/run-record';
import type { RefusalReason } from '@/utils/collections/collection-input';
import { plural, text, type MessageKey, type Text, type Translate } from '@/utils/i18n';
import type { LookupErrorKind } from '@/utils/errors/lookup-error';
import type { BalanceAnswer } from '@/utils/protocol';

/** Parts joined the way the language lists them ("a, b, c"; "a, b e c"). */
export function joinList(t: Translate, parts: readonly string[]): string {
  try {
    return new Intl.ListFormat(t.lang, { type: 'unit', style: 'short' }).format(parts);
  } catch {
    return parts.join(', ');
  }
}

/**
 * "40 profiles: 12 cached (free), 3 invalid (not sent), 25 lookups = 25 credits".
 * `invalid`: entries the last paste refused (they are not in the collection, so nothing is sent for them).
 */
export function estimateLine(t: Translate, estimate: Estimate, invalid: number): string {
  const parts: Text[] = [];
  if (estimate.done > 0) parts.push(plural('collectionEstimateDone', estimate.done));
  if (estimate.cached > 0) parts.push(plural('collectionEstimateCached', estimate.cached));
  if (invalid > 0) parts.push(plural('collectionEstimateInvalid', invalid));
  parts.push(plural('collectionEstimateLookups', estimate.lookups, plural('credits', estimate.lookups)));
  return t(plural('collectionEstimateLine', estimate.profiles, joinList(t, parts.map((part) => t(part)))));
}

/** What the balance says about the estimate: enough credits, too few, unknown, or why it cannot be known (no key, key rejected). */
export function balanceLine(estimate: Estimate, balance: BalanceAnswer | null): Text | null {
  if (!balance) return text('collectionBalanceUnknown');
  if (!balance.ok) {
    if (balance.error.kind === 'no-key') return text('collectionNoKey');
    if (balance.error.kind === 'key-rejected') return text('collectionKeyRejected');
    return text('collectionBalanceUnknown');
  }
  const have = plural('credits', balance.balance.credits);
  return estimate.lookups > balance.balance.credits ? text('collectionBalanceShort', have) : text('collectionBalance', have);
}

/** Whether the balance says a run cannot even begin (no key, or a key SociaVault refuses). */
export function blocksStart(balance: BalanceAnswer | null): boolean {
  return balance !== null && !balance.ok && (balance.error.kind === 'no-key' || balance.error.kind === 'key-rejected');
}

/** Where the page's own pace measurement starts: the first time it saw this stretch of the run running. */
export interface PaceMark {
  /** The run's `startedAt`: a new stretch (resumed, restarted) starts a new measurement. */
  startedAt: number;
  /** When the page saw it (epoch ms) and how many profiles were handled then. */
  at: number;
  handled: number;
}

/** Profiles handled (done or failed) and in all, as the progress bar shows them. */
export function progressOf(run: CollectionRun): { handled: number; total: number } {
  const handled = run.items.filter((item) => item.status === 'done' || item.status === 'failed').length;
  return { handled, total: run.items.length };
}

/** Milliseconds left at the pace since `mark`, or null until there is a pace to go by. */
export function timeLeftMs(mark: PaceMark | null, at: number, handled: number, total: number): number | null {
  if (!mark) return null;
  const since = handled - mark.handled;
  const elapsed = at - mark.at;
  if (since < 1 || elapsed < 1000) return null;
  return (Math.max(0, total - handled) * elapsed) / since;
}

/** "35 s" (in steps of 5), "4 min", "125 min": rounded up, so the time left is rather over than under. */
export function durationText(ms: number): Text {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return text('durationSeconds', Math.ceil(seconds / 5) * 5);
  return text('durationMinutes', Math.ceil(seconds / 60));
}

const REFUSALS: Record<RefusalReason, MessageKey> = {
  'route-word': 'collectionRefusedRouteWord',
  'not-a-profile-link': 'collectionRefusedNotProfileLink',
  'not-instagram': 'collectionRefusedNotInstagram',
  'not-a-handle': 'collectionRefusedNotHandle',
  'over-the-limit': 'collectionRefusedOverLimit',
};

/** Why a pasted entry was not taken. */
export function refusalText(reason: RefusalReason, maxEntries: number): Text {
  return reason === 'over-the-limit' ? text(REFUSALS[reason], maxEntries) : text(REFUSALS[reason]);
}

const FAILURES: Record<LookupErrorKind, MessageKey> = {
  'no-key': 'errNoKeyTitle',
  'key-unusable': 'errKeyUnusableTitle',
  'invalid-handle': 'errInvalidHandleTitle',
  offline: 'errOfflineTitle',
  'bad-request': 'errBadRequestTitleNoHandle',
  'key-rejected': 'errKeyRejectedTitle',
  'out-of-credits': 'errOutOfCreditsTitle',
  'not-found': 'errNotFoundTitleNoHandle',
  'rate-limited': 'errRateLimitedTitle',
  'server-error': 'collectionFailServer',
  'unexpected-status': 'collectionFailUnexpected',
  timeout: 'errTimeoutTitle',
  interrupted: 'collectionFailInterrupted',
  network: 'errNetworkTitle',
  'bad-response': 'errBadResponseTitle',
};

/** Why a profile's lookup failed, in a few words. */
export function failureText(kind: LookupErrorKind | null): Text {
  return text(kind && Object.hasOwn(FAILURES, kind) ? FAILURES[kind] : 'errUnknownTitle');
}

/** What the table says of a profile; `cached`: its answer is in the cache now, so the run takes it for free. */
export type ShownStatus = 'new' | 'cached' | 'queued' | 'running' | 'done' | 'failed';

export function shownStatus(item: RunItem, cached: ReadonlySet<string>): ShownStatus {
  if ((item.status === 'new' || item.status === 'cached') && cached.has(item.handle)) return 'cached';
  return item.status === 'cached' ? 'new' : item.status;
}

export function statusText(item: RunItem, cached: ReadonlySet<string>): Text {
  switch (shownStatus(item, cached)) {
    case 'new':
      return text('collectionStatusNew');
    case 'cached':
      return text('collectionStatusCached');
    case 'queued':
      return text('collectionStatusQueued');
    case 'running':
      return text('collectionStatusRunning');
    case 'done':
      return text('collectionStatusDone');
    case 'failed':
      return text('collectionStatusFailed', failureText(item.error));
  }
}

/** What to do after a run stopped by itself; `button` is the Resume button's label. */
export function stopText(reason: LookupErrorKind | null, button: Text): Text {
  switch (reason) {
    case 'out-of-credits':
      return text('collectionStoppedCredits', button);
    case 'key-rejected':
      return text('collectionStoppedKeyRejected', button);
    case 'no-key':
      return text('collectionStoppedNoKey', button);
    default:
      return text('collectionStoppedOther', button);
  }
}
