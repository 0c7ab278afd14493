import { validateApiKey } from '@/utils/account/api-key-validation';
import { text } from '@/utils/i18n';
import type { Handle } from '@/utils/profile-url';
import { normaliseSettings } from '@/utils/settings';
import { DEFAULT_COLLECTION_ID } from '@/utils/collections/run-record';
import type { BalanceService } from '../account/balance-service';
import type { Collections } from '../collections/collection-service';
import type { LookupService } from '../lookup/lookup-service';
import type { StoriesService } from '../stories/stories-service';
import type { StoriesRuns } from '../story-runs/stories-runs';
import type { BackgroundHandlers } from './router';
import { apiKeyItem, settingsItem } from '../storage-items';
import type { TabState } from '../tabs/tab-state';

export interface HandlerDeps {
  lookup: LookupService;
  stories: StoriesService;
  storiesRuns: StoriesRuns;
  collections: Collections;
  balance: BalanceService;
  tabs: TabState;
  /** Automatic lookups spent today, for the options page. */
  autoLookupsToday: () => Promise<number>;
  /** Called after a content script reports a profile (badge and auto-lookup hook in here). */
  onProfileDetected?: (tabId: number, handle: Handle | null) => void;
}

/** What to say when storage refuses a change; it names the options page's "Clear cached answers" button by its translated label. */
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
export function createHandlers(deps: HandlerDeps): BackgroundHandlers {
  const { lookup, stories, storiesRuns, collections, balance, tabs, autoLookupsToday, onProfileDetected } = deps;
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
      // The popup paints the answer while it is stored, then asks where it went.
      lookup: ({ handle, refresh, resend }) => lookup.lookup(handle, { refresh, resend, early: true }),
      'answer-kept': async ({ handle }) => ({ keptIn: await lookup.keptIn(handle) }),
      'highlight-stories': ({ highlightId, refresh, resend }) => stories.stories(highlightId, { refresh, resend }),
      'stories-run-estimate': async ({ of }) => ({ estimate: await storiesRuns.estimate(of) }),
      'stories-run-start': ({ of, credits }) => storiesRuns.start(of, credits),
      'stories-run-control': ({ of, action }) => storiesRuns.control(of, action),
      'stories-run': async ({ of }) => ({ view: await storiesRuns.view(of) }),
      'stories-run-results': ({ of, offset, limit }) => storiesRuns.results(of, offset, limit),
      async 'get-api-key'() {
        const apiKey = await apiKeyItem.getValue();
        return { apiKey: typeof apiKey === 'string' && apiKey !== '' ? apiKey : null };
      },
      async 'save-api-key'({ apiKey }) {
        const checked = validateApiKey(apiKey);
        if (!checked.ok) return { ok: false, message: checked.message };
        if (!(await saved(() => apiKeyItem.setValue(checked.key)))) return { ok: false, message: STORAGE_REFUSED };
        // An answer cached earlier may contain the key's text; the key must never be shown.
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
      'get-balance': () => balance.balance(),
      collections: async () => ({ collections: await collections.list() }),
      collection: ({ id }) => collections.get(id),
      'collection-create': async ({ name }) => ({ id: await collections.create(name) }),
      'collection-rename': async ({ id, name }) => ({ ok: await collections.rename(id, name) }),
      'collection-add': ({ id, handles }) => collections.add(id ?? DEFAULT_COLLECTION_ID, handles),
      'collection-remove': async ({ id, handles }) => ({ size: await collections.remove(id, handles) }),
      async 'collection-clear'({ id, drop }) {
        await collections.clear(id, { drop });
        // Its stories go with its answers.
        await storiesRuns.forget({ collection: id });
        return { ok: true };
      },
      'collection-estimate': ({ id }) => collections.estimate(id),
      'collection-control': ({ id, action }) => collections.control(id, action),
      'collection-results': ({ id, offset, limit }) => collections.results(id, offset, limit),
      'collection-settings': () => collections.settings(),
      async 'collection-save-settings'({ concurrency, notify }) {
        const next = await collections.saveSettings({ concurrency, notify });
        // Stories runs go by the same setting.
        await storiesRuns.setConcurrency(next.concurrency);
        return next;
      },
      async 'test-key'({ apiKey }) {
        const checked = validateApiKey(apiKey);
        return checked.ok ? balance.test(checked.key) : { ok: false, invalid: checked.message };
      },
      async 'get-usage'() {
        return { autoLookupsToday: await autoLookupsToday() };
      },
    },
  };
}
