import type { Handle } from '../profile-url';

/** One story highlight, normalised from the API's body. IDs are exact decimal strings, never numbers. */
export interface Highlight {
  id: string;
  title: string;
  /** Cover thumbnail as the API gave it; the popup decides whether it may load it. */
  coverUrl: string | null;
}

/** The answer for one profile, in the API's order. */
export interface HighlightList {
  /** Lower-cased Instagram handle the list belongs to. */
  handle: Handle;
  /** Numeric Instagram user id of the owner, when any highlight told us. */
  ownerId: string | null;
  highlights: Highlight[];
  /** Epoch milliseconds when the API answered. */
  fetchedAt: number;
}
