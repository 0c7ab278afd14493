/**
 * What the collection page says, decided without a browser: the estimate,
 * the time left, each profile's status and why a pasted entry or a lookup
 * was refused. Returns messages (`Text`) or, where parts are joined as a
 * list in the page's language, strings made with the page's translator.
 */
import { progressOf, type Estimate, type RunHead, type RunItem } from '@/utils/collections/run-record';
import type { RefusalReason, TextLine } from '@/utils/collections/collection-input';
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

/**
 * Milliseconds left at the run's measured time per profile, counted from
 * `at` (when the page last heard of the run), with a wait SociaVault asked
 * for; null until the run has measured its pace.
 */
export function timeLeftMs(head: RunHead, at: number): number | null {
  const { msPerProfile, holdUntil } = head.pace;
  if (head.phase !== 'running' || msPerProfile === null) return null;
  const { handled, total } = progressOf(head);
  return Math.max(0, total - handled) * msPerProfile + Math.max(0, (holdUntil ?? 0) - at);
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
};

/** Why a pasted entry was not taken. */
export function refusalText(reason: RefusalReason): Text {
  return text(REFUSALS[reason]);
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
  return item.status === 'new' && cached.has(item.handle) ? 'cached' : item.status;
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

/** A line of the paste read as text, and what was taken from it: "Line 4: “Loved the…” → @nasa, @natgeo". */
export function textLineText(t: Translate, line: TextLine): Text {
  return line.taken.length === 0
    ? text('collectionTextLineNothing', line.line, line.text)
    : text('collectionTextLineTaken', line.line, line.text, joinList(t, line.taken.map((handle) => `@${handle}`)));
}
