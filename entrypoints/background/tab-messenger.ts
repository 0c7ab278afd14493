import { browser } from 'wxt/browser';
import type { Handle } from '@/utils/profile-url';
import { message } from '@/utils/protocol';
import { whichProfileAnswer } from './message-schemas';

/**
 * Asks the content script in a tab's top frame which profile its page shows.
 * Undefined when none answers (not Instagram, or opened before an install) or
 * the answer does not fit.
 */
export async function askTabForProfile(tabId: number): Promise<Handle | null | undefined> {
  let answer: unknown;
  try {
    answer = await browser.tabs.sendMessage(tabId, message('which-profile', {}), { frameId: 0 });
  } catch {
    return undefined;
  }
  const parsed = whichProfileAnswer.safeParse(answer);
  return parsed.success ? parsed.data.handle : undefined;
}
