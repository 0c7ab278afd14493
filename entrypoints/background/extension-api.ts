import type { WxtBrowser } from 'wxt/browser';
import { messageListener } from '@/utils/message-answers';

/**
 * The extension API, straight from the browser rather than through
 * webextension-polyfill (`wxt/browser`): Firefox's `browser`, else Chrome's
 * `chrome`, the choice the polyfill makes. In Manifest V3 both return
 * promises for every call the background makes; the one thing the polyfill
 * added here, answering a message with a promise in Chrome, is
 * `answerMessages`. That keeps 2.7 kB (gzip) out of the background's 25 kB
 * budget (test/unit/manifest.test.ts).
 */
const scope = globalThis as unknown as { browser?: WxtBrowser; chrome?: WxtBrowser };
const firefox = Boolean(scope.browser?.runtime?.id);

export const browser: WxtBrowser = (firefox ? scope.browser : scope.chrome)!;

/** Answers every message with what `answer` returns: a promise, or undefined for no answer. */
export function answerMessages<Sender>(answer: (message: unknown, sender: Sender) => Promise<unknown> | undefined): void {
  const listener = messageListener(answer, firefox);
  browser.runtime.onMessage.addListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
}
