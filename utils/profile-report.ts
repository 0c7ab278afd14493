/**
 * The one message a content script sends. Kept free of zod so the content
 * script bundle stays small; the background validates it with a schema.
 */
export interface ProfileReport {
  type: 'profile-detected';
  /** Lower-cased handle, or null when the page shows no profile. */
  handle: string | null;
}

export function profileReport(handle: string | null): ProfileReport {
  return { type: 'profile-detected', handle };
}
