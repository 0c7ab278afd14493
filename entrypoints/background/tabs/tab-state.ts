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

  /** The edits waiting for the next write; later edits join it until that write starts. */
  let batch: { edits: Array<(map: Map<number, Handle | null>) => boolean>; done: Promise<void> } | null = null;

  /**
   * One read-modify-write for every edit made while the previous write ran:
   * thirty tabs reporting at once (or thirty closing) are one or two writes,
   * not thirty in a row, each of them a storage round trip or two that the
   * last tab's toolbar title waited behind. An edit that changes nothing
   * (a closed tab that was never recorded, such as a popup of its own) writes
   * nothing.
   */
  function change(edit: (map: Map<number, Handle | null>) => boolean): Promise<void> {
    if (batch) {
      batch.edits.push(edit);
      return batch.done;
    }
    const current: { edits: Array<(map: Map<number, Handle | null>) => boolean>; done: Promise<void> } = {
      edits: [edit],
      done: Promise.resolve(),
    };
    batch = current;
    current.done = write(async () => {
      if (batch === current) batch = null;
      const map = await profiles();
      let changed = false;
      for (const apply of current.edits) changed = apply(map) || changed;
      if (changed) await tabProfilesItem.setValue(Object.fromEntries(map));
    });
    return current.done;
  }

  return {
    async set(tabId: number, handle: Handle | null): Promise<void> {
      await change((map) => {
        if (map.has(tabId) && map.get(tabId) === handle) return false;
        map.set(tabId, handle);
        return true;
      });
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

    forget: (tabId: number): Promise<void> => change((map) => map.delete(tabId)),
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
