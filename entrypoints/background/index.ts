import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createAutoLookup } from '@/utils/auto-lookup';
import { createHighlightLookup } from '@/utils/highlight-lookup';
import { createMessageHandler } from '@/utils/message-handler';
import { handleFromAnswer, WHICH_PROFILE } from '@/utils/profile-report';
import { originOf } from '@/utils/sender-policy';
import { createTabProfiles } from '@/utils/tab-profiles';

export default defineBackground({
  main() {
    restrictStorageToExtensionPages();
    const tabs = createTabProfiles();
    const lookup = createHighlightLookup({
      // Every tab on that profile shows the new count at once.
      onAnswer: (list) =>
        void tabs.showing(list.handle).then((ids) => ids.forEach((id) => tabs.showBadge(id, list.highlights.length))),
    });
    const autoLookup = createAutoLookup(lookup);
    void browser.action.setBadgeBackgroundColor({ color: '#3056d3' }).catch(() => undefined);

    const handleMessage = createMessageHandler({
      ownId: browser.runtime.id,
      ownOrigin: originOf(browser.runtime.getURL('/'))!,
      lookup,
      tabs,
      askTab: async (tabId) => {
        try {
          const answer: unknown = await browser.tabs.sendMessage(tabId, { type: WHICH_PROFILE }, { frameId: 0 });
          return handleFromAnswer(answer);
        } catch {
          return undefined;
        }
      },
      onProfileDetected: (tabId, handle) => {
        // The count when an answer is cached (free), nothing otherwise.
        void (handle ? lookup.peek(handle) : Promise.resolve(null)).then((list) =>
          tabs.showBadge(tabId, list ? list.highlights.length : null),
        );
        if (handle) void autoLookup(handle).catch(() => undefined);
      },
    });

    // Every listener is registered synchronously, so a message that wakes a
    // stopped worker finds it listening.
    browser.runtime.onMessage.addListener((message, sender) => {
      // webextension-polyfill: a promise answers; undefined leaves it unanswered.
      return handleMessage(message, sender);
    });

    browser.tabs.onRemoved.addListener((tabId) => {
      void tabs.forget(tabId);
    });
  },
});

/**
 * Chrome lets content scripts read storage.local unless told otherwise; the
 * key must stay out of reach of code running inside Instagram's pages.
 * Firefox has no such switch (see the README's security section).
 */
function restrictStorageToExtensionPages(): void {
  const local = (globalThis as { chrome?: { storage?: { local?: { setAccessLevel?: (o: object) => Promise<void> } } } })
    .chrome?.storage?.local;
  void local?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })?.catch(() => undefined);
}
