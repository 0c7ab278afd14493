import type { StoriesOfHighlight } from '@/utils/stories/story-files';

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

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export function createStoriesResults(factory: IDBFactory = indexedDB) {
  let opened: Promise<IDBDatabase> | null = null;

  function db(): Promise<IDBDatabase> {
    opened ??= new Promise((resolve, reject) => {
      const req = factory.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        req.result.createObjectStore(STORE, { keyPath: ['run', 'highlightId'] });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => {
        opened = null;
        reject(req.error ?? new Error('IndexedDB could not be opened'));
      };
    });
    return opened;
  }

  async function store(mode: IDBTransactionMode) {
    const tx = (await db()).transaction(STORE, mode);
    return { tx, store: tx.objectStore(STORE) };
  }

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
