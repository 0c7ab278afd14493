import { describe, expect, it } from 'vitest';
import { explainError as explainErrorTexts, type ErrorAction } from '@/utils/errors/error-explanation';
import { LOOKUP_ERROR_KINDS, type LookupError } from '@/utils/errors/lookup-error';
import { translatorFor } from '@/test/support/locales';

const en = translatorFor('en');

/** What the popup shows in English. */
function explainError(error: LookupError, handle: string | null) {
  const { title, detail, action } = explainErrorTexts(error, handle);
  return { title: en(title), detail: en(detail), action };
}

type Case = [label: string, error: LookupError, handle: string | null, title: RegExp, detail: RegExp, action: ErrorAction];

const cases: Case[] = [
  ['no key', { kind: 'no-key' }, 'natgeo', /API key is needed/, /Add it in the options/, 'open-options'],
  [
    'a saved key with a line break',
    { kind: 'key-unusable', problem: 'spaces' },
    'natgeo',
    /^Your saved API key cannot be used$/,
    /^It has spaces or line breaks inside\. No request can carry it, so nothing was sent\. Paste your key again in the options\.$/,
    'open-options',
  ],
  ['a saved key beyond ASCII', { kind: 'key-unusable', problem: 'not-ascii' }, null, /cannot be used/, /^It has characters other than plain letters/, 'open-options'],
  ['a saved key with invisible characters', { kind: 'key-unusable', problem: 'invisible' }, null, /cannot be used/, /^It has control or invisible/, 'open-options'],
  ['a saved megabyte of text', { kind: 'key-unusable', problem: 'too-long' }, null, /cannot be used/, /at most 200 characters\)\. No request/, 'open-options'],
  [
    'a reason this version does not know',
    { kind: 'key-unusable', problem: 'constructor' as never },
    null,
    /cannot be used/,
    /^It has something in it that no request can carry\./,
    'open-options',
  ],
  [
    'invalid handle quotes the input',
    { kind: 'invalid-handle', input: 'not a handle!' },
    null,
    /not an Instagram handle/,
    /“not a handle!” is not a handle or a profile link/,
    'edit-handle',
  ],
  ['invalid handle, empty input', { kind: 'invalid-handle', input: '   ' }, null, /not an Instagram handle/, /^Enter a handle/, 'edit-handle'],
  ['offline', { kind: 'offline' }, 'natgeo', /^You are offline$/, /No credit was used/, 'retry'],
  [
    'bad request with message',
    { kind: 'bad-request', message: 'Invalid handle parameter' },
    'natgeo',
    /^SociaVault refused the request for @natgeo$/,
    /^SociaVault said: Invalid handle parameter\.$/,
    'edit-handle',
  ],
  ['bad request without message', { kind: 'bad-request', message: null }, 'natgeo', /@natgeo/, /HTTP 400/, 'edit-handle'],
  ['bad request without handle', { kind: 'bad-request', message: null }, null, /for this profile$/, /HTTP 400/, 'edit-handle'],
  [
    'key rejected with message',
    { kind: 'key-rejected', message: 'Invalid API key' },
    'natgeo',
    /^Your API key was rejected$/,
    /SociaVault said: Invalid API key\. Check the key in the options/,
    'open-options',
  ],
  ['key rejected without message', { kind: 'key-rejected', message: null }, null, /^Your API key was rejected$/, /^Check the key in the options/, 'open-options'],
  [
    'out of credits with both numbers',
    { kind: 'out-of-credits', required: 1, available: 0 },
    'natgeo',
    /^Out of credits$/,
    /^This lookup needs 1 credit; you have 0 credits\. Buy more/,
    'buy-credits',
  ],
  [
    'out of credits, plural',
    { kind: 'out-of-credits', required: 3, available: 2 },
    'natgeo',
    /^Out of credits$/,
    /This lookup needs 3 credits; you have 2 credits\./,
    'buy-credits',
  ],
  ['out of credits, only required', { kind: 'out-of-credits', required: 1, available: null }, null, /^Out of credits$/, /^This lookup needs 1 credit\. Buy/, 'buy-credits'],
  ['out of credits, only available', { kind: 'out-of-credits', required: null, available: 0 }, null, /^Out of credits$/, /^You have 0 credits left\./, 'buy-credits'],
  ['out of credits, no numbers', { kind: 'out-of-credits', required: null, available: null }, null, /^Out of credits$/, /no credits left/, 'buy-credits'],
  ['not found', { kind: 'not-found' }, 'gone.user', /^@gone\.user was not found on Instagram$/, /private, renamed or deleted/, 'edit-handle'],
  ['not found, no handle', { kind: 'not-found' }, null, /^This profile was not found on Instagram$/, /private/, 'edit-handle'],
  ['rate limited with wait', { kind: 'rate-limited', retryAfterSeconds: 30 }, 'natgeo', /^Too many requests$/, /Try again in 30 s\./, 'retry'],
  ['rate limited, fractional wait rounds up', { kind: 'rate-limited', retryAfterSeconds: 2.2 }, null, /^Too many requests$/, /Try again in 3 s\./, 'retry'],
  ['rate limited, long wait in minutes', { kind: 'rate-limited', retryAfterSeconds: 600 }, null, /^Too many requests$/, /Try again in 10 min\./, 'retry'],
  ['rate limited without wait', { kind: 'rate-limited', retryAfterSeconds: null }, null, /^Too many requests$/, /Wait a moment/, 'retry'],
  ['rate limited, zero wait', { kind: 'rate-limited', retryAfterSeconds: 0 }, null, /^Too many requests$/, /Wait a moment/, 'retry'],
  ['server error 500', { kind: 'server-error', status: 500 }, 'natgeo', /^SociaVault is having trouble \(HTTP 500\)$/, /SociaVault’s side/, 'retry'],
  ['server error 503', { kind: 'server-error', status: 503 }, 'natgeo', /\(HTTP 503\)$/, /Try again/, 'retry'],
  ['unexpected status', { kind: 'unexpected-status', status: 418 }, 'natgeo', /HTTP 418/, /Try again/, 'retry'],
  [
    'timeout',
    { kind: 'timeout', seconds: 30 },
    'natgeo',
    /did not answer/,
    /^No answer in 30 s\. The request may still have used a credit\.$/,
    'retry',
  ],
  [
    'interrupted',
    { kind: 'interrupted', startedAt: 0 },
    'natgeo',
    /^The lookup of @natgeo was interrupted$/,
    /may have used a credit\. Try again asks once more\.$/,
    'retry',
  ],
  ['network', { kind: 'network' }, 'natgeo', /^Could not reach SociaVault$/, /api\.sociavault\.com/, 'retry'],
  [
    'bad response',
    { kind: 'bad-response', detail: 'body was not JSON' },
    'natgeo',
    /^SociaVault sent an answer we could not read$/,
    /body was not JSON/,
    'retry',
  ],
  ['bad response without detail', { kind: 'bad-response', detail: '' }, null, /could not read/, /^Try again later\.$/, 'retry'],
];

