/**
 * A cached answer as storage holds it, and how to read one back. Shared by
 * the background (which writes and serves them) and the popup (which may
 * paint one straight from storage): both check what they read, since storage
 * can hold anything an older version, a full disk or a hand edit left.
 */
import type { Highlight, HighlightList } from './highlight';
import type { Handle } from '../profile-url';

/** An Instagram id as the extension keeps it: digits and the few characters the API's ids carry. */
const ID = /^[0-9A-Za-z_:-]{1,64}$/;
const OWNER_ID = /^[0-9]{1,25}$/;

export function isOwnerId(value: unknown): value is string {
  return typeof value === 'string' && OWNER_ID.test(value);
}

function isHighlight(value: unknown): value is Highlight {
  if (typeof value !== 'object' || value === null) return false;
  const { id, title, coverUrl } = value as Record<string, unknown>;
  return typeof id === 'string' && ID.test(id) && typeof title === 'string' && (coverUrl === null || typeof coverUrl === 'string');
}

/** The list stored for `handle`, if it is one and well-formed; anything else is null. */
export function readCachedList(raw: unknown, handle: Handle): HighlightList | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const list = raw as Record<string, unknown>;
  if (list.handle !== handle) return null;
  if (typeof list.fetchedAt !== 'number' || !Number.isFinite(list.fetchedAt)) return null;
  if (list.ownerId !== null && !isOwnerId(list.ownerId)) return null;
  if (!Array.isArray(list.highlights) || !list.highlights.every(isHighlight)) return null;
  return raw as HighlightList;
}

/** Whether an answer fetched at `fetchedAt` may still be served. */
export function isFresh(fetchedAt: number, now: number, ttlHours: number): boolean {
  const age = now - fetchedAt;
  // A clock set backwards makes the age negative: treat that as stale, not eternal.
  return age >= 0 && age < ttlHours * 3_600_000;
}
