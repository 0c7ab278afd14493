import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import { createBalanceService } from '@/entrypoints/background/account/balance-service';
import { createCollectionResults } from '@/entrypoints/background/collections/results-store';
import { createCollections } from '@/entrypoints/background/collections/collection-service';
import { createHandlers, type HandlerDeps } from '@/entrypoints/background/messages/handlers';
import { createLookupService } from '@/entrypoints/background/lookup/lookup-service';
import { createRouter } from '@/entrypoints/background/messages/router';
import { createCacheStore } from '@/entrypoints/background/cache/cache-store';
import { createStoriesService } from '@/entrypoints/background/stories/stories-service';
import { createStoriesRuns } from '@/entrypoints/background/story-runs/stories-runs';
import { createStoriesResults } from '@/entrypoints/background/story-runs/stories-results';
import { targetsOfList } from '@/entrypoints/background/stories/stories-run-machine';
import { createTabState } from '@/entrypoints/background/tabs/tab-state';

export const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const OWN_ORIGIN = `chrome-extension://${OWN_ID}`;

/** The background's handlers as index.ts wires them, over `fetch` (a fake SociaVault) and fakeBrowser. */
export function backgroundHandlers(fetch: typeof globalThis.fetch, extra: Partial<HandlerDeps> = {}) {
  const cache = createCacheStore({ now: Date.now });
  const lookup = createLookupService({ cache, fetch, isOnline: () => true, sleep: async () => undefined });
  const stories = createStoriesService({ cache, fetch, isOnline: () => true, sleep: async () => undefined });
  const storiesRuns = createStoriesRuns({
    stories,
    results: createStoriesResults(new IDBFactory()),
    targetsOf: async (of) => {
      const list = 'profile' in of ? await lookup.peek(of.profile) : null;
      return list && targetsOfList(list);
    },
    concurrency: async () => 3,
  });
  return createHandlers({
    lookup,
    stories,
    storiesRuns,
    collections: createCollections({ lookup, results: createCollectionResults(new IDBFactory()) }),
    balance: createBalanceService({ fetch }),
    tabs: createTabState(),
    autoLookupsToday: async () => 0,
    onProfileDetected: vi.fn(),
    ...extra,
  });
}

/** The background's router as index.ts wires it, over those handlers. */
export function backgroundRouter(fetch: typeof globalThis.fetch, extra: Partial<HandlerDeps> = {}) {
  return createRouter({ ownId: OWN_ID, ownOrigin: OWN_ORIGIN, handlers: backgroundHandlers(fetch, extra) });
}
