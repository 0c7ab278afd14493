/**
 * The story reader: what a highlight-detail answer says of the highlight's
 * stories. Nobody documents that answer's shape. The vendor wraps Instagram's
 * own answers in its envelope (`{success, data: {success, …}, credits_used,
 * endpoint}`), so the reader looks, in the envelope and in any `data` nested
 * in it, for each shape Instagram's APIs give a reel's items in
 * (shared/spec/NOTES.md):
 *
 * - `reels["highlight:<id>"].items[]` (the private API's `reels_media` call);
 * - `reels_media[0].items[]` (the same call; often beside `reels`);
 * - `xdt_api__v1__feed__reels_media__connection.edges[].node.items[]` (the
 *   web's GraphQL), and `xdt_api__v1__feed__reels_media.reels_media[]`;
 * - a flat `items[]`, as resellers flatten it.
 *
 * Any list may be an object keyed "0", "1", …. When nothing fits, it says so
 * rather than guessing: the answer was paid for, and the caller keeps it
 * whole for the user (`rawAnswerWithoutKey`).
 */
import { highlightIdDigits } from '@/utils/highlights/highlight-id';
import type { HighlightStories, Story } from '@/utils/stories/story';
import { asDigits, asList, asRecord, asText, own } from './json-parts';
import { readStoryItem } from './story-item';
import { storiesWithoutKey } from './story-redaction';

/** Which of the known shapes an answer was read in. */
export type StoriesShape = 'reels' | 'reels_media' | 'graphql' | 'items';

export type StoriesReading =
  | { ok: true; value: HighlightStories; shape: StoriesShape }
  /** `detail`: what did not fit, in English, for the technical note under the message. */
  | { ok: false; detail: string };

/** How deep `data` may nest inside `data`: the envelope, and a wrapped answer of Instagram's inside it. */
const MAX_DATA_DEPTH = 4;

interface Reel {
  shape: StoriesShape;
  reel: unknown;
  /** The highlight the reel names (its `id`, or its key in `reels`), as digits; null when it names none. */
  name: string | null;
}

const reelOf = (shape: StoriesShape, reel: unknown, key?: string): Reel => ({
  shape,
  reel,
  name: highlightIdDigits(own(reel, 'id')) ?? highlightIdDigits(key),
});

/** The envelope and every `data` object nested in it, outermost first. */
function levels(body: unknown): unknown[] {
  const found: unknown[] = [];
  let level: unknown = body;
  while (asRecord(level) !== null && found.length < MAX_DATA_DEPTH) {
    found.push(level);
    level = own(level, 'data');
  }
  return found;
}

/** The reels each known shape holds at one level, in the order above. */
function reelsAt(level: unknown, highlightId: string): Reel[] {
  const reels: Reel[] = [];
  const byId = asRecord(own(level, 'reels'));
  if (byId !== null) {
    // The requested highlight's own key first, in either form, then any other reel.
    const keys = new Set([`highlight:${highlightId}`, highlightId, ...Object.keys(byId)]);
    for (const key of keys) if (Object.hasOwn(byId, key)) reels.push(reelOf('reels', byId[key], key));
  }
  for (const reel of asList(own(level, 'reels_media')) ?? []) reels.push(reelOf('reels_media', reel));
  const graphql = own(level, 'xdt_api__v1__feed__reels_media__connection');
  for (const edge of asList(own(graphql, 'edges')) ?? []) reels.push(reelOf('graphql', own(edge, 'node')));
  for (const reel of asList(own(own(level, 'xdt_api__v1__feed__reels_media'), 'reels_media')) ?? []) {
    reels.push(reelOf('graphql', reel));
  }
  if (own(level, 'items') !== undefined) reels.push(reelOf('items', level));
  return reels;
}

/**
 * The known shape whose empty form a level has (Instagram's own answer for a
 * reel it shows none of), if any. Asked only when no level holds a reel, so a
 * list found here is empty.
 */
function emptyShapeAt(level: unknown): StoriesShape | null {
  if (asList(own(level, 'reels_media')) !== null) return 'reels_media';
  if (asList(own(own(level, 'xdt_api__v1__feed__reels_media__connection'), 'edges')) !== null) return 'graphql';
  return null;
}

type ReelReading = { ok: true; value: HighlightStories } | { ok: false; detail: string };

/** A reel's stories and what it says of itself; refused whole when any item is not a story, so nothing is dropped unseen. */
function readReel(reel: unknown, highlightId: string): ReelReading {
  if (asRecord(reel) === null) return { ok: false, detail: 'a reel is not an object' };
  const items = asList(own(reel, 'items'));
  if (items === null) return { ok: false, detail: 'a reel has no items list' };
  const stories: Story[] = [];
  for (const [index, item] of items.entries()) {
    const story = readStoryItem(item);
    if (story === null) return { ok: false, detail: `story ${index} has no usable media id` };
    stories.push(story);
  }
  const user = own(reel, 'user') ?? own(reel, 'owner') ?? own(items[0], 'user') ?? own(items[0], 'owner');
  const title = own(reel, 'title');
  const mediaCount = own(reel, 'media_count');
  return {
    ok: true,
    value: {
      highlightId,
      title: typeof title === 'string' ? title : null,
      ownerId: asDigits(own(user, 'pk'), 25) ?? asDigits(own(user, 'id'), 25),
      ownerUsername: asText(own(user, 'username'))?.toLowerCase() ?? null,
      // Number.isSafeInteger is false for anything that is not a number: it converts nothing.
      mediaCount: Number.isSafeInteger(mediaCount) && (mediaCount as number) >= 0 ? (mediaCount as number) : null,
      stories,
    },
  };
}

/**
 * Reads a highlight-detail answer (already parsed by `parseJsonExact`, so
 * ids past 2^53 are exact digits) for the highlight `highlightId` (either
 * form). Never throws. Of several reels, the one whose id is the requested
 * highlight's is taken first. The key is taken out of what it returns.
 */
export function readStories(body: unknown, request: { highlightId: string; apiKey: string }): StoriesReading {
  const highlightId = highlightIdDigits(request.highlightId);
  if (highlightId === null) return { ok: false, detail: 'the highlight id asked for is no highlight id' };
  const found = levels(body);
  if (found.length === 0) return { ok: false, detail: 'the body is not an object' };
  if (found.slice(0, 2).some((level) => own(level, 'success') === false)) {
    return { ok: false, detail: 'the API reported success: false' };
  }

  // A reel that names its highlight is taken only when that is the one asked
  // for: another highlight's stories must not be shown as this one's. Of the
  // rest, a reel that names the requested one comes before one that names none.
  const reels = found.flatMap((level) => reelsAt(level, highlightId));
  const requested = reels.filter((reel) => reel.name === highlightId);
  const unnamed = reels.filter((reel) => reel.name === null);
  let firstRefusal: string | null = null;
  for (const candidate of [...requested, ...unnamed]) {
    const read = readReel(candidate.reel, highlightId);
    if (read.ok) return { ok: true, value: storiesWithoutKey(read.value, request.apiKey), shape: candidate.shape };
    firstRefusal ??= read.detail;
  }
  if (firstRefusal !== null) return { ok: false, detail: firstRefusal };
  if (reels.length > 0) return { ok: false, detail: 'the answer holds the stories of another highlight' };

  for (const level of found) {
    const shape = emptyShapeAt(level);
    if (shape !== null) {
      const empty = { highlightId, title: null, ownerId: null, ownerUsername: null, mediaCount: null, stories: [] };
      return { ok: true, value: empty, shape };
    }
  }
  return { ok: false, detail: 'no reel items in any known shape' };
}
