import { browser } from 'wxt/browser';
import { createSerialQueue } from './serial-queue';
import { tabProfilesItem } from './storage-items';

export const DEFAULT_TITLE = 'Highlight Lookup';

/** The toolbar badge: how many highlights the tab's profile has, once known. */
export function badgeTextFor(count: number | null): string {
  if (count === null) return '';
  return count > 999 ? '999+' : String(count);
}

export function actionTitleFor(handle: string | null): string {
  return handle ? `Highlights of @${handle}` : `${DEFAULT_TITLE} — no Instagram profile on this page`;
}

/** Per-tab profile state, kept in storage.session so a stopped worker forgets nothing. */
export function createTabProfiles() {
  const write = createSerialQueue();

  async function showTitle(tabId: number, handle: string | null): Promise<void> {
    try {
      await browser.action.setTitle({ tabId, title: actionTitleFor(handle) });
    } catch {
      // The tab closed meanwhile; nothing to show.
    }
  }

  return {
    async get(tabId: number): Promise<string | null | undefined> {
      const profiles = await tabProfilesItem.getValue();
      return Object.hasOwn(profiles, String(tabId)) ? profiles[String(tabId)] : undefined;
    },

    async set(tabId: number, handle: string | null): Promise<void> {
      await write(async () => {
        const profiles = await tabProfilesItem.getValue();
        await tabProfilesItem.setValue({ ...profiles, [String(tabId)]: handle });
      });
      await showTitle(tabId, handle);
    },

    /** Tabs that show `handle` right now. */
    async showing(handle: string): Promise<number[]> {
      const profiles = await tabProfilesItem.getValue();
      return Object.keys(profiles)
        .filter((id) => profiles[id] === handle)
        .map(Number);
    },

    async showBadge(tabId: number, count: number | null): Promise<void> {
      try {
        await browser.action.setBadgeText({ tabId, text: badgeTextFor(count) });
      } catch {
        // The tab closed meanwhile.
      }
    },

    async forget(tabId: number): Promise<void> {
      await write(async () => {
        const { [String(tabId)]: _gone, ...rest } = await tabProfilesItem.getValue();
        await tabProfilesItem.setValue(rest);
      });
    },
  };
}

export type TabProfiles = ReturnType<typeof createTabProfiles>;
