import type { KeyProblem } from '../account/api-key-validation';

/**
 * Every way a lookup can fail, each one something the popup can explain and
 * offer a next step for. Plain data: it crosses the message boundary.
 */
export type LookupError =
  | { kind: 'no-key' }
  /** The saved key cannot go in a request header (see storedApiKey): nothing was sent. */
  | { kind: 'key-unusable'; problem: KeyProblem }
  | { kind: 'invalid-handle'; input: string }
  | { kind: 'offline' }
  | { kind: 'bad-request'; message: string | null }
  | { kind: 'key-rejected'; message: string | null }
  | { kind: 'out-of-credits'; required: number | null; available: number | null }
  | { kind: 'not-found' }
  | { kind: 'rate-limited'; retryAfterSeconds: number | null }
  | { kind: 'server-error'; status: number }
  | { kind: 'unexpected-status'; status: number }
  | { kind: 'timeout'; seconds: number }
  /**
   * A request for this handle had left when the extension's worker was
   * stopped (an update, a crash, the browser reclaiming it): its answer is
   * lost and it may have cost a credit. `startedAt`: epoch ms it was sent.
   */
  | { kind: 'interrupted'; startedAt: number }
  /**
   * `afterServerError`: SociaVault answered this 5xx moments before. Chrome
   * then holds back an extension's requests to it for a while, which fetch
   * reports as a plain network failure.
   */
  | { kind: 'network'; afterServerError?: number }
  | { kind: 'bad-response'; detail: string };

export type LookupErrorKind = LookupError['kind'];

/** Every kind, for exhaustive tests; `satisfies` keeps the list in step with the union. */
export const LOOKUP_ERROR_KINDS = Object.keys({
  'no-key': true,
  'key-unusable': true,
  'invalid-handle': true,
  offline: true,
  'bad-request': true,
  'key-rejected': true,
  'out-of-credits': true,
  'not-found': true,
  'rate-limited': true,
  'server-error': true,
  'unexpected-status': true,
  timeout: true,
  interrupted: true,
  network: true,
  'bad-response': true,
} satisfies Record<LookupErrorKind, true>) as LookupErrorKind[];
