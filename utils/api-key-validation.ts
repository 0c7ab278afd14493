/**
 * Checks what a person typed or pasted as their SociaVault API key, before it
 * is sent to the background (which checks it again). Pure.
 */

export const API_KEY_MAX_LENGTH = 200;
export const API_KEY_PREFIX = 'sk_';

export type ApiKeyValidation =
  | { ok: true; key: string; warning: string | null }
  | { ok: false; message: string };

/** Control and invisible formatting characters (zero-width space, BOM, bidi marks…). */
const CONTROL_OR_INVISIBLE = /[\p{Cc}\p{Cf}]/u;
/** What an HTTP header value can carry without surprises: printable ASCII. */
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

export function validateApiKey(input: string): ApiKeyValidation {
  // Pasted keys often carry a newline or spaces around them.
  const key = input.trim();

  if (key.length === 0) {
    return { ok: false, message: 'Enter your SociaVault API key.' };
  }
  if (/\s/.test(key)) {
    return {
      ok: false,
      message: 'An API key has no spaces or line breaks. Check that you pasted only the key.',
    };
  }
  if (CONTROL_OR_INVISIBLE.test(key)) {
    return {
      ok: false,
      message:
        'The key contains control or invisible characters. Copy it again from the SociaVault dashboard.',
    };
  }
  if (!PRINTABLE_ASCII.test(key)) {
    return {
      ok: false,
      message:
        'An API key contains only plain letters, digits and symbols such as _ and -. Copy it again from the SociaVault dashboard.',
    };
  }
  if (key.length > API_KEY_MAX_LENGTH) {
    return {
      ok: false,
      message: `That is too long for an API key (${key.length} characters, at most ${API_KEY_MAX_LENGTH}). Check that you pasted only the key.`,
    };
  }
  if (!key.startsWith(API_KEY_PREFIX)) {
    return {
      ok: true,
      key,
      warning: 'SociaVault keys start with sk_ — check you pasted the whole key.',
    };
  }
  return { ok: true, key, warning: null };
}
