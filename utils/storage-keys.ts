/**
 * The names under which the extension keeps its data. One place for them, so
 * that tests, scripts and every runtime that reads storage agree.
 */

/** `storage.local`: kept until the user removes it. */
export const LOCAL_KEYS = {
  /** The SociaVault API key. */
  apiKey: 'apiKey',
  settings: 'settings',
  /**
   * Which answers are cached, how big each is and when it was last used:
   * `[name, usedAt, bytes][]`, the name a handle or `stories:<digits>`.
   */
  cacheIndex: 'cacheIndex',
  /** Numeric Instagram owner id per handle, `[handle, id][]`, newest last. */
  ownerIds: 'ownerIds',
  /** How many automatic lookups ran on which day, for the daily cap. */
  autoLookupDay: 'autoLookupDay',
  /** The collections: `[id, name][]` (name null: the default one). */
  collections: 'collections',
  /** What the user chose for every collection run: lookups at once, and whether to be told when one ends. */
  collectionSettings: 'collectionSettings',
  /** Which stories runs there are (`storiesRun:<run>` each): the ids, for a new worker to go on with them. */
  storiesRuns: 'storiesRuns',
  /** Where versions before the per-profile cache kept every answer in one object. */
  legacyHighlightCache: 'highlightCache',
} as const;

/**
 * One key per cached answer, in `storage.local`, or in `storage.session` when
 * the local quota refused it. Reading one answer reads nothing else.
 */
export const CACHE_ENTRY_PREFIX = 'cache:';

export function cacheEntryKey(handle: string): string {
  return `${CACHE_ENTRY_PREFIX}${handle}`;
}

/** A highlight's stories are cached beside the profiles: see `storiesCacheName` (utils/stories/cached-stories.ts). */

/** The head of a collection's run (phase, counts, pace), one key per collection (`storage.local`). */
export const COLLECTION_PREFIX = 'collection:';
/** A collection's profiles with their status, 100 to a key: `collectionPart:<id>:<n>` (`storage.local`). */
export const COLLECTION_PART_PREFIX = 'collectionPart:';

/** A stories run (entrypoints/background/stories/stories-run-machine.ts), one key per run: `storiesRun:profile:<handle>` or `storiesRun:collection:<id>`. */
export const STORIES_RUN_PREFIX = 'storiesRun:';

/** `storage.session`: cleared when the browser closes, kept when the background's worker is stopped. */
export const SESSION_KEYS = {
  /** The profile each tab shows, by tab id. */
  tabProfiles: 'tabProfiles',
  /** When the last automatic lookups ran. */
  autoLookupTimes: 'autoLookupTimes',
  /** Requests to SociaVault that have left and not yet been answered: `[handle, sentAt][]`. */
  lookupsInFlight: 'lookupsInFlight',
  /** The same for highlight-detail requests: `[highlight id digits, sentAt][]`. */
  storiesInFlight: 'storiesInFlight',
  /** The last balance answers, by a fingerprint of the key they were for (never the key). */
  balances: 'balances',
} as const;
