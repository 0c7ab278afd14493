/**
 * A message listener that answers with a promise, in both browsers, without
 * webextension-polyfill (2.7 kB gzip in every bundle that carries it).
 * Firefox's own `runtime.onMessage` takes the promise a listener returns;
 * Chrome's answers only through `sendResponse` (the listener returns `true` to
 * keep the channel open). For Chrome this does what the polyfill's onMessage
 * wrapper does, down to how a rejection travels, so senders that read replies
 * the polyfill's way (the options and collection pages, entrypoints/popup/
 * extension-api.ts) see the same thing.
 */

/** A listener's answer: a promise, or undefined to leave the message unanswered. */
export type Answer = (message: unknown, sender: never) => Promise<unknown> | undefined;

/** How webextension-polyfill sends a listener's rejected promise through Chrome's `sendResponse`. */
export interface PolyfillRejection {
  __mozWebExtensionPolyfillReject__: true;
  message: string;
}

/** Whether a reply is such a rejection: what a sender reads as "the listener failed". */
export function isPolyfillRejection(reply: unknown): reply is PolyfillRejection {
  return typeof reply === 'object' && reply !== null && (reply as Partial<PolyfillRejection>).__mozWebExtensionPolyfillReject__ === true;
}

export function rejectionReply(error: unknown): PolyfillRejection {
  const message =
    typeof (error as { message?: unknown } | null)?.message === 'string'
      ? (error as { message: string }).message
      : 'An unexpected error occurred';
  return { __mozWebExtensionPolyfillReject__: true, message };
}

/**
 * The listener to register for `answer`. `promisesAnswer`: the browser takes a
 * returned promise as the answer (Firefox's `browser`); otherwise (Chrome's
 * `chrome`) the answer goes through `sendResponse`.
 */
export function messageListener<Sender>(
  answer: (message: unknown, sender: Sender) => Promise<unknown> | undefined,
  promisesAnswer: boolean,
) {
  return (message: unknown, sender: Sender, sendResponse: (reply: unknown) => void): Promise<unknown> | true | undefined => {
    let reply: Promise<unknown> | undefined;
    try {
      reply = answer(message, sender);
    } catch (error) {
      reply = Promise.reject(error);
    }
    if (!reply || promisesAnswer) return reply;
    reply.then(sendResponse, (error: unknown) => sendResponse(rejectionReply(error)));
    return true;
  };
}
