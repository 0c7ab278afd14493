/**
 * Reading parts of an answer whose shape nobody documents: every access
 * checks what it finds and gives null rather than throwing. Only own
 * properties count, so a part named `constructor` or `__proto__` in an answer
 * is read as data, never as something JavaScript's objects inherit.
 */
import { orderedItems } from '../lookup/highlights-response';

export type JsonRecord = Record<string, unknown>;

/** `value` when it is a plain object (not an array), else null. */
export function asRecord(value: unknown): JsonRecord | null {
  // typeof null is 'object': null is returned as itself.
  return typeof value === 'object' && !Array.isArray(value) ? (value as JsonRecord | null) : null;
}

/** The own property `key` of `value`, when `value` is an object that has one. */
export function own(value: unknown, key: string): unknown {
  const record = asRecord(value);
  return record !== null && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * A list as the vendor may send it: an array, or an object keyed "0", "1", …
 * (put in the keys' numeric order). Null for anything else, so that an object
 * with other keys is never mistaken for an empty list.
 */
export function asList(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  const record = asRecord(value);
  return record === null ? null : orderedItems(record);
}

/** A non-empty string, else null. */
export function asText(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Digits as an id is written: a string of digits, or a whole number that exact-json.ts left as a safe number. */
export function asDigits(value: unknown, maxLength = 30): string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : null;
  if (typeof value !== 'string' || value.length > maxLength) return null;
  return /^[0-9]+$/.test(value) ? value : null;
}

/** A finite number, or a string that is one written plainly (`"14.9"`); else null. */
export function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^-?[0-9]{1,15}(\.[0-9]{1,15})?$/.test(value)) return Number(value);
  return null;
}
