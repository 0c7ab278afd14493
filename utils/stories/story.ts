/**
 * The stories behind one highlight, as the background reads them from a
 * highlight-detail answer. Plain data: it crosses the message boundary, is
 * kept in storage and is what the stories files are written from. Ids are
 * exact decimal strings, never numbers: they exceed 2^53.
 */

export type StoryMediaType = 'photo' | 'video';

/** One story of a highlight, in the highlight's order. */
export interface Story {
  /** The story's media id: Instagram's `pk`, digits only. */
  id: string;
  mediaType: StoryMediaType;
  /** Epoch milliseconds when it was posted; null when the answer does not say. */
  takenAt: number | null;
  /** The largest photo, or the largest video for a video; an https URL. */
  mediaUrl: string | null;
  /** A small image of the story, for a list; an https URL the page still has to check before loading it. */
  thumbnailUrl: string | null;
  /** Seconds, for a video whose answer says. */
  videoDuration: number | null;
  /** Epoch milliseconds when its signed links stop working (the earliest `oe=` of its URLs); null when they do not say. */
  linksExpireAt: number | null;
}

/** What a highlight-detail answer says of one highlight. */
export interface HighlightStories {
  /** The highlight's id, digits only (never `highlight:<digits>`). */
  highlightId: string;
  /** The highlight's title, when the answer carries it. */
  title: string | null;
  /** The owner's numeric user id, when the answer carries it. */
  ownerId: string | null;
  /** The owner's username as the answer spelled it, lower-cased. */
  ownerUsername: string | null;
  /** How many stories Instagram counts in the highlight; more than `stories.length` means the answer left some out. */
  mediaCount: number | null;
  stories: Story[];
}
