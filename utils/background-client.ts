import { browser } from 'wxt/browser';
import type { PageRequest, PageResponses } from './messages';

/** Typed request from an extension page (popup, options) to the background. */
export async function askBackground<T extends PageRequest>(
  request: T,
): Promise<PageResponses[T['type']]> {
  const response: unknown = await browser.runtime.sendMessage(request);
  if (response === undefined) {
    throw new Error('The extension background did not answer. Try reopening this page.');
  }
  return response as PageResponses[T['type']];
}
