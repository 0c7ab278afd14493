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
  // '' for a text that is no URL, or a URL without oe: neither is hex.
  // Stryker disable next-line StringLiteral: any other text that is not hex reads as no expiry, as '' does.
  const oe = URL.canParse(url) ? (new URL(url).searchParams.get('oe') ?? '') : '';
  if (!HEX_SECONDS.test(oe)) return null;
  const seconds = Number.parseInt(oe, 16);
  return seconds > 0 ? seconds * 1000 : null;
}

/** The earliest of `times`; null when none is given. */
function earliest(times: ReadonlyArray<number | null>): number | null {
  const known = times.filter((time) => time !== null);
  return known.length === 0 ? null : Math.min(...known);
}

/** The earliest expiry among `urls`; null when none says. */
export function earliestExpiry(urls: ReadonlyArray<string | null>): number | null {
  // Stryker disable next-line ConditionalExpression: signedUrlExpiry(null) would read the text 'null', no URL, and give null too; the check is for the type.
  return earliest(urls.map((url) => (url === null ? null : signedUrlExpiry(url))));
}

/** Until when every story's links work: the earliest of their expiries; null when none says. */
export function linksValidUntil(stories: readonly Story[]): number | null {
  return earliest(stories.map((story) => story.linksExpireAt));
}

/** Whether a story's links have stopped working at `now` (epoch ms). Links that name no expiry are taken to work. */
export function linksExpired(story: Story, now: number): boolean {
  return story.linksExpireAt !== null && now >= story.linksExpireAt;
}
