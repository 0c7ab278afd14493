/**
 * A highlight's stories as the background keeps them in the cache and sends
 * them to the popup, and how to read one back. Storage can hold anything an
 * older version, a full disk or a hand edit left, so what is read is checked.
 */
import type { HighlightStories, Story } from './story';

/**
 * A highlight's stories are cached beside the profiles, under
 * `cache:stories:<digits>` (`cacheEntryKey` of this name): a handle never
 * holds a colon, so the two kinds of entry cannot be taken for each other.
 * Here rather than in ../storage-keys.ts, which the popup loads to open.
 */
export type StoriesCacheName = `stories:${string}`;

export function storiesCacheName(highlightId: string): StoriesCacheName {
  return `stories:${highlightId}`;
}

export const STORIES_CACHE_NAME = /^stories:[0-9]{1,64}$/;

/**
 * What a paid highlight-detail answer gave: the stories read in one of the
 * known shapes, or, when it fit none, the answer itself (the key taken out),
 * so that the credit it cost is not wasted.
 */
export type StoriesContent =
  | { kind: 'read'; stories: HighlightStories; shape: string }
  /** `raw`: the answer's text as SociaVault sent it; `detail`: what did not fit, in English, for the technical note. */
  | { kind: 'raw'; raw: string; detail: string };

export interface CachedStories {
  /** Digits only. */
  highlightId: string;
  /** Epoch ms the answer came. */
  fetchedAt: number;
  content: StoriesContent;
}

const DIGITS = /^[0-9]{1,64}$/;

const isText = (value: unknown): value is string => typeof value === 'string';
const isTextOrNull = (value: unknown) => value === null || isText(value);
// Number.isFinite is false for anything not a number: no typeof check needed.
const isNumberOrNull = (value: unknown) => value === null || Number.isFinite(value);

function isStory(value: unknown): value is Story {
  if (typeof value !== 'object' || value === null) return false;
  const story = value as Record<string, unknown>;
  return (
    isText(story.id) &&
    DIGITS.test(story.id) &&
    (story.mediaType === 'photo' || story.mediaType === 'video') &&
    isNumberOrNull(story.takenAt) &&
    isTextOrNull(story.mediaUrl) &&
    isTextOrNull(story.thumbnailUrl) &&
    isNumberOrNull(story.videoDuration) &&
    isNumberOrNull(story.linksExpireAt)
  );
}

function isHighlightStories(value: unknown, highlightId: string): value is HighlightStories {
  if (typeof value !== 'object' || value === null) return false;
  const stories = value as Record<string, unknown>;
  return (
    stories.highlightId === highlightId &&
    isTextOrNull(stories.title) &&
    isTextOrNull(stories.ownerId) &&
    isTextOrNull(stories.ownerUsername) &&
    isNumberOrNull(stories.mediaCount) &&
    Array.isArray(stories.stories) &&
    stories.stories.every(isStory)
  );
}

function isContent(value: unknown, highlightId: string): value is StoriesContent {
  if (typeof value !== 'object' || value === null) return false;
  const content = value as Record<string, unknown>;
  if (content.kind === 'read') return isText(content.shape) && isHighlightStories(content.stories, highlightId);
  return content.kind === 'raw' && isText(content.raw) && isText(content.detail);
}

/** The stories stored for `highlightId` (digits), if they are those and well-formed; anything else is null. */
export function readCachedStories(raw: unknown, highlightId: string): CachedStories | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const entry = raw as Record<string, unknown>;
  if (entry.highlightId !== highlightId || !DIGITS.test(highlightId)) return null;
  if (typeof entry.fetchedAt !== 'number' || !Number.isFinite(entry.fetchedAt)) return null;
  return isContent(entry.content, highlightId) ? (raw as CachedStories) : null;
}
