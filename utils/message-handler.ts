import { z } from 'zod';
import { validateApiKey } from './api-key-validation';
import type { HighlightLookup } from './highlight-lookup';
import { pageRequestSchema, type PageRequest, type PageResponses } from './messages';
import { isValidHandle } from './profile-url';
import { isOwnContentScript, isOwnExtensionPage, isOwnOptionsPage, type SenderInfo } from './sender-policy';
import { normaliseSettings } from './settings';
import { apiKeyItem, settingsItem } from './storage-items';
import type { TabProfiles } from './tab-profiles';

const profileReportSchema = z.object({
  type: z.literal('profile-detected'),
  handle: z.string().refine(isValidHandle).transform((h) => h.toLowerCase()).nullable(),
});

export interface MessageHandlerDeps {
  ownId: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  ownOrigin: string;
  lookup: HighlightLookup;
  tabs: TabProfiles;
  /**
   * Asks the content script in a tab which profile its page shows now;
   * undefined when none answers (the tab left Instagram, or predates us).
   */
  askTab: (tabId: number) => Promise<string | null | undefined>;
  /** Called after a content script reports a profile (auto-lookup hooks in here). */
  onProfileDetected?: (tabId: number, handle: string | null) => void;
}

/**
 * The background's one message entry point. Returns the answer, or undefined
 * for a message it drops (unknown sender, unknown shape) — dropped messages get
 * no answer at all, so a prober learns nothing.
 */
export function createMessageHandler(deps: MessageHandlerDeps) {
  async function answerPage(request: PageRequest): Promise<unknown> {
    switch (request.type) {
      case 'get-tab-profile': {
        // Without the "tabs" permission the background cannot see where a tab
        // went, so the stored state may be stale: the page's own script decides.
        const live = await deps.askTab(request.tabId);
        const handle = live === undefined ? null : live;
        if ((await deps.tabs.get(request.tabId)) !== handle) await deps.tabs.set(request.tabId, handle);
        return { handle, pageSeen: live !== undefined } satisfies PageResponses['get-tab-profile'];
      }
      case 'get-status':
        return {
          hasKey: Boolean(await apiKeyItem.getValue()),
          settings: normaliseSettings(await settingsItem.getValue()),
        } satisfies PageResponses['get-status'];
      case 'peek-cache':
        return { list: await deps.lookup.peek(request.handle) } satisfies PageResponses['peek-cache'];
      case 'lookup':
        return deps.lookup.lookup(request.handle, { refresh: request.refresh });
      case 'get-api-key':
        return { apiKey: await apiKeyItem.getValue() } satisfies PageResponses['get-api-key'];
      case 'save-api-key': {
        const checked = validateApiKey(request.apiKey);
        if (!checked.ok) return { ok: false, message: checked.message } satisfies PageResponses['save-api-key'];
        await apiKeyItem.setValue(checked.key);
        return { ok: true, warning: checked.warning } satisfies PageResponses['save-api-key'];
      }
      case 'remove-api-key':
        await apiKeyItem.removeValue();
        return { ok: true } satisfies PageResponses['remove-api-key'];
      case 'save-settings': {
        const settings = normaliseSettings(request.settings);
        await settingsItem.setValue(settings);
        return { ok: true, settings } satisfies PageResponses['save-settings'];
      }
      case 'clear-cache':
        return { cleared: await deps.lookup.clearCache() } satisfies PageResponses['clear-cache'];
    }
  }

  /** Sender and shape are checked synchronously, so a dropped message is never answered. */
  return function handleMessage(message: unknown, sender: SenderInfo): Promise<unknown> | undefined {
    if (isOwnContentScript(sender, deps.ownId)) {
      const report = profileReportSchema.safeParse(message);
      if (!report.success) return undefined;
      const tabId = sender.tab!.id!;
      const handle = report.data.handle;
      return deps.tabs.set(tabId, handle).then(() => {
        deps.onProfileDetected?.(tabId, handle);
        return { ok: true };
      });
    }
    if (isOwnExtensionPage(sender, deps.ownId, deps.ownOrigin)) {
      const request = pageRequestSchema.safeParse(message);
      if (!request.success) return undefined;
      if (request.data.type === 'get-api-key' && !isOwnOptionsPage(sender, deps.ownId, deps.ownOrigin)) {
        return undefined;
      }
      return answerPage(request.data);
    }
    return undefined;
  };
}
