import type { StoriesOfHighlight } from '@/utils/stories/story-files';
import { done, objectStoreOf, request } from '../indexed-db';

/**
 * The stories a run fetched, kept apart from the cache (which evicts and
 * expires) until the run is started again or cleared: the files are written
 * from here, however long after the run the user downloads them. IndexedDB,
 * as the collections' answers (../collections/results-store.ts), one record
 * per highlight.
 */
const DB_NAME = 'highlight-lookup-stories';
const STORE = 'storiesResults';

interface ResultRecord extends StoriesOfHighlight {
  run: string;
}



export function createStoriesResults(factory: IDBFactory = indexedDB) {
  const store = objectStoreOf(factory, DB_NAME, STORE, (db) => db.createObjectStore(STORE, { keyPath: ['run', 'highlightId'] }));

  return {
    async put(run: string, highlight: StoriesOfHighlight): Promise<void> {
      const { tx, store: s } = await store('readwrite');
      const record: ResultRecord = { run, ...highlight, stories: [...highlight.stories] };
      s.put(record);
      await done(tx);
    },

    /** The stories of `highlightIds`, in that order; highlights without a record are left out. */
    async get(run: string, highlightIds: readonly string[]): Promise<StoriesOfHighlight[]> {
      const { store: s } = await store('readonly');
      const records = await Promise.all(highlightIds.map((id) => request(s.get([run, id]) as IDBRequest<ResultRecord | undefined>)));
      return records
        .filter((record): record is ResultRecord => record !== undefined)
        .map(({ handle, highlightId, highlightTitle, stories }) => ({ handle, highlightId, highlightTitle, stories }));
    },

    /** Everything a run holds. */
    async clear(run: string): Promise<void> {
      const { tx, store: s } = await store('readwrite');
      s.delete(IDBKeyRange.bound([run, ''], [run, '\uffff']));
      await done(tx);
    },
  };
}

export type StoriesResults = ReturnType<typeof createStoriesResults>;
