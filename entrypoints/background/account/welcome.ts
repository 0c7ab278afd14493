import { WELCOME_QUERY, welcomesOn } from '@/utils/account/onboarding';
import { browser } from 'wxt/browser';

/**
 * After a first install, the options page in a tab of its own with the
 * welcome: what the extension does, where the key comes from, what a lookup
 * costs. tabs.create (no permission needed) rather than openOptionsPage,
 * which cannot pass the query.
 */
export function welcomeAfterInstall({ reason }: { reason: string }): Promise<void> {
  if (!welcomesOn(reason)) return Promise.resolve();
  return browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}?${WELCOME_QUERY}` }).then(() => undefined);
}
