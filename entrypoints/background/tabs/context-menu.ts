import { browser } from 'wxt/browser';
import { PANEL_WINDOW } from '@/utils/limits';
import { parseProfileUrl } from '@/utils/profile-url';
import { t } from './translator';

export const PROFILE_LINK_MENU_ID = 'highlights-of-profile-link';

/**
 * The right-click entry on links on instagram.com. Chrome shows a menu title
 * before anyone knows which link was clicked, so it names no handle.
 */
export function createProfileLinkMenu(): void {
  browser.contextMenus.create(
    {
      id: PROFILE_LINK_MENU_ID,
      title: t('contextMenuProfileLink'),
      contexts: ['link'],
      documentUrlPatterns: ['https://www.instagram.com/*'],
      targetUrlPatterns: ['https://www.instagram.com/*', 'https://instagram.com/*'],
    },
    // A menu that exists already (the worker restarted) is not an error worth reporting.
    () => void browser.runtime.lastError,
  );
}

/**
 * The panel URL for a clicked link: the profile's handle, parsed by the same
 * parseProfileUrl the content script uses, or null when the link is not a profile.
 */
export function panelUrlForLink(linkUrl: string | undefined, pageUrl: (path: string) => string): string | null {
  const handle = linkUrl ? parseProfileUrl(linkUrl) : null;
  return handle ? pageUrl(`/popup.html?handle=${encodeURIComponent(handle)}`) : null;
}

/** Opens the panel for the profile a link points to, in a small window; a link to anything else does nothing. */
export async function openPanelForLink(linkUrl: string | undefined): Promise<boolean> {
  const url = panelUrlForLink(linkUrl, (path) => browser.runtime.getURL(path as '/popup.html'));
  if (!url) return false;
  await browser.windows.create({ url, type: 'popup', ...PANEL_WINDOW });
  return true;
}
