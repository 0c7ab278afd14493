import { browser, type Browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { parseProfileUrl, type Handle } from '@/utils/profile-url';
import { message, type ResponseOf } from '@/utils/protocol';

export default defineContentScript({
  matches: ['https://www.instagram.com/*'],
  // Only the URL matters, so start before Instagram's heavy page has loaded.
  runAt: 'document_start',
  main(ctx) {
    let reported: Handle | null | undefined;

    function report(url: string): void {
      const handle = parseProfileUrl(url);
      if (handle === reported || ctx.isInvalid) return;
      reported = handle;
      browser.runtime.sendMessage(message('profile-detected', { handle })).catch(() => {
        // The background was being restarted; report again on the next change.
        reported = undefined;
      });
    }

    // The background asks when a popup opens, since it cannot see the tab's URL.
    function answer(
      request: unknown,
      sender: Browser.runtime.MessageSender,
    ): Promise<ResponseOf<'which-profile'>> | undefined {
      if (sender.id !== browser.runtime.id || sender.tab) return undefined;
      if ((request as { type?: unknown } | null)?.type !== 'which-profile') return undefined;
      return Promise.resolve({ handle: parseProfileUrl(location.href) });
    }
    browser.runtime.onMessage.addListener(answer);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(answer));

    report(location.href);
    // Instagram navigates with history.pushState; at this moment `location`
    // may still hold the old URL, so read the event's.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => report(event.newUrl.href));
  },
});
