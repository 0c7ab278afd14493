/**
 * Checks what a person typed or pasted as their SociaVault API key, before it
 * is sent to the background (which checks it again). Pure; what it says is a
 * message for the options page to translate.
 */
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

export function validateApiKey(input: string): ApiKeyValidation {
  // Pasted keys often carry a newline or spaces around them.
  const key = input.trim();

  if (key.length === 0) {
    return { ok: false, message: text('keyEmpty') };
  }
  if (/\s/.test(key)) {
    return { ok: false, message: text('keyHasSpaces') };
  }
  if (CONTROL_OR_INVISIBLE.test(key)) {
    return { ok: false, message: text('keyInvisible') };
  }
  if (!PRINTABLE_ASCII.test(key)) {
    return { ok: false, message: text('keyNotAscii') };
  }
  if (key.length > API_KEY_MAX_LENGTH) {
    return { ok: false, message: text('keyTooLong', key.length, API_KEY_MAX_LENGTH) };
  }
  if (!key.startsWith(API_KEY_PREFIX)) {
    return { ok: true, key, warning: text('keyNoPrefix') };
  }
  return { ok: true, key, warning: null };
}