describe('explainError', () => {
  it.each(cases)('%s', (_label, error, handle, title, detail, action) => {
    const explanation = explainError(error, handle);
    expect(explanation.title).toMatch(title);
    expect(explanation.detail).toMatch(detail);
    expect(explanation.action).toBe(action);
  });

  it('covers every error kind', () => {
    const tested = new Set(cases.map(([, error]) => error.kind));
    expect([...tested].sort()).toEqual([...LOOKUP_ERROR_KINDS].sort());
  });

  it('shortens long outside text and keeps it on one line', () => {
    const long = `line one\n${'x'.repeat(1000)}`;
    const { detail } = explainError({ kind: 'bad-request', message: long }, 'natgeo');
    expect(detail).not.toContain('\n');
    expect(detail.length).toBeLessThan(200);
    expect(detail).toContain('…');
  });

  it('shortens a long typed input', () => {
    const { detail } = explainError({ kind: 'invalid-handle', input: 'y'.repeat(300) }, null);
    expect(detail.length).toBeLessThan(160);
  });

  it('does not end a message with a doubled full stop', () => {
    const { detail } = explainError({ kind: 'key-rejected', message: 'Invalid API key.' }, null);
    expect(detail).toMatch(/^SociaVault said: Invalid API key\. Check/);
  });

  it('is pure: same input, same output, plain data that can cross the message boundary', () => {
    const error: LookupError = { kind: 'timeout', seconds: 20 };
    expect(explainErrorTexts(error, 'a')).toEqual(explainErrorTexts(error, 'a'));
    expect(JSON.parse(JSON.stringify(explainErrorTexts(error, 'a')))).toEqual(explainErrorTexts(error, 'a'));
  });
});

describe('a network failure after a server error', () => {
  it('says the browser is holding requests back', () => {
    const explanation = explainError({ kind: 'network', afterServerError: 503 }, 'nasa');
    expect(explanation.detail).toMatch(/HTTP 503.*holds back further requests/);
    expect(explanation.action).toBe('retry');
  });
});

describe('what explanations say about credits', () => {
  /** Kinds where nothing was sent: only these may say that no credit was used. */
  const NOTHING_SENT = new Set(['no-key', 'key-unusable', 'invalid-handle', 'offline']);
  const samples: Record<string, LookupError> = {
    'no-key': { kind: 'no-key' },
    'key-unusable': { kind: 'key-unusable', problem: 'spaces' },
    'invalid-handle': { kind: 'invalid-handle', input: 'x y' },
    offline: { kind: 'offline' },
    'bad-request': { kind: 'bad-request', message: null },
    'key-rejected': { kind: 'key-rejected', message: null },
    'out-of-credits': { kind: 'out-of-credits', required: 1, available: 0 },
    'not-found': { kind: 'not-found' },
    'rate-limited': { kind: 'rate-limited', retryAfterSeconds: null },
    'server-error': { kind: 'server-error', status: 500 },
    'unexpected-status': { kind: 'unexpected-status', status: 418 },
    timeout: { kind: 'timeout', seconds: 20 },
    interrupted: { kind: 'interrupted', startedAt: 0 },
    network: { kind: 'network' },
    'bad-response': { kind: 'bad-response', detail: '' },
  };

  it('has a sample of every kind', () => {
    expect(Object.keys(samples).sort()).toEqual([...LOOKUP_ERROR_KINDS].sort());
  });

  it.each(Object.entries(samples).filter(([kind]) => !NOTHING_SENT.has(kind)))(
    '%s: a request may have left, so it never says that no credit was used',
    (_kind, error) => {
      const { title, detail } = explainError(error, 'nasa');
      expect(`${title} ${detail}`).not.toMatch(/no credit (was|is) used|cost nothing|free/i);
    },
  );
});
