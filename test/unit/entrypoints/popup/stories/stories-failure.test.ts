import { describe, expect, it } from 'vitest';
import { explainStoriesFailure } from '@/entrypoints/popup/stories/stories-failure';
import { LOOKUP_ERROR_KINDS, type LookupError } from '@/utils/errors/lookup-error';
import { createTranslator } from '@/utils/i18n';
import { catalogGetMessage } from '@/test/support/locales';

const t = createTranslator(catalogGetMessage('en'));

/** One error of each kind, as the background gives them. */
const ERRORS: Record<LookupError['kind'], LookupError> = {
  'no-key': { kind: 'no-key' },
  'key-unusable': { kind: 'key-unusable', problem: 'not-ascii' },
  'invalid-handle': { kind: 'invalid-handle', input: 'x' },
  offline: { kind: 'offline' },
  'bad-request': { kind: 'bad-request', message: null },
  'key-rejected': { kind: 'key-rejected', message: null },
  'out-of-credits': { kind: 'out-of-credits', required: 1, available: 0 },
  'not-found': { kind: 'not-found' },
  'rate-limited': { kind: 'rate-limited', retryAfterSeconds: 30 },
  'server-error': { kind: 'server-error', status: 500 },
  'unexpected-status': { kind: 'unexpected-status', status: 418 },
  timeout: { kind: 'timeout', seconds: 20 },
  interrupted: { kind: 'interrupted', startedAt: 0 },
  network: { kind: 'network' },
  'bad-response': { kind: 'bad-response', detail: 'the body is not JSON' },
};

const words = (error: LookupError) => {
  const failure = explainStoriesFailure(error);
  return `${t(failure.title)} ${t(failure.detail)}`;
};

describe('explainStoriesFailure', () => {
  it('says a credit may have been used only after a timeout, an interrupted request or a paid answer that is not JSON', () => {
    const charged = LOOKUP_ERROR_KINDS.filter((kind) => /may (still )?have used a credit/.test(words(ERRORS[kind])));
    expect(charged.sort()).toEqual(['bad-response', 'interrupted', 'timeout']);
  });

  it('speaks of the highlight, not a profile, for 400 and 404', () => {
    expect(words(ERRORS['not-found'])).toMatch(/^SociaVault knows no highlight with this ID/);
    expect(words(ERRORS['bad-request'])).toMatch(/^SociaVault refused this highlight ID SociaVault did not accept the request \(HTTP 400\)\./);
    expect(words({ kind: 'bad-request', message: 'Invalid highlight id' })).toMatch(/SociaVault said: Invalid highlight id\./);
    // invalid-handle is a typed handle's error: the stories service never gives it.
    for (const kind of LOOKUP_ERROR_KINDS.filter((k) => k !== 'invalid-handle')) expect(words(ERRORS[kind]), kind).not.toMatch(/profile|@/);
  });

  it('offers to ask again only where that can help; an interrupted request is sent again on purpose', () => {
    const retry = Object.fromEntries(LOOKUP_ERROR_KINDS.map((kind) => [kind, explainStoriesFailure(ERRORS[kind]).retry]));
    expect(retry).toEqual({
      'no-key': null,
      'key-unusable': null,
      'invalid-handle': null,
      offline: 'ask',
      'bad-request': null,
      'key-rejected': null,
      'out-of-credits': null,
      'not-found': null,
      'rate-limited': 'ask',
      'server-error': 'ask',
      'unexpected-status': 'ask',
      timeout: 'ask',
      interrupted: 'resend',
      network: 'ask',
      'bad-response': 'ask',
    });
    expect(words(ERRORS.interrupted)).toMatch(/Try again · 1 credit asks once more/);
  });
});
