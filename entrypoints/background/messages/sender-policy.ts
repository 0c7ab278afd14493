/**
 * Who sent a message: our content script, one of our pages, or the options
 * page. Checked before any message is parsed; a message from anyone else is
 * dropped unread.
 */

/** The parts of `runtime.MessageSender` the checks read (Chrome and Firefox alike). */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number };
  documentLifecycle?: string;
}

export const INSTAGRAM_ORIGIN = 'https://www.instagram.com';

/**
 * `scheme://host[:port]`, built by hand: `URL.origin` is the string "null" for
 * extension schemes in some runtimes, and "null" must never match "null".
 */
export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol, host } = new URL(url);
    return host ? `${protocol}//${host}` : null;
  } catch {
    return null;
  }
}

/** Our content script, in the top frame of a tab that shows www.instagram.com. */
export function isOwnContentScript(sender: SenderInfo, ownId: string): boolean {
  return (
    sender.id === ownId &&
    typeof sender.tab?.id === 'number' &&
    sender.tab.id >= 0 &&
    sender.frameId === 0 &&
    originOf(sender.url) === INSTAGRAM_ORIGIN &&
    // Chrome reports the frame's origin as well; Firefox does not.
    (sender.origin === undefined || sender.origin === INSTAGRAM_ORIGIN)
  );
}

/**
 * One of this extension's own pages (popup, options, collection).
 * `ownOrigin` is `chrome-extension://<id>` (or `moz-extension://<uuid>`); a
 * content script, whatever it claims, has the web page's URL and fails this.
 */
export function isOwnExtensionPage(sender: SenderInfo, ownId: string, ownOrigin: string): boolean {
  return (
    sender.id === ownId &&
    originOf(sender.url) === ownOrigin &&
    (sender.origin === undefined || sender.origin === ownOrigin)
  );
}

/** The options page itself: the only page that may read the stored key back. */
export function isOwnOptionsPage(sender: SenderInfo, ownId: string, ownOrigin: string): boolean {
  if (!isOwnExtensionPage(sender, ownId, ownOrigin)) return false;
  return new URL(sender.url!).pathname === '/options.html';
}
