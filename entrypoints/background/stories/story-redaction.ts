/**
 * The key out of what the story reader returns, as `lookup/redaction.ts`
 * does for lists: an answer may echo it (in a title, a name, a link). A
 * title gets it replaced. A link or a name that carries it is dropped, so it
 * is never loaded, opened or copied. A story whose id carries it is no
 * story. Matching ignores case, since usernames come lower-cased.
 */
import type { HighlightStories } from '@/utils/stories/story';
import { REDACTED_KEY } from '../lookup/redaction';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

export function storiesWithoutKey(value: HighlightStories, apiKey: string): HighlightStories {
  if (!apiKey) return value;
  const lowerKey = apiKey.toLowerCase();
  const carries = (text: string | null) => text !== null && text.toLowerCase().includes(lowerKey);
  const dropped = (url: string | null) => (carries(url) ? null : url);
  return {
    ...value,
    title: value.title === null ? null : value.title.replace(new RegExp(escapeRegExp(apiKey), 'gi'), REDACTED_KEY),
    ownerId: dropped(value.ownerId),
    ownerUsername: dropped(value.ownerUsername),
    stories: value.stories
      .filter((story) => !carries(story.id))
      .map((story) => ({ ...story, mediaUrl: dropped(story.mediaUrl), thumbnailUrl: dropped(story.thumbnailUrl) })),
  };
}

/**
 * An answer the reader could not read, as the user may copy or download it:
 * the text as SociaVault sent it, with the key replaced wherever it stands
 * as written or as JSON writes it escaped (`\/`, `\"`, `\\`).
 */
export function rawAnswerWithoutKey(text: string, apiKey: string): string {
  if (!apiKey) return text;
  const forms = new Set([apiKey, JSON.stringify(apiKey).slice(1, -1), JSON.stringify(apiKey).slice(1, -1).replace(/\//g, '\\/')]);
  let out = text;
  for (const form of forms) out = out.split(form).join(REDACTED_KEY);
  return out;
}
