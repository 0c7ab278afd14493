import { describe, expect, it } from 'vitest';
import { text } from '@/utils/i18n';
import { keyTestOutcome, shownKeyTest, type KeyTestAnswer } from '@/utils/account/key-test';
import { LOOKUP_ERROR_KINDS, type LookupError } from '@/utils/errors/lookup-error';
import { translatorFor } from '@/test/support/locales';

const en = translatorFor('en');
const pt = translatorFor('pt_BR');
const es = translatorFor('es');

const works = (credits: number, status: string | null): KeyTestAnswer => ({
  ok: true,
  balance: { credits, status, subscriptionId: null },
  at: 0,
});
const failed = (error: LookupError): KeyTestAnswer => ({ ok: false, error });
const said = (answer: KeyTestAnswer) => {
  const outcome = keyTestOutcome(answer);
  return [outcome.tone, en(outcome.text)];
};

describe('what "Test key" says', () => {
  it('a working key: the balance and the subscription status, in each language', () => {
    expect(said(works(950, 'active'))).toEqual(['success', 'Key works: 950 credits · active.']);
    expect(said(works(1, 'past_due'))).toEqual(['success', 'Key works: 1 credit · payment overdue.']);
    expect(said(works(12, null))).toEqual(['success', 'Key works: 12 credits.']);
    // A status SociaVault may add later is shown as it says it.
    expect(said(works(12, 'trialing'))).toEqual(['success', 'Key works: 12 credits · trialing.']);
    expect(pt(keyTestOutcome(works(950, 'active')).text)).toBe('A chave funciona: 950 créditos · ativa.');
    expect(es(keyTestOutcome(works(1, 'active')).text)).toBe('La clave funciona: 1 crédito · activa.');
  });

  it('a working key without credits is a warning: lookups would fail', () => {
    const [tone, words] = said(works(0, 'active'));
    expect(tone).toBe('warning');
    expect(words).toMatch(/^Key works, but this account has no credits left/);
  });

  it('a rejected key says so, with SociaVault’s own words when it gave some', () => {
    expect(said(failed({ kind: 'key-rejected', message: null }))).toEqual([
      'error',
      'SociaVault rejected this key. Copy it again from your SociaVault dashboard.',
    ]);
    expect(said(failed({ kind: 'key-rejected', message: 'Invalid API key' }))[1]).toBe(
      'SociaVault rejected this key: Invalid API key. Copy it again from your SociaVault dashboard.',
    );
    const long = said(failed({ kind: 'key-rejected', message: 'x'.repeat(500) }))[1]!;
    expect(long.length).toBeLessThan(260);
  });

  it.each<[LookupError, RegExp]>([
    [{ kind: 'network' }, /^Could not reach SociaVault, so the key was not checked\./],
    [{ kind: 'network', afterServerError: 503 }, /^Could not reach SociaVault/],
    [{ kind: 'offline' }, /^Could not reach SociaVault/],
    [{ kind: 'timeout', seconds: 20 }, /did not answer in time, so the key was not checked/],
    [{ kind: 'rate-limited', retryAfterSeconds: 5 }, /too many requests, so the key was not checked/],
    [{ kind: 'server-error', status: 503 }, /problem on its side \(HTTP 503\), so the key was not checked/],
    [{ kind: 'unexpected-status', status: 418 }, /unexpectedly \(HTTP 418\)/],
    [{ kind: 'bad-response', detail: 'the body has no credits count' }, /answer could not be read/],
  ])('%o: the key was not checked, and why', (error, words) => {
    const outcome = keyTestOutcome(failed(error));
    expect(outcome.tone).toBe('error');
    expect(en(outcome.text)).toMatch(words);
  });

  it('out of credits (402/403) means the key was accepted: a warning', () => {
    const outcome = keyTestOutcome(failed({ kind: 'out-of-credits', required: 1, available: 0 }));
    expect(outcome.tone).toBe('warning');
    expect(en(outcome.text)).toMatch(/accepted the key but says the account is out of credits/);
  });

  it('says something in every language for every kind of failure, and never that the key works', () => {
    const examples: Record<LookupError['kind'], LookupError> = {
      'no-key': { kind: 'no-key' },
      'key-unusable': { kind: 'key-unusable', problem: 'not-ascii' },
      'invalid-handle': { kind: 'invalid-handle', input: 'x' },
      offline: { kind: 'offline' },
      'bad-request': { kind: 'bad-request', message: null },
      'key-rejected': { kind: 'key-rejected', message: null },
      'out-of-credits': { kind: 'out-of-credits', required: null, available: null },
      'not-found': { kind: 'not-found' },
      'rate-limited': { kind: 'rate-limited', retryAfterSeconds: null },
      'server-error': { kind: 'server-error', status: 500 },
      'unexpected-status': { kind: 'unexpected-status', status: 302 },
      timeout: { kind: 'timeout', seconds: 20 },
      interrupted: { kind: 'interrupted', startedAt: 0 },
      network: { kind: 'network' },
      'bad-response': { kind: 'bad-response', detail: '' },
    };
    for (const kind of LOOKUP_ERROR_KINDS) {
      const outcome = keyTestOutcome(failed(examples[kind]));
      for (const t of [en, pt, es]) {
        const words = t(outcome.text);
        expect(words, `${kind}`).toMatch(/\S/);
        expect(words, `${kind}`).not.toMatch(/^(Key works|A chave funciona|La clave funciona)/);
      }
    }
  });

  it('text that cannot be a key: the background’s reason', () => {
    expect(said({ ok: false, invalid: text('keyHasSpaces') })).toEqual(['error', en('keyHasSpaces')]);
  });
});

describe('which result is shown', () => {
  const result = { key: 'sk_live_a', tone: 'success' as const, text: 'Key works: 1 credit.' };

  it('only the result for the key the field shows now', () => {
    expect(shownKeyTest(result, 'sk_live_a')).toBe(result);
    expect(shownKeyTest(result, '  sk_live_a\n')).toBe(result);
    expect(shownKeyTest(result, 'sk_live_ab')).toBeNull();
    expect(shownKeyTest(result, '')).toBeNull();
    expect(shownKeyTest(null, 'sk_live_a')).toBeNull();
  });
});
