/**
 * What a user does with a highlight's ID next: open it on Instagram, pass it
 * to the highlight-detail endpoint (bare or as `highlight:<id>`, both of which
 * clients use), or run that request from a terminal. The key is never in any
 * of them: the command reads it from an environment variable.
 */
const DETAIL_ENDPOINT = 'https://api.sociavault.com/v1/scrape/instagram/highlight-detail';

/** Where Instagram shows one highlight. */
export function highlightStoryUrl(id: string): string {
  return `https://www.instagram.com/stories/highlights/${encodeURIComponent(id)}/`;
}

export function highlightRef(id: string): string {
  return `highlight:${id}`;
}

/** A ready request for the next call; `$SOCIAVAULT_API_KEY` stays a placeholder for the shell to fill. */
export function detailCurl(id: string): string {
  return `curl -H "X-API-Key: $SOCIAVAULT_API_KEY" "${DETAIL_ENDPOINT}?id=${encodeURIComponent(id)}"`;
}
