import type { ParsedHighlights } from './highlights-response';

export const REDACTED_KEY = '[your API key]';

/**
 * The key must never be shown, copied or exported, even when an answer
 * carries it (a title, a name, a URL that echoes it). Text fields get it
 * replaced; a cover URL that carries it is not loaded at all, and an id that
 * contains it is not an id. Case is ignored: the reader lower-cases a
 * username, and a key in other letters still gives most of it away.
 */
export function withoutKey(parsed: ParsedHighlights, apiKey: string): ParsedHighlights {
  if (!apiKey) return parsed;
  const key = apiKey.toLowerCase();
  const carries = (text: string | null) => text !== null && text.toLowerCase().includes(key);
  const { highlights, ownerId, ownerUsername } = parsed;
  const anyCase = new RegExp(apiKey.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
  const redact = (text: string) => text.replace(anyCase, REDACTED_KEY);
  return {
    highlights: highlights
      .filter((h) => !carries(h.id))
      .map((h) => ({ id: h.id, title: redact(h.title), coverUrl: carries(h.coverUrl) ? null : h.coverUrl })),
    ownerId: carries(ownerId) ? null : ownerId,
    ownerUsername: carries(ownerUsername) ? null : ownerUsername,
  };
}
