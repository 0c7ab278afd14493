/**
 * Instagram's media links are signed and stop working after a while: the
 * `oe=` query parameter is the expiry, as Unix seconds in hexadecimal. A
 * stories list outlives its links, so the page says until when they work and
 * marks them expired afterwards.
 */
import type { Story } from './story';

/** Eight hex digits reach the year 2106; a few more are allowed, not a run of them. */
const HEX_SECONDS = /^[0-9a-fA-F]{1,10}$/;

/** Epoch milliseconds when a signed link expires, from its `oe=` parameter; null when it has none that reads. */
export function signedUrlExpiry(url: string): number | null {
  let oe: string | null;
  try {
    oe = new URL(url).searchParams.get('oe');
  } catch {
    return null;
  }
  if (oe === null || !HEX_SECONDS.test(oe)) return null;
  const seconds = Number.parseInt(oe, 16);
  return seconds > 0 ? seconds * 1000 : null;
}

/** The earliest expiry among `urls`; null when none says. */
export function earliestExpiry(urls: ReadonlyArray<string | null>): number | null {
  let earliest: number | null = null;
  for (const url of urls) {
    const expiry = url === null ? null : signedUrlExpiry(url);
    if (expiry !== null && (earliest === null || expiry < earliest)) earliest = expiry;
  }
  return earliest;
}

/** Until when every story's links work: the earliest of their expiries; null when none says. */
export function linksValidUntil(stories: readonly Story[]): number | null {
  let earliest: number | null = null;
  for (const { linksExpireAt } of stories) {
    if (linksExpireAt !== null && (earliest === null || linksExpireAt < earliest)) earliest = linksExpireAt;
  }
  return earliest;
}

/** Whether a story's links have stopped working at `now` (epoch ms). Links that name no expiry are taken to work. */
export function linksExpired(story: Story, now: number): boolean {
  return story.linksExpireAt !== null && now >= story.linksExpireAt;
}
