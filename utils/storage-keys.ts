/**
 * The names under which the extension keeps its data. One place for them, so
 * that tests, scripts and every runtime that reads storage agree.
 */

/** `storage.local`: kept until the user removes it. */
export const LOCAL_KEYS = {
  /** The SociaVault API key. */
  apiKey: 'apiKey',
  settings: 'settings',
  /** Answers per lower-cased handle. */
  highlightCache: 'highlightCache',
  /** Numeric Instagram owner id per handle. */
  ownerIds: 'ownerIds',
} as const;

/** `storage.session`: cleared when the browser closes, kept while the worker sleeps. */
export const SESSION_KEYS = {
  /** The profile each tab shows, by tab id. */
  tabProfiles: 'tabProfiles',
  /** When the last automatic lookups ran. */
  autoLookupTimes: 'autoLookupTimes',
  /** Requests to SociaVault that have left and not yet been answered, by handle. */
  lookupsInFlight: 'lookupsInFlight',
} as const;
