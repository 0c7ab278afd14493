import { describe, expect, it } from 'vitest';
import { API_KEY_MAX_LENGTH, storedApiKey, validateApiKey } from '@/utils/account/api-key-validation';
import { text } from '@/utils/i18n';
import { translatorFor } from '@/test/support/locales';

const en = translatorFor('en');

const KEY = 'sk_live_4f9a8b7c6d5e4f3a2b1c';

describe('validateApiKey: accepted', () => {
  it.each<[string, string, string]>([
    ['a plain key', KEY, KEY],
    ['trailing newline from a paste', `${KEY}\n`, KEY],
    ['CRLF from a paste', `${KEY}\r\n`, KEY],
    ['surrounding spaces and tabs', `  \t${KEY} \t `, KEY],
    ['non-breaking space around', `\u00a0${KEY}\u00a0`, KEY],
    ['byte order mark in front', `\ufeff${KEY}`, KEY],
    ['test key', 'sk_test_abc', 'sk_test_abc'],
    ['exactly the maximum length', `sk_${'a'.repeat(API_KEY_MAX_LENGTH - 3)}`, `sk_${'a'.repeat(API_KEY_MAX_LENGTH - 3)}`],
  ])('%s', (_label, input, key) => {
    expect(validateApiKey(input)).toEqual({ ok: true, key, warning: null });
  });
});

describe('validateApiKey: accepted with a warning', () => {
  it.each<[string, string, string]>([
    ['no prefix', 'live_4f9a8b7c6d5e', 'live_4f9a8b7c6d5e'],
    ['prefix cut off', '_live_4f9a8b7c', '_live_4f9a8b7c'],
    ['upper-case prefix', 'SK_live_abc', 'SK_live_abc'],
    ['trimmed first', '  abc123 \n', 'abc123'],
  ])('%s', (_label, input, key) => {
    const result = validateApiKey(input);
    expect(result).toEqual({ ok: true, key, warning: text('keyNoPrefix') });
    if (result.ok) expect(en(result.warning!)).toBe('SociaVault keys start with sk_ — check you pasted the whole key.');
  });
});

describe('validateApiKey: refused', () => {
  it.each<[string, string, RegExp]>([
    ['empty', '', /^Enter your SociaVault API key\.$/],
    ['only spaces', '    ', /^Enter your SociaVault API key\.$/],
    ['only newlines', '\n\r\n', /^Enter your SociaVault API key\.$/],
    ['space inside', 'sk_live_abc def', /^An API key has no spaces/],
    ['newline inside', 'sk_live_abc\ndef', /^An API key has no spaces/],
    ['tab inside', 'sk_live_abc\tdef', /^An API key has no spaces/],
    ['two keys pasted', `${KEY} ${KEY}`, /^An API key has no spaces/],
    ['header pasted along', `X-API-Key: ${KEY}`, /^An API key has no spaces/],
    ['NUL inside', 'sk_live_abc\u0000def', /control or invisible/],
    ['bell inside', 'sk_live_abc\u0007def', /control or invisible/],
    ['DEL inside', 'sk_live_abc\u007fdef', /control or invisible/],
    ['zero-width space inside', 'sk_live_abc\u200bdef', /control or invisible/],
    ['right-to-left mark inside', 'sk_live_\u200fabc', /control or invisible/],
    ['non-ASCII letter', 'sk_live_abcé', /only plain letters/],
    ['smart quotes around', '“sk_live_abc”', /only plain letters/],
    ['too long', `sk_${'a'.repeat(API_KEY_MAX_LENGTH - 2)}`, /too long for an API key \(201 characters, at most 200\)/],
  ])('%s', (_label, input, message) => {
    const result = validateApiKey(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(en(result.message)).toMatch(message);
  });
});

describe('storedApiKey: the saved key, checked before a request carries it', () => {
  it.each<[string, unknown, string]>([
    ['a plain key', KEY, KEY],
    ['saved with a trailing newline (trimmed, as a header value is)', `${KEY}\n`, KEY],
    ['no prefix (still sent: only SociaVault can tell)', 'live_abc', 'live_abc'],
    ['exactly the maximum length', `sk_${'a'.repeat(API_KEY_MAX_LENGTH - 3)}`, `sk_${'a'.repeat(API_KEY_MAX_LENGTH - 3)}`],
  ])('%s: used', (_label, raw, key) => {
    expect(storedApiKey(raw)).toEqual({ ok: true, key });
  });

  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['null', null],
    ['empty', ''],
    ['only whitespace', ' \n\t'],
    ['a number', 12345],
    ['an object', { key: KEY }],
  ])('%s: no key', (_label, raw) => {
    expect(storedApiKey(raw)).toEqual({ ok: false, error: { kind: 'no-key' } });
  });

  it.each<[string, string, string]>([
    ['a line break inside', `${KEY}\n${KEY}`, 'spaces'],
    ['a carriage return inside', 'sk_live_a\rb', 'spaces'],
    ['a space inside', 'sk_live a', 'spaces'],
    ['NUL inside', 'sk_live_\u0000a', 'invisible'],
    ['a zero-width space', 'sk_live_\u200ba', 'invisible'],
    ['an accented letter', 'sk_live_café', 'not-ascii'],
    ['emoji', 'sk_live_🔑', 'not-ascii'],
    ['Latin-1 only (fetch would take it, SociaVault never issues it)', 'sk_live_\u00ff', 'not-ascii'],
    ['a megabyte of text', 'a'.repeat(1024 * 1024), 'too-long'],
    ['one character over the maximum', `sk_${'a'.repeat(API_KEY_MAX_LENGTH - 2)}`, 'too-long'],
  ])('%s: unusable, with why', (_label, raw, problem) => {
    expect(storedApiKey(raw)).toEqual({ ok: false, error: { kind: 'key-unusable', problem } });
  });

  it('agrees with validateApiKey: what the options page accepts, a request can carry', () => {
    for (const raw of [KEY, `${KEY} x`, 'sk_é', 'sk_\u200b', `sk_${'a'.repeat(300)}`, '  sk_x  ']) {
      expect(storedApiKey(raw).ok, JSON.stringify(raw)).toBe(validateApiKey(raw).ok);
    }
  });
});
