/**
 * The extension APIs the popup calls, straight from the browser rather than
 * through webextension-polyfill (`wxt/browser`). In Manifest V3 both Firefox's
 * `browser` and Chrome's `chrome` return promises for every call the popup
 * makes, so the polyfill's 2.7 kB (gzip) would be a fifth of the popup's
 * 15 kB budget spent on nothing. It stays where it is needed: the background
 * and the content script answer messages with promises, which Chrome's own
 * onMessage does not carry.
 *
 * What the polyfill does for a sender is done here, in `messageReply`: a
 * listener on the other side whose promise rejected (the polyfill sends that
 * as a marked object) rejects here too, and "nobody answered" is undefined,
 * as Firefox and the polyfill both have it.
 */
import { isPolyfillRejection } from '@/utils/message-answers';

interface StorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
}

interface TabInfo {
  id?: number;
}

/** The part of the extension API the popup uses. */
export interface ExtensionApi {
  runtime: {
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    openOptionsPage(): Promise<void>;
    getURL(path: string): string;
  };
  i18n: {
    getMessage(name: string, substitutions?: string | string[]): string;
  };
  storage: { local: StorageArea; session: StorageArea };
  tabs: {
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
    getCurrent(): Promise<TabInfo | undefined>;
    query(query: { active: boolean; currentWindow: boolean }): Promise<TabInfo[]>;
    create(properties: { url: string }): Promise<TabInfo>;
  };
  windows: {
    create(properties: { url: string; type: 'popup'; width: number; height: number }): Promise<unknown>;
  };
}

/** Firefox's `browser`, else Chrome's `chrome`: the choice webextension-polyfill makes. */
export function extensionApi(): ExtensionApi {
  const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  // The popup only ever runs as an extension page, where one of the two is there.
  return (scope.browser?.runtime?.id ? scope.browser : scope.chrome)!;
}

/** Chrome's rejection when every listener left the message unanswered. */
export const NO_RESPONSE = 'The message port closed before a response was received.';

/** The reply to a message sent by `send`, read as webextension-polyfill reads it. */
export async function messageReply(send: () => Promise<unknown>): Promise<unknown> {
  let reply: unknown;
  try {
    reply = await send();
  } catch (error) {
    if (error instanceof Error && error.message === NO_RESPONSE) return undefined;
    throw error;
  }
  if (isPolyfillRejection(reply)) throw new Error(String(reply.message));
  return reply;
}
