import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createLookupService } from '@/entrypoints/background/lookup/lookup-service';
import { REDACTED_KEY, withoutKey } from '@/entrypoints/background/lookup/redaction';
import { apiKeyItem } from '@/entrypoints/background/storage-items';
import { h } from '@/test/unit/helpers/handles';

const KEY = 'sk_live_Secret123';

describe('withoutKey', () => {
  it('replaces the key in titles, drops covers, ids and owner data that carry it', () => {
    const parsed = {
      highlights: [
        { id: '1', title: `a ${KEY} b ${KEY}`, coverUrl: 'https://x.cdninstagram.com/a.jpg' },
        { id: '2', title: 'plain', coverUrl: `https://x.cdninstagram.com/a.jpg?k=${KEY}` },
        { id: `9${KEY}`, title: 'an id that carries it', coverUrl: null },
      ],
      ownerId: '123',
      ownerUsername: `echo_${KEY}`,
    };
    expect(withoutKey(parsed, KEY)).toEqual({
      highlights: [
        { id: '1', title: `a ${REDACTED_KEY} b ${REDACTED_KEY}`, coverUrl: 'https://x.cdninstagram.com/a.jpg' },
        { id: '2', title: 'plain', coverUrl: null },
      ],
      ownerId: '123',
      ownerUsername: null,
    });
  });

  it('leaves an answer without the key as it was', () => {
    const parsed = { highlights: [{ id: '1', title: 'sk_live', coverUrl: null }], ownerId: null, ownerUsername: 'nasa' };
    expect(withoutKey(parsed, KEY)).toEqual(parsed);
  });
});

describe('the key in answers', () => {
  beforeEach(() => fakeBrowser.reset());

  const answering = (title: string) =>
    vi.fn<typeof globalThis.fetch>(async () =>
      new Response(JSON.stringify({ success: true, data: { success: true, highlights: [{ id: '1', title }] } })),
    );

  it('is never stored: the cache holds the redacted answer', async () => {
    await apiKeyItem.setValue(KEY);
    const lookup = createLookupService({ fetch: answering(`title ${KEY}`), isOnline: () => true });
    expect(await lookup.lookup(h('nasa'), { refresh: false })).toMatchObject({ list: { highlights: [{ title: `title ${REDACTED_KEY}` }] } });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(`title ${KEY}`);
  });

  it('an answer cached before a key was saved that carries that key is forgotten', async () => {
    await apiKeyItem.setValue('sk_live_old');
    const fetch = answering(`title ${KEY}`);
    const lookup = createLookupService({ fetch, isOnline: () => true });
    await lookup.lookup(h('nasa'), { refresh: false });
    expect(await lookup.forgetAnswersContaining(KEY)).toBe(1);
    expect(await lookup.peek(h('nasa'))).toBeNull();
  });
});
