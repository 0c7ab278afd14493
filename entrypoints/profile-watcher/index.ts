import { browser, type Browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { message, type ResponseOf } from '@/utils/protocol';
import { onUrlChange } from './url-changes';
import { watchProfile } from './watch';

/**
 * The content script on www.instagram.com (declared in wxt.config.ts). It is
 * an unlisted script rather than WXT's content script on purpose: WXT's
 * content-script context announces itself to the page (a window message and
 * document events named after the extension id) and can be switched off by a
 * page that forges them. This one leaves no trace in the page's world.
 */
export default defineUnlistedScript(() => {
  const isAlive = () => Boolean(browser.runtime?.id);
  const watcher = watchProfile({
    currentUrl: () => location.href,
    report: (handle) => browser.runtime.sendMessage(message('profile-detected', { handle })),
    isAlive,
    onUrlChange,
  });

  // The popup asks when it opens: which profile does this page show right now?
  function answer(request: unknown, sender: Browser.runtime.MessageSender): Promise<ResponseOf<'which-profile'>> | undefined {
    if (!isAlive()) {
      watcher.stop();
      browser.runtime.onMessage.removeListener(answer);
      return undefined;
    }
    // Only this extension's own pages ask (the popup, also when opened in a tab).
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/'))) return undefined;
    if ((request as { type?: unknown } | null)?.type !== 'which-profile') return undefined;
    return Promise.resolve({ handle: watcher.current() });
  }
  browser.runtime.onMessage.addListener(answer);
});
