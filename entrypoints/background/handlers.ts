import { validateApiKey } from '@/utils/api-key-validation';
import { text } from '@/utils/i18n';
import type { Handle } from '@/utils/profile-url';
import { normaliseSettings } from '@/utils/settings';
import type { LookupService } from './lookup-service';
import type { BackgroundHandlers } from './router';
import { apiKeyItem, settingsItem } from './storage-items';
import type { TabState } from './tab-state';

export interface HandlerDeps {
  lookup: LookupService;
  tabs: TabState;
  /** Automatic lookups spent today, for the options page. */
  autoLookupsToday: () => Promise<number>;
  /** Called after a content script reports a profile (badge and auto-lookup hook in here). */
  onProfileDetected?: (tabId: number, handle: Handle | null) => void;
}

/** Names the options page's "Clear cached answers" button by its own label. */
const STORAGE_REFUSED = text('storageRefused', text('clearCache'));

/** Whether storage took a change. */
async function saved(change: () => Promise<void>): Promise<boolean> {
  try {
    await change();
    return true;
  } catch {
    return false;
  }
}

/** What the background answers to each message. */
export function createHandlers({ lookup, tabs, autoLookupsToday, onProfileDetected }: HandlerDeps): BackgroundHandlers {
  return {
    content: {
      async 'profile-detected'({ handle }, { tabId }) {
        await tabs.set(tabId, handle);
        onProfileDetected?.(tabId, handle);
        return { ok: true };
      },
    },
    pages: {
      async 'get-status'() {
        const apiKey = await apiKeyItem.getValue();
        return {
          hasKey: typeof apiKey === 'string' && apiKey !== '',
          settings: normaliseSettings(await settingsItem.getValue()),
        };
      },
      async 'peek-cache'({ handle }) {
        return { list: await lookup.peek(handle) };
      },
      lookup: ({ handle, refresh, resend }) => lookup.lookup(handle, { refresh, resend }),
      async 'get-api-key'() {
        const apiKey = await apiKeyItem.getValue();
        return { apiKey: typeof apiKey === 'string' && apiKey !== '' ? apiKey : null };
      },
      async 'save-api-key'({ apiKey }) {
        const checked = validateApiKey(apiKey);
        if (!checked.ok) return { ok: false, message: checked.message };
        if (!(await saved(() => apiKeyItem.setValue(checked.key)))) return { ok: false, message: STORAGE_REFUSED };
        // An answer cached before may carry this text; it must never be shown.
        await lookup.forgetAnswersContaining(checked.key);
        return { ok: true, warning: checked.warning };
      },
      async 'remove-api-key'() {
        return (await saved(() => apiKeyItem.removeValue())) ? { ok: true } : { ok: false, message: STORAGE_REFUSED };
      },
      async 'save-settings'({ settings }) {
        const normal = normaliseSettings(settings);
        if (!(await saved(() => settingsItem.setValue(normal)))) return { ok: false, message: STORAGE_REFUSED };
        return { ok: true, settings: normal };
      },
      'clear-cache': ({ keep }) => lookup.clearCache(keep),
      async 'get-usage'() {
        return { autoLookupsToday: await autoLookupsToday() };
      },
    },
  };
}
