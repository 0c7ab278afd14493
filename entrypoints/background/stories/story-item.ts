/**
 * One story item of a highlight-detail answer, read into a `Story`. Items
 * come in Instagram's own form (`pk`, `id` as `<pk>_<owner id>`, `taken_at`,
 * `media_type`, `image_versions2.candidates[]`, `video_versions[]`,
 * `video_duration`) or flattened by a reseller (`id`, `taken_at`,
 * `media_type`, `video_url`, `thumbnail_url`); any part may be missing.
 */
import { earliestExpiry } from '@/utils/stories/link-expiry';
import type { Story, StoryMediaType } from '@/utils/stories/story';
import { asDigits, asList, asNumber, own } from './json-parts';

/** Real signed CDN links are a few hundred characters; far longer text is no link. */
const URL_MAX_LENGTH = 8192;
/** The smallest width worth showing as a thumbnail (a row's image, on a dense screen). */
const THUMBNAIL_MIN_WIDTH = 150;
/** Posting times before Instagram existed or after 2100 are not times. */
const EARLIEST_MS = Date.UTC(2010, 0, 1);
const LATEST_MS = Date.UTC(2100, 0, 1);

interface Candidate {
  url: string;
  width: number;
  height: number;
}

/** An https link as given, or null: a link with blanks or control characters in it, or of any other scheme, is none. */
export function mediaUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > URL_MAX_LENGTH) return null;
  if (/[\u0000-\u0020\u007f-\u009f]/.test(value)) return null;
  try {
    return new URL(value).protocol === 'https:' ? value : null;
  } catch {
    return null;
  }
}

/** A size of a candidate: a positive finite number, else 0 (unknown). */
function size(value: unknown): number {
  // Number.isFinite is false for anything that is not a number: it converts nothing.
  return Number.isFinite(value) ? Math.max(0, value as number) : 0;
}

/** The usable entries of a list of `{url, width, height}`, in the answer's order. */
function candidates(list: unknown): Candidate[] {
  const out: Candidate[] = [];
  // Stryker disable next-line ArrayDeclaration: an entry that is no object has no url and is skipped, like no entry.
  for (const entry of asList(list) ?? []) {
    const url = mediaUrl(own(entry, 'url'));
    if (url !== null) out.push({ url, width: size(own(entry, 'width')), height: size(own(entry, 'height')) });
  }
  return out;
}

/** The largest by area; with no sizes given, the first (Instagram lists the largest first). */
export function largest(list: readonly Candidate[]): string | null {
  let best: Candidate | undefined;
  for (const candidate of list) {
    if (best === undefined || candidate.width * candidate.height > best.width * best.height) best = candidate;
  }
  return best?.url ?? null;
}

/** The smallest at least THUMBNAIL_MIN_WIDTH wide; else the largest there is; with no widths given, the last (the smallest). */
export function thumbnail(list: readonly Candidate[]): string | null {
  if (list.every((candidate) => candidate.width === 0)) return list.at(-1)?.url ?? null;
  let best: Candidate | undefined;
  for (const candidate of list) {
    if (candidate.width < THUMBNAIL_MIN_WIDTH) continue;
    if (best === undefined || candidate.width < best.width) best = candidate;
  }
  return best?.url ?? largest(list);
}

/** The media id: `pk`, else the part of `id` before `_` (`<pk>_<owner id>`), else `id` when it is digits. */
export function mediaId(item: unknown): string | null {
  const pk = asDigits(own(item, 'pk'));
  if (pk !== null) return pk;
  const id = own(item, 'id');
  if (typeof id === 'string') return /^([0-9]{1,30})(?:_[0-9]{1,30})?$/.exec(id)?.[1] ?? null;
  return asDigits(id);
}

/** Photo or video: as `media_type` says (1, 2, or a name), else as `is_video` says, else whether there is a video to play. */
function mediaTypeOf(item: unknown, hasVideo: boolean): StoryMediaType {
  const stated = own(item, 'media_type');
  const code = asNumber(stated);
  if (code === 1) return 'photo';
  if (code === 2) return 'video';
  if (typeof stated === 'string') {
    if (/^(photo|image|graphimage)$/i.test(stated)) return 'photo';
    if (/^(video|graphvideo)$/i.test(stated)) return 'video';
  }
  const isVideo = own(item, 'is_video');
  if (typeof isVideo === 'boolean') return isVideo ? 'video' : 'photo';
  return hasVideo ? 'video' : 'photo';
}

/** Epoch ms from Unix seconds (Instagram's form), epoch ms, or an ISO 8601 text; null outside 2010–2100. */
export function takenAtMs(value: unknown): number | null {
  // NaN when no time is given, or a date does not read: it is in no range.
  let ms = Number.NaN;
  const number = asNumber(value);
  // Stryker disable next-line EqualityOperator: 1e11 read as seconds (year 5138) or as ms (1973) is out of range either way.
  if (number !== null) ms = Math.round(number < 1e11 ? number * 1000 : number);
  else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) ms = Date.parse(value);
  return ms >= EARLIEST_MS && ms < LATEST_MS ? ms : null;
}

/** Seconds of a video, when given as a finite number that is not negative (and under a day: stories are short). */
function duration(value: unknown): number | null {
  // NaN when none is given: it is in no range.
  const seconds = asNumber(value) ?? Number.NaN;
  return seconds >= 0 && seconds < 86_400 ? seconds : null;
}

/** The first usable link among `values`. */
function firstUrl(...values: unknown[]): string | null {
  for (const value of values) {
    const url = mediaUrl(value);
    if (url !== null) return url;
  }
  return null;
}

/** One item as a story; null when it is no object or has no media id (what a story is known by). */
export function readStoryItem(item: unknown): Story | null {
  // An item that is no object has no own parts, so no media id either.
  const id = mediaId(item);
  if (id === null) return null;

  const images = candidates(own(own(item, 'image_versions2'), 'candidates'));
  const videos = candidates(own(item, 'video_versions'));
  const videoUrl = largest(videos) ?? mediaUrl(own(item, 'video_url'));
  const mediaType = mediaTypeOf(item, videoUrl !== null);
  const flatThumbnail = firstUrl(own(item, 'thumbnail_url'), own(item, 'display_url'));

  const media =
    mediaType === 'video'
      ? videoUrl
      : (largest(images) ?? firstUrl(own(item, 'display_url'), own(item, 'image_url'), own(item, 'thumbnail_url')));
  const thumbnailUrl = thumbnail(images) ?? flatThumbnail ?? (mediaType === 'photo' ? media : null);
  return {
    id,
    mediaType,
    takenAt: takenAtMs(own(item, 'taken_at') ?? own(item, 'taken_at_timestamp')),
    mediaUrl: media,
    thumbnailUrl,
    videoDuration: mediaType === 'video' ? duration(own(item, 'video_duration')) : null,
    linksExpireAt: earliestExpiry([media, thumbnailUrl]),
  };
}
