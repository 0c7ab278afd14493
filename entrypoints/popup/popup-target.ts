import { browser } from 'wxt/browser';
import { toHandle, type Handle } from '@/utils/handle';

/**
 * `popup.html?handle=<name>` (the context menu's panel) names a profile: a
 * handle as the background wrote it, or with an `@` in front. Anything else
 * names none.
 */
export function handleFromSearch(search: string): Handle | null {
  const raw = new URLSearchParams(search).get('handle');
  return raw === null ? null : toHandle(raw.replace(/^@/, ''));
}

/** `popup.html?tab=<id>` names the tab; anything else means the active tab. */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/** The tab this popup is about: the one named in its URL, else the active tab of its window. */
export async function resolveTabId(): Promise<number | null> {
  const named = tabIdFromSearch(window.location.search);
  if (named !== null) return named;
  try {
    const { tabs } = browser;
    // Opened as a page of its own (not from the toolbar): the active tab is
    // this page, which shows no profile, so there is no tab to ask about.
    if (await tabs.getCurrent()) return null;
    const [tab] = await tabs.query({ active: true, currentWindow: true });
    return typeof tab?.id === 'number' && tab.id >= 0 ? tab.id : null;
  } catch {
    return null;
  }
}
