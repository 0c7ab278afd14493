import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createAutoLookup } from './tabs/auto-lookup';
import { createBalanceService } from './account/balance-service';
import { createCollectionResults } from './collections/results-store';
import { createCollections } from './collections/collection-service';
import { createProfileLinkMenu, openPanelForLink, PROFILE_LINK_MENU_ID } from './tabs/context-menu';
import { createHandlers } from './messages/handlers';
import { createLookupService } from './lookup/lookup-service';
import { createCacheStore } from './cache/cache-store';
import { createStoriesService } from './stories/stories-service';
import { targetsOfList, type StoriesTarget } from './stories/stories-run-machine';
import { createStoriesRuns } from './story-runs/stories-runs';
import { createStoriesResults } from './story-runs/stories-results';
import { createRouter } from './messages/router';
import { keepRunsGoing, RUN_ALARM } from './collections/run-alarm';
import { tellRunEnded } from './collections/run-notice';
import { COLLECTION_NEWS, type CollectionNews } from '@/utils/collections/run-storage';
import { originOf } from './messages/sender-policy';
import { BADGE_COLOUR, createTabState } from './tabs/tab-state';
import { welcomeAfterInstall } from './account/welcome';

export default defineBackground({
  main() {
    restrictStorageToExtensionPages();
    const tabs = createTabState();
    const balance = createBalanceService();
    // What open collection pages hear of: a run's progress, the list, the settings, the cache.
    const news = new BroadcastChannel(COLLECTION_NEWS);
    const tell = (what: CollectionNews) => news.postMessage(what);
    const onBalanceHint = (hint: { spent: number } | { available: number }) =>
      void ('spent' in hint ? balance.spent(hint.spent) : balance.available(hint.available));
    // One cache for profiles and stories: one budget, and one queue for its index.
    const cache = createCacheStore({ now: Date.now });
    const lookup = createLookupService({
      cache,
      onBalanceHint,
      // Every tab on that profile shows the new count at once.
      onAnswer: (list) => {
        void tabs.showing(list.handle).then((ids) => ids.forEach((id) => tabs.showBadge(id, list.highlights.length)));
        tell({ kind: 'cache' });
      },
      onCleared: () => tell({ kind: 'cache' }),
    });
    const stories = createStoriesService({ cache, onBalanceHint });
    const autoLookup = createAutoLookup(lookup);
    // One alarm wakes a stopped worker for collection runs and stories runs alike.
    const active = { collections: false, stories: false };
    const activity = (what: keyof typeof active) => (running: boolean) => {
      active[what] = running;
      keepRunsGoing(active.collections || active.stories);
    };
    const collections = createCollections({
      lookup,
      results: createCollectionResults(),
      onActivity: activity('collections'),
      onRunEnded: (ended) => void tellRunEnded(ended),
      news: tell,
    });
    const storiesRuns = createStoriesRuns({
      stories,
      results: createStoriesResults(),
      // A profile's highlights are those of its cached list: a run never looks the profile up.
      targetsOf: async (of) => {
        if ('profile' in of) {
          const list = await lookup.peek(of.profile);
          return list && targetsOfList(list);
        }
        // A collection's: the highlights of the answers its run kept, in its order.
        const targets: StoriesTarget[] = [];
        for (let offset = 0; ; offset += 200) {
          const page = await collections.results(of.collection, offset, 200);
          targets.push(...page.lists.flatMap(targetsOfList));
          if (offset + 200 >= page.total) return targets;
        }
      },
      concurrency: async () => (await collections.settings()).concurrency,
      onActivity: activity('stories'),
    });
    void browser.action.setBadgeBackgroundColor({ color: BADGE_COLOUR }).catch(() => undefined);

    const route = createRouter({
      ownId: browser.runtime.id,
      ownOrigin: originOf(browser.runtime.getURL('/'))!,
      handlers: createHandlers({
        lookup,
        stories,
        storiesRuns,
        collections,
        balance,
        tabs,
        autoLookupsToday: autoLookup.today,
        onProfileDetected: (tabId, handle) => {
          // The badge shows the count when an answer is cached (reading it is free), and nothing otherwise.
          void (handle ? lookup.peek(handle) : Promise.resolve(null)).then((list) =>
            tabs.showBadge(tabId, list ? list.highlights.length : null),
          );
          if (handle) void autoLookup.onProfileVisited(handle).catch(() => undefined);
        },
      }),
    });

    // Every listener is registered synchronously, so that a message that wakes a
    // stopped worker finds it listening.
    // `route` returns a promise to answer (a rejected promise rejects the sender's),
    // or undefined to leave the message unanswered.
    browser.runtime.onMessage.addListener(route);

    browser.tabs.onRemoved.addListener((tabId) => {
      void tabs.forget(tabId);
    });

    // Runs that a stopped worker left unfinished go on: now, as this worker starts, and at each alarm.
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name !== RUN_ALARM) return;
      void collections.resumeAll();
      void storiesRuns.resumeAll();
    });
    void collections.resumeAll();
    void storiesRuns.resumeAll();

    browser.contextMenus.onClicked.addListener((info) => {
      if (info.menuItemId === PROFILE_LINK_MENU_ID) void openPanelForLink(info.linkUrl).catch(() => undefined);
    });
    // Menus survive a stopped worker but not always a browser restart (Firefox),
    // so the menu is made when the browser starts as well as on install.
    browser.runtime.onStartup.addListener(createProfileLinkMenu);

    browser.runtime.onInstalled.addListener(({ reason }) => {
      // Before the menu: the onboarding e2e test (test/e2e/onboarding.test.ts) takes
      // the menu as the sign that this listener has run.
      void welcomeAfterInstall({ reason }).catch(() => undefined);
      createProfileLinkMenu();
      // Answers cached by a version before the per-profile cache were paid for: keep them.
      if (reason === 'update') void lookup.carryOverLegacyCache();
    });
  },
});

/**
 * Chrome lets content scripts read storage.local unless told otherwise; the
 * key must stay out of reach of code running inside Instagram's pages.
 * Firefox has no such switch, and no setAccessLevel (SECURITY.md, "Who can read the storage").
 */
function restrictStorageToExtensionPages(): void {
  void browser.storage.local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
}
