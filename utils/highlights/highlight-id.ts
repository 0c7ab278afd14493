/**
 * A highlight's id comes in two forms: bare digits, as the list endpoint
 * documents it, and `highlight:<digits>`, as Instagram's own APIs and share
 * links write it. The digits are the id: they are what the extension shows,
 * copies, links and sends.
 */

/** Ids are 17–19 digits today; 64 is the most an id the extension keeps may hold. */
const ID_FORMS = /^(?:highlight:)?([0-9]{1,64})$/;

/**
 * The digits of a highlight id given as `highlight:<digits>` or as bare
 * digits (a string, or a whole number that JSON parsing kept exact); null for
 * anything else, such as spaces, other prefixes or letters.
 */
export function highlightIdDigits(value: unknown): string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : null;
  if (typeof value !== 'string') return null;
  return ID_FORMS.exec(value)?.[1] ?? null;
}
