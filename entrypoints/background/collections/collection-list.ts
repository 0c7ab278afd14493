import { browser } from 'wxt/browser';
import { DEFAULT_COLLECTION_ID, normaliseRunSettings, type RunSettings } from '@/utils/collections/run-record';
import { LOCAL_KEYS } from '@/utils/storage-keys';

/** The collections, in the order they were made: `[id, name]`, name null for the default one. */
export type Listing = Array<[id: string, name: string | null]>;

/** The stored list, checked row by row; the default collection is always in it. */
export function readListing(stored: unknown): Listing {
  const listing: Listing = Array.isArray(stored)
    ? stored.filter(
        (row): row is [string, string | null] =>
          Array.isArray(row) && typeof row[0] === 'string' && /^[a-z0-9-]{1,40}$/.test(row[0]) && (row[1] === null || typeof row[1] === 'string'),
      )
    : [];
  return listing.some(([id]) => id === DEFAULT_COLLECTION_ID) ? listing : [[DEFAULT_COLLECTION_ID, null], ...listing];
}

/** The list of collections in storage.local (one key, `collections`), and the run settings beside it. */
export const collectionList = {
  read: async (): Promise<Listing> => readListing((await browser.storage.local.get(LOCAL_KEYS.collections))[LOCAL_KEYS.collections]),
  save: (rows: Listing): Promise<void> => browser.storage.local.set({ [LOCAL_KEYS.collections]: rows }),
  /** A collection's name (null for the default one), or undefined when there is no such collection. */
  nameOf: async (id: string): Promise<string | null | undefined> => (await collectionList.read()).find(([known]) => known === id)?.[1],
};

/**
 * What the user chose for every run (lookups at once, notifications), in
 * storage.local under `collectionSettings`; read once per worker, which is
 * the only writer.
 */
export function createRunSettings() {
  let held: RunSettings | null = null;
  return {
    async get(): Promise<RunSettings> {
      held ??= normaliseRunSettings((await browser.storage.local.get(LOCAL_KEYS.collectionSettings))[LOCAL_KEYS.collectionSettings]);
      return { ...held };
    },
    /** Stores a change (the fields not given stay as they are); resolves with the settings now. */
    async save(patch: Partial<RunSettings>): Promise<RunSettings> {
      const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      const next = normaliseRunSettings({ ...(await this.get()), ...given });
      await browser.storage.local.set({ [LOCAL_KEYS.collectionSettings]: next });
      held = next;
      return { ...next };
    },
  };
}
