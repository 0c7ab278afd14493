/**
 * Checks an API key before anything carries it: what a person typed or pasted
 * (the options page, then the background again), and the key the background
 * reads from storage before each request (which an older version or a sync
 * may have left with anything in it). Pure; what it says is a message for the
 * page to translate.
 */
import type { LookupError } from '../errors/lookup-error';
import { text, type Text } from '../i18n';

export const API_KEY_MAX_LENGTH = 200;
export const API_KEY_PREFIX = 'sk_';

export type ApiKeyValidation =
  | { ok: true; key: string; warning: Text | null }
  | { ok: false; message: Text };

/** Control and invisible formatting characters (zero-width space, BOM, bidi marks…). */
const CONTROL_OR_INVISIBLE = /[\p{Cc}\p{Cf}]/u;
/** What an HTTP header value can carry without surprises: printable ASCII. */
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

/** Why a key cannot go in the request's X-API-Key header as it is. */
export type KeyProblem = 'spaces' | 'invisible' | 'not-ascii' | 'too-long';

/** What keeps a trimmed, non-empty key out of a header, or null. */
function problemOf(key: string): KeyProblem | null {
  if (/\s/.test(key)) return 'spaces';
  if (CONTROL_OR_INVISIBLE.test(key)) return 'invisible';
  if (!PRINTABLE_ASCII.test(key)) return 'not-ascii';
  if (key.length > API_KEY_MAX_LENGTH) return 'too-long';
  return null;
}

export function validateApiKey(input: string): ApiKeyValidation {
  // Pasted keys often carry a newline or spaces around them.
  const key = input.trim();

  if (key.length === 0) {
    return { ok: false, message: text('keyEmpty') };
  }
  switch (problemOf(key)) {
    case 'spaces':
      return { ok: false, message: text('keyHasSpaces') };
    case 'invisible':
      return { ok: false, message: text('keyInvisible') };
    case 'not-ascii':
      return { ok: false, message: text('keyNotAscii') };
    case 'too-long':
      return { ok: false, message: text('keyTooLong', key.length, API_KEY_MAX_LENGTH) };
    case null:
      break;
  }
  if (!key.startsWith(API_KEY_PREFIX)) {
    return { ok: true, key, warning: text('keyNoPrefix') };
  }
  return { ok: true, key, warning: null };
}

export type StoredKey = { ok: true; key: string } | { ok: false; error: Extract<LookupError, { kind: 'no-key' | 'key-unusable' }> };

/**
 * The saved key as storage gives it, checked before any request carries it:
 * no key (nothing, or not a string), a key no header can carry (line breaks,
 * characters beyond plain ASCII, a megabyte of text), or the key trimmed as
 * validateApiKey would have saved it. Without this check fetch refuses the
 * header itself, and the popup said SociaVault could not be reached.
 */
export function storedApiKey(raw: unknown): StoredKey {
  const key = typeof raw === 'string' ? raw.trim() : '';
  if (key.length === 0) return { ok: false, error: { kind: 'no-key' } };
  const problem = problemOf(key);
  return problem ? { ok: false, error: { kind: 'key-unusable', problem } } : { ok: true, key };
}
