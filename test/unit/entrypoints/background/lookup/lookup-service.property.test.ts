/**
 * Instagram handles that are also names of JavaScript's own object
 * properties (`constructor`, `__proto__`, `tostring`, …) are ordinary
 * profiles: looked up by handle, remembered, then asked for by user_id,
 * cached, peeked and cleared like any other.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createLookupService } from '@/entrypoints/background/lookup/lookup-service';
import { apiKeyItem } from '@/entrypoints/background/storage-items';
import { toHandle, type Handle } from '@/utils/profile-url';

/** Every property name of a plain object that is also a valid handle, lower-cased. */
const BUILTIN_HANDLES: Handle[] = [
  ...new Set(
    [...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'prototype', 'length', 'name', 'caller', 'arguments']
      .map((name) => toHandle(name))
      .filter((h): h is Handle => h !== null),
  ),
];

/** The fake API knows each handle under an id derived from its position. */
function api(handles: readonly Handle[]) {
  const idOf = (handle: Handle) => String(9_000_000 + handles.indexOf(handle));
  const fetch = vi.fn<typeof globalThis.fetch>(async (input) => {
    const url = new URL(String(input));
    const userId = url.searchParams.get('user_id');
    const handle = userId ? handles.find((h) => idOf(h) === userId) : handles.find((h) => h === url.searchParams.get('handle'));
    if (!handle) return new Response(JSON.stringify({ error: 'User not found' }), { status: 404 });
    const highlights = { '0': { id: `1790000${idOf(handle)}`, title: handle, owner: { id: idOf(handle), username: handle } } };
    return new Response(JSON.stringify({ success: true, data: { success: true, highlights } }));
  });
  return { fetch, idOf };
}

describe('handles named like built-in object properties', () => {
  it('the list covers the usual suspects', () => {
    expect(BUILTIN_HANDLES).toEqual(expect.arrayContaining(['constructor', '__proto__', 'hasownproperty', 'tostring', 'valueof']));
  });

  it('are looked up by handle, then by user_id, cached and cleared like any other', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.constantFrom(...BUILTIN_HANDLES), { minLength: 1, maxLength: 6 }), async (handles) => {
        fakeBrowser.reset();
        await apiKeyItem.setValue('sk_test');
        const { fetch, idOf } = api(handles);
        const lookup = createLookupService({ fetch, isOnline: () => true, sleep: async () => undefined });

        for (const handle of handles) {
          const first = await lookup.lookup(handle, { refresh: false });
          expect(first).toMatchObject({ ok: true, fromCache: false, list: { handle, ownerId: idOf(handle) } });
          expect(await lookup.lookup(handle, { refresh: false })).toMatchObject({ ok: true, fromCache: true });
          expect((await lookup.peek(handle))?.handle).toBe(handle);
          // Asked again: by the numeric id it learned, never by something found on Object.prototype.
          expect(await lookup.lookup(handle, { refresh: true })).toMatchObject({ ok: true, list: { handle } });
        }
        const urls = fetch.mock.calls.map(([input]) => new URL(String(input)).search);
        expect(urls).toEqual(handles.flatMap((h) => [`?handle=${encodeURIComponent(h)}`, `?user_id=${idOf(h)}`]));
        expect(await lookup.clearCache()).toEqual({ cleared: handles.length, keptIn: null });
        for (const handle of handles) expect(await lookup.peek(handle)).toBeNull();
      }),
      { numRuns: 60 },
    );
  });
});
