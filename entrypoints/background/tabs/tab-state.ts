import { browser } from 'wxt/browser';
import { toHandle, type Handle } from '@/utils/profile-url';
import { iconSet, TOOLBAR_ICON_SIZES } from '@/utils/toolbar-icons';
import { t } from './translator';
import { createSerialQueue } from '../serial-queue';
import { tabProfilesItem } from '../storage-items';

/** The toolbar badge's colour: the theme's accent (--accent in assets/theme.css). */
export const BADGE_COLOUR = '#3056d3';

/** The toolbar badge: how many highlights the tab's profile has, once known. */
export function badgeTextFor(count: number | null): string {
  if (count === null) return '';
  return count > 999 ? '999+' : String(count);
}

/** The toolbar button's title for a tab, in the browser's language. */
export function actionTitleFor(handle: Handle | null): string {
  return handle ? t('highlightsOf', handle) : t('toolbarTitleNoProfile');
}

/** The toolbar icon: the mark in colour on a profile, in grey on a page that shows none. */
export function actionIconFor(handle: Handle | null): Record<number, string> {
  return iconSet(handle ? 'normal' : 'grey', TOOLBAR_ICON_SIZES);
}

/**
 * What each tab shows, and the toolbar button that says so (title, icon,
 * badge). Kept in storage.session, so a stopped worker forgets nothing.
 */
export function createTabState() {
  const write = createSerialQueue();

  async function profiles(): Promise<Map<number, Handle | null>> {
    const stored = await tabProfilesItem.getValue();
    const map = new Map<number, Handle | null>();
    // Read back as checked values: whatever else storage holds is not a profile.
    for (const [id, handle] of Object.entries(typeof stored === 'object' && stored !== null ? stored : {})) {
      if (handle === null) map.set(Number(id), null);
      else if (typeof handle === 'string' && toHandle(handle) === handle) map.set(Number(id), handle as Handle);
    }
    return map;
  }

  async function change(edit: (map: Map<number, Handle | null>) => void): Promise<void> {
    await write(async () => {
      const map = await profiles();
      edit(map);
      await tabProfilesItem.setValue(Object.fromEntries(map));
    });
  }

  return {
    async set(tabId: number, handle: Handle | null): Promise<void> {
      await change((map) => map.set(tabId, handle));
      await quietly(() => browser.action.setTitle({ tabId, title: actionTitleFor(handle) }));
      await quietly(() => browser.action.setIcon({ tabId, path: actionIconFor(handle) }));
    },

    /** Tabs that show `handle` right now. */
    async showing(handle: Handle): Promise<number[]> {
      return [...(await profiles())].filter(([, shown]) => shown === handle).map(([id]) => id);
    },

    async showBadge(tabId: number, count: number | null): Promise<void> {
      await quietly(() => browser.action.setBadgeText({ tabId, text: badgeTextFor(count) }));
    },

    forget: (tabId: number): Promise<void> => change((map) => void map.delete(tabId)),
  };
}

/** A toolbar call for a tab that closed meanwhile has nothing to show and nothing to report. */
async function quietly(call: () => Promise<void>): Promise<void> {
  try {
    await call();
  } catch {
    // The tab is gone.
  }
}

export type TabState = ReturnType<typeof createTabState>;
