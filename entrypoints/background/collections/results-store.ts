import type { HighlightList } from '@/utils/highlights/highlight';
import type { Handle } from '@/utils/profile-url';
import { done, objectStoreOf, request } from '../indexed-db';

/**
 * Each collection's answers, kept apart from the cache (which evicts and
 * expires): a thousand profiles with 150 highlights take tens of megabytes,
 * far past storage.local's quota, so they live in IndexedDB, one compact
 * record per profile.
 */
const DB_NAME = 'highlight-lookup';
const STORE = 'collectionResults';

/** A highlight as stored: [id, title, coverUrl]. */
type CompactHighlight = [string, string, string | null];

interface ResultRecord {
  collection: string;
  handle: Handle;
  ownerId: string | null;
  fetchedAt: number;
  highlights: CompactHighlight[];
}



function toList(record: unknown): HighlightList | null {
  const r = record as ResultRecord | undefined;
  if (!r || !Array.isArray(r.highlights)) return null;
  return {
    handle: r.handle,
    ownerId: r.ownerId,
    fetchedAt: r.fetchedAt,
    highlights: r.highlights.map(([id, title, coverUrl]) => ({ id, title, coverUrl })),
  };
}

export function createCollectionResults(factory: IDBFactory = indexedDB) {
  const store = objectStoreOf(factory, DB_NAME, STORE, (db) => db.createObjectStore(STORE, { keyPath: ['collection', 'handle'] }).createIndex('collection', 'collection'));

  return {
    async put(collection: string, list: HighlightList): Promise<void> {
      const { tx, store: s } = await store('readwrite');
      const record: ResultRecord = {
        collection,
        handle: list.handle,
        ownerId: list.ownerId,
        fetchedAt: list.fetchedAt,
        highlights: list.highlights.map((h) => [h.id, h.title, h.coverUrl]),
      };
      s.put(record);
      await done(tx);
    },

    /** The answers for `handles`, in that order; profiles without one are left out. */
    async lists(collection: string, handles: readonly Handle[]): Promise<HighlightList[]> {
      const { store: s } = await store('readonly');
      const records = await Promise.all(handles.map((handle) => request(s.get([collection, handle]))));
      return records.map(toList).filter((list): list is HighlightList => list !== null);
    },

    async remove(collection: string, handles: readonly Handle[]): Promise<void> {
      const { tx, store: s } = await store('readwrite');
      for (const handle of handles) s.delete([collection, handle]);
      await done(tx);
    },

    /** Everything a collection holds. */
    async clear(collection: string): Promise<void> {
      const { tx, store: s } = await store('readwrite');
      s.delete(IDBKeyRange.bound([collection, ''], [collection, '\uffff']));
      await done(tx);
    },
  };
}

export type CollectionResults = ReturnType<typeof createCollectionResults>;
