/**
 * Before a harness stops the extension's background (its service worker in
 * Chromium, its background page in Firefox) to start a test afresh, it lets
 * the background finish what the end of the last test gave it to do. A
 * browser stops an idle background only after 30 s without events; stopped
 * with its own API calls still out, it makes the browser log errors no user
 * would ever see (Chromium: "Uncaught Error: No SW"; Firefox: "Promise
 * rejected after context unloaded").
 */
import { SESSION_KEYS } from '../../utils/storage-keys';
import { until } from './poll';
import type { StorageArea } from './browser';

export interface BackgroundControls {
  /** The ids of the tabs open now. */
  openTabIds(): Promise<number[]>;
  getStorage(area: StorageArea, keys?: string | string[]): Promise<Record<string, unknown>>;
  /** Sends the background a message from an extension page and waits for its answer. */
  ask(message: object): Promise<unknown>;
  /** Whether the background runs now (asking does not start it). */
  isRunning(): Promise<boolean>;
}

export async function letBackgroundSettle(controls: BackgroundControls): Promise<void> {
  // It forgets each closed tab (a storage write); a stopped background is woken for it.
  await until(
    'the background to forget the closed tabs',
    async () => {
      const open = new Set((await controls.openTabIds()).map(String));
      const known = (await controls.getStorage('session', SESSION_KEYS.tabProfiles))[SESSION_KEYS.tabProfiles];
      return Object.keys(typeof known === 'object' && known !== null ? known : {}).filter((id) => !open.has(id));
    },
    (stale) => stale.length === 0,
    10_000,
  );
  // A message round trip, answered after a storage read of its own: the calls it
  // made before (sent earlier on the same channel) have been answered by then.
  if (await controls.isRunning()) await controls.ask({ type: 'get-status' });
}

/**
 * Waits until the background has finished the requests it started, so that a
 * test saying "nothing more was sent" reads the stand-in's log after anything
 * on its way has arrived, instead of at once. A message round trip first (the
 * background takes messages in order, and a lookup records its request before
 * it leaves: lookup/in-flight-record.ts), then until no request it recorded
 * is still out.
 */
export async function letRequestsLand(controls: Pick<BackgroundControls, 'getStorage' | 'ask'>): Promise<void> {
  await controls.ask({ type: 'get-status' });
  await until(
    'the requests the background sent to be answered',
    async () => (await controls.getStorage('session', SESSION_KEYS.lookupsInFlight))[SESSION_KEYS.lookupsInFlight],
    (entries) => !Array.isArray(entries) || entries.length === 0,
    15_000,
  );
}
