import { browser } from 'wxt/browser';
import { createSerialQueue } from './serial-queue';
import { tabProfilesItem } from './storage-items';

export const DEFAULT_TITLE = 'Highlight Lookup';

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

    async forget(tabId: number): Promise<void> {
      await write(async () => {
        const { [String(tabId)]: _gone, ...rest } = await tabProfilesItem.getValue();
        await tabProfilesItem.setValue(rest);
      });
    },
  };
}

export type TabProfiles = ReturnType<typeof createTabProfiles>;
