/**
 * The next step the popup offers after each kind of failed lookup: apart
 * from the words (error-action.ts, error-explanation.ts), because the popup's
 * reducer needs it with the list, and the words only with a failure.
 */
import type { LookupError } from './lookup-error';

/** What the popup offers as the next step after a failed lookup. */
export type ErrorAction = 'open-options' | 'retry' | 'buy-credits' | 'edit-handle' | 'none';

const ACTIONS: { [K in LookupError['kind']]: ErrorAction } = {
  'no-key': 'open-options',
  'key-unusable': 'open-options',
  'invalid-handle': 'edit-handle',
  offline: 'retry',
  'bad-request': 'edit-handle',
  'key-rejected': 'open-options',
  'out-of-credits': 'buy-credits',
  'not-found': 'edit-handle',
  'rate-limited': 'retry',
  'server-error': 'retry',
  'unexpected-status': 'retry',
  timeout: 'retry',
  interrupted: 'retry',
  network: 'retry',
  'bad-response': 'retry',
};

/** The next step after `error`; retry for a kind this version does not know. */
export function errorAction(error: LookupError): ErrorAction {
  return Object.hasOwn(ACTIONS, error.kind) ? ACTIONS[error.kind] : 'retry';
}
