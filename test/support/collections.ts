/**
 * What collection tests, the demo and the bench need besides the page: a
 * SociaVault that knows many generated profiles and a few that fail, a pasted
 * list written the ways people write one, answers put in the cache first, and
 * the stand-in's request log counted per profile.
 */
import type { RunHead, RunItem } from '../../utils/collections/run-record';
import { decodeHead, decodePart, runHeadKey, runPartKey } from '../../utils/collections/run-storage';
import type { Handle } from '../../utils/profile-url';
import type { ChromeApi } from './chrome-api';
import { bigIdPlus, ERROR_BODIES, jsonScenario, makeProfile, type Scenarios } from './scenarios';
import type { World } from './world';

declare const chrome: ChromeApi;

/**
 * Profiles `<prefix>0`, `<prefix>1`, … that answer with an error status each,
 * with the bodies the vendor sends: 404 unknown profile, 400 refused
 * parameter, 500 server error. None of these is retried, so each costs
 * exactly one request (and no credit).
 */
export function failingProfiles(prefix: string, statuses: readonly (400 | 404 | 500)[]): Scenarios {
  const body = { 400: { error: 'Invalid parameter: handle', endpoint: 'instagram/highlights', credits_required: 1 }, 404: ERROR_BODIES.userNotFound, 500: { error: 'Service configuration error' } };
  return Object.fromEntries(statuses.map((status, i) => [`${prefix}${i}`, jsonScenario(status, body[status])]));
}

/** `<prefix>0` … `<prefix><count-1>`. */
export function handles(prefix: string, count: number, from = 0): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${from + i}`);
}

/** A handle written one of the ways people paste one: as it is, @handle, a profile URL, a post URL, other case. */
export function written(handle: string, way: number): string {
  switch (way % 5) {
    case 1:
      return `@${handle}`;
    case 2:
      return `https://www.instagram.com/${handle}/`;
    case 3:
      return `instagram.com/${handle.toUpperCase()}`;
    case 4:
      return `https://www.instagram.com/${handle}/p/C0de${way}x/?img_index=1`;
    default:
      return handle;
  }
}

/**
 * Looks profiles up through the background, as the popup would, so their
 * answers are in the cache (one request each). Sent from the browser's
 * control page, an extension page that runs none of the extension's code.
 */
export async function cacheAnswers(world: World, handlesToCache: readonly string[]): Promise<void> {
  const control = await world.browser.control();
  const answers = await control.evaluate(async (all) => {
    const results: boolean[] = [];
    for (const handle of all) {
      const answer = (await chrome.runtime.sendMessage({ type: 'lookup', handle, refresh: false })) as { ok?: boolean } | undefined;
      // A lookup is answered before its answer is stored, as the popup's are: this waits for the write.
      if (answer?.ok) await chrome.runtime.sendMessage({ type: 'answer-kept', handle });
      results.push(answer?.ok === true);
    }
    return results;
  }, [...handlesToCache]);
  const failed = handlesToCache.filter((_, i) => !answers[i]);
  if (failed.length > 0) throw new Error(`These profiles could not be looked up to cache them: ${failed.join(', ')}`);
}

/**
 * How many highlights requests the stand-in received for each profile since
 * `since` requests into its log, whether asked by handle or by numeric id.
 */
export function requestsPerProfile(world: World, scenarios: Scenarios, since = 0): Map<string, number> {
  const byOwnerId = new Map<string, string>();
  for (const [handle, scenario] of Object.entries(scenarios)) if (scenario.kind === 'profile') byOwnerId.set(scenario.ownerId, handle);
  const counts = new Map<string, number>();
  for (const request of world.highlightLog().slice(since)) {
    const handle = request.query.user_id ? (byOwnerId.get(request.query.user_id) ?? `user_id:${request.query.user_id}`) : (request.query.handle ?? '?').toLowerCase();
    counts.set(handle, (counts.get(handle) ?? 0) + 1);
  }
  return counts;
}

/** The stored run of a collection (its head and every part), read from storage without waking the worker. */
export async function storedRun(world: World, id = 'default'): Promise<{ phase: string; items: RunItem[]; head: RunHead } | null> {
  const headKey = runHeadKey(id);
  const head = decodeHead((await world.getStorage('local', headKey))[headKey]);
  if (!head) return null;
  const keys = Array.from({ length: head.parts }, (_, n) => runPartKey(id, n));
  const parts = keys.length > 0 ? await world.getStorage('local', keys) : {};
  const seen = new Set<Handle>();
  return { phase: head.phase, head, items: keys.flatMap((key) => decodePart(parts[key], seen).items) };
}

/** Rows of a CSV file as the collection page writes it (RFC 4180, a BOM, CRLF). */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

/** When each highlights request reached the stand-in (epoch ms), in order. */
export function arrivals(world: World, since = 0): number[] {
  return world
    .highlightLog()
    .slice(since)
    .map((request) => request.at)
    .sort((a, b) => a - b);
}

/**
 * The run's pace over requests `from` to `to` (by arrival at a stand-in that
 * answers at once): milliseconds per profile, the extension's own time.
 */
export function paceBetween(times: readonly number[], from: number, to: number): number {
  if (from < 0 || to > times.length || to - from < 2) throw new Error(`no pace for requests ${from} to ${to} of ${times.length}`);
  return (times[to - 1]! - times[from]!) / (to - 1 - from);
}

/**
 * The run's usual pace over requests `from` to `to`: the median of its paces
 * over `step` requests at a time. A moment of load on the machine slows a few
 * steps and leaves the median where it was; a run whose every step costs more
 * as it grows moves it.
 */
export function medianPace(times: readonly number[], from: number, to: number, step = 20): number {
  if (from < 0 || to > times.length || to - 1 - from < step) throw new Error(`no ${step}-request steps in requests ${from} to ${to} of ${times.length}`);
  const paces: number[] = [];
  for (let start = from; start + step <= to - 1; start += step) paces.push((times[start + step]! - times[start]!) / step);
  paces.sort((a, b) => a - b);
  const middle = Math.floor(paces.length / 2);
  return paces.length % 2 === 1 ? paces[middle]! : (paces[middle - 1]! + paces[middle]!) / 2;
}

/** Profiles with these names, two highlights each, that answer after `delayMs` (0: at once). */
export function profilesNamed(names: readonly string[], delayMs = 0): Scenarios {
  return Object.fromEntries(
    names.map((username, i) => [
      username,
      makeProfile({
        username,
        ownerId: String(8_000_000_000 + i),
        firstId: bigIdPlus('17880000000000000', i * 100_000),
        titles: [`${username} one`, `${username} two`],
        ...(delayMs > 0 ? { delayMs } : {}),
      }),
    ]),
  );
}
