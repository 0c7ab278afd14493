import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createCollectionResults } from '@/entrypoints/background/collections/results-store';
import type { HighlightList } from '@/utils/highlights/highlight';
import { h } from '@/test/unit/helpers/handles';

const listOf = (handle: string, count = 2, fetchedAt = 1_000): HighlightList => ({
  handle: h(handle),
  ownerId: handle === 'nocover' ? null : '528817151',
  fetchedAt,
  highlights: Array.from({ length: count }, (_, i) => ({
    id: `179000000000000${i}`,
    title: `${handle} ${i} 🚀`,
    coverUrl: i === 0 ? null : `https://scontent.cdninstagram.com/${handle}/${i}.jpg`,
  })),
});

describe('the collections’ results (IndexedDB)', () => {
  it('gives back each answer as it was put, in the order asked, leaving out profiles without one', async () => {
    const results = createCollectionResults(new IDBFactory());
    await results.put('default', listOf('nasa'));
    await results.put('default', listOf('nocover', 0));
    await results.put('default', listOf('bbc', 150));
    expect(await results.lists('default', [h('bbc'), h('natgeo'), h('nasa'), h('nocover')])).toEqual([listOf('bbc', 150), listOf('nasa'), listOf('nocover', 0)]);
    expect(await results.lists('default', [])).toEqual([]);
  });

  it('keeps one answer per profile and collection: a newer one replaces it', async () => {
    const results = createCollectionResults(new IDBFactory());
    await results.put('default', listOf('nasa', 2, 1_000));
    await results.put('default', listOf('nasa', 3, 2_000));
    expect(await results.lists('default', [h('nasa')])).toEqual([listOf('nasa', 3, 2_000)]);
  });

  it('keeps collections apart: removing or clearing one leaves the others', async () => {
    const results = createCollectionResults(new IDBFactory());
    for (const collection of ['default', 'c2', 'c20']) {
      await results.put(collection, listOf('nasa'));
      await results.put(collection, listOf('natgeo'));
    }
    await results.remove('c2', [h('nasa')]);
    expect(await results.lists('c2', [h('nasa'), h('natgeo')])).toEqual([listOf('natgeo')]);
    await results.clear('c2');
    expect(await results.lists('c2', [h('nasa'), h('natgeo')])).toEqual([]);
    // A collection whose id begins with another's is not cleared with it.
    expect(await results.lists('c20', [h('nasa'), h('natgeo')])).toEqual([listOf('nasa'), listOf('natgeo')]);
    expect(await results.lists('default', [h('nasa'), h('natgeo')])).toEqual([listOf('nasa'), listOf('natgeo')]);
  });

  it('outlives the worker: a new store over the same database finds what the last one put', async () => {
    const idb = new IDBFactory();
    await createCollectionResults(idb).put('default', listOf('nasa'));
    expect(await createCollectionResults(idb).lists('default', [h('nasa')])).toEqual([listOf('nasa')]);
  });

  it('stores each highlight compactly, as [id, title, cover]', async () => {
    const idb = new IDBFactory();
    await createCollectionResults(idb).put('default', listOf('nasa'));
    const record = await new Promise<unknown>((resolve, reject) => {
      const open = idb.open('highlight-lookup');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const get = open.result.transaction('collectionResults').objectStore('collectionResults').get(['default', 'nasa']);
        get.onsuccess = () => resolve(get.result);
        get.onerror = () => reject(get.error);
      };
    });
    expect(record).toEqual({
      collection: 'default',
      handle: 'nasa',
      ownerId: '528817151',
      fetchedAt: 1_000,
      highlights: [
        ['1790000000000000', 'nasa 0 🚀', null],
        ['1790000000000001', 'nasa 1 🚀', 'https://scontent.cdninstagram.com/nasa/1.jpg'],
      ],
    });
  });

  it('fails loudly when the database cannot be opened, and opens it on the next try', async () => {
    const real = new IDBFactory();
    let refuse = true;
    // A browser that cannot open the database (a full disk, a private window that refuses IndexedDB).
    const idb = {
      open(name: string, version?: number) {
        if (!refuse) return real.open(name, version);
        const request: { error: DOMException; onerror?: () => void } = { error: new DOMException('disk full', 'QuotaExceededError') };
        setTimeout(() => request.onerror?.());
        return request;
      },
    } as unknown as IDBFactory;
    const results = createCollectionResults(idb);
    await expect(results.put('default', listOf('nasa'))).rejects.toThrow('disk full');
    refuse = false;
    await results.put('default', listOf('nasa'));
    expect(await results.lists('default', [h('nasa')])).toEqual([listOf('nasa')]);
  });
});
