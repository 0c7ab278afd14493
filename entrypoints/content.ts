import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { profileReport } from '@/utils/profile-report';
import { parseProfileUrl } from '@/utils/profile-url';

export default defineContentScript({
  matches: ['https://www.instagram.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    let reported: string | null | undefined;

    function report(url: string): void {
      const handle = parseProfileUrl(url);
      if (handle === reported || ctx.isInvalid) return;
      reported = handle;
      browser.runtime.sendMessage(profileReport(handle)).catch(() => {
        // The background was being restarted; report again on the next change.
        reported = undefined;
      });
    }

    report(location.href);
    // Instagram navigates with history.pushState; at this moment `location`
    // may still hold the old URL, so read the event's.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => report(event.newUrl.href));
  },
});
