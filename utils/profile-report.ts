import { isValidHandle } from './profile-url';

/**
 * The messages between content script and background. Kept free of zod so the
 * content script bundle stays small; the background validates with a schema.
 */

/** Content script → background: the profile its page shows (null: none). */
export interface ProfileReport {
  type: 'profile-detected';
  /** Lower-cased handle, or null when the page shows no profile. */
  handle: string | null;
}

export function profileReport(handle: string | null): ProfileReport {
  return { type: 'profile-detected', handle };
}

/** Background → content script: which profile does the page show right now? */
export const WHICH_PROFILE = 'which-profile';

export interface WhichProfileAnswer {
  handle: string | null;
}

/** A content script's answer, checked: a valid handle, null, or undefined for anything else. */
export function handleFromAnswer(answer: unknown): string | null | undefined {
  if (typeof answer !== 'object' || answer === null || !('handle' in answer)) return undefined;
  const { handle } = answer as { handle: unknown };
  if (handle === null) return null;
  return typeof handle === 'string' && isValidHandle(handle) ? handle.toLowerCase() : undefined;
}
