/**
 * The little of IndexedDB the background's result stores need (the
 * collections' answers, the stories runs' stories): a database of one object
 * store, opened once, and promises for its requests and transactions.
 */

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

export function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/**
 * Opens `dbName` (version 1, `create` making its one store) on first use and
 * hands out transactions on `storeName`. A failed open is tried again on the
 * next use rather than remembered.
 */
export function objectStoreOf(factory: IDBFactory, dbName: string, storeName: string, create: (db: IDBDatabase) => void) {
  let opened: Promise<IDBDatabase> | null = null;

  function db(): Promise<IDBDatabase> {
    opened ??= new Promise((resolve, reject) => {
      const req = factory.open(dbName, 1);
      req.onupgradeneeded = () => create(req.result);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => {
        opened = null;
        reject(req.error ?? new Error('IndexedDB could not be opened'));
      };
    });
    return opened;
  }

  return async (mode: IDBTransactionMode) => {
    const tx = (await db()).transaction(storeName, mode);
    return { tx, store: tx.objectStore(storeName) };
  };
}
