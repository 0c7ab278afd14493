import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SenderInfo } from '@/entrypoints/background/messages/sender-policy';
import { apiKeyItem, settingsItem, tabProfilesItem } from '@/entrypoints/background/storage-items';
import { text } from '@/utils/i18n';
import type { Handle } from '@/utils/profile-url';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { backgroundHandlers, OWN_ORIGIN } from '@/test/unit/helpers/background-router';

/**
 * What the background does with each message once the router has let it
 * through (who may send what: router.test.ts). Called directly, as the router
 * calls them: with a message already checked against its schema.
 */

const options: SenderInfo = { url: `${OWN_ORIGIN}/options.html`, origin: OWN_ORIGIN };
const nasa = 'nasa' as Handle;

const answer = (title: string) =>
  new Response(JSON.stringify({ success: true, data: { success: true, highlights: { '0': { id: '1', title } } } }));

function setup() {
  const fetch = vi.fn<typeof globalThis.fetch>(async () => answer('a'));
  const onProfileDetected = vi.fn();
  const handlers = backgroundHandlers(fetch, { onProfileDetected, autoLookupsToday: async () => 3 });
  return { ...handlers, fetch, onProfileDetected };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await apiKeyItem.setValue('sk_live_secret_key');
});

describe('a profile reported by a content script', () => {
  it('is recorded for its tab, names the tab’s toolbar button and is passed on', async () => {
    const { content, onProfileDetected } = setup();
    expect(await content['profile-detected']({ handle: nasa }, { tabId: 7 })).toEqual({ ok: true });
    expect(await tabProfilesItem.getValue()).toEqual({ '7': 'nasa' });
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe('Highlights of @nasa');
    expect(onProfileDetected).toHaveBeenCalledWith(7, 'nasa');
  });

  it('records "no profile" too', async () => {
    const { content } = setup();
    await content['profile-detected']({ handle: null }, { tabId: 7 });
    expect(await tabProfilesItem.getValue()).toEqual({ '7': null });
  });
});

describe('the key', () => {
  it('get-status tells whether a key is set, never the key', async () => {
    const { pages } = setup();
    const status = await pages['get-status']({}, options);
    expect(status).toEqual({ hasKey: true, settings: DEFAULT_SETTINGS });
    expect(JSON.stringify(status)).not.toContain('sk_live');
    await apiKeyItem.setValue('');
    expect(await pages['get-status']({}, options)).toMatchObject({ hasKey: false });
  });

  it('get-api-key gives the key, or null for none', async () => {
    const { pages } = setup();
    expect(await pages['get-api-key']({}, options)).toEqual({ apiKey: 'sk_live_secret_key' });
    await apiKeyItem.removeValue();
    expect(await pages['get-api-key']({}, options)).toEqual({ apiKey: null });
  });

  it('saves a valid key trimmed, refuses a bad one and keeps the old key, warns of a key without its prefix', async () => {
    const { pages } = setup();
    const save = (apiKey: string) => pages['save-api-key']({ apiKey }, options);
    expect(await save('  sk_live_new\n')).toEqual({ ok: true, warning: null });
    expect(await apiKeyItem.getValue()).toBe('sk_live_new');
    expect(await save('sk live')).toMatchObject({ ok: false });
    expect(await save('')).toMatchObject({ ok: false });
    expect(await apiKeyItem.getValue()).toBe('sk_live_new');
    expect(await save('abc123')).toMatchObject({ ok: true, warning: { key: 'keyNoPrefix' } });
    expect(await pages['remove-api-key']({}, options)).toEqual({ ok: true });
    expect(await apiKeyItem.getValue()).toBeNull();
  });

  it('a saved key is never shown from an answer cached before that carries it', async () => {
    const { pages, fetch } = setup();
    fetch.mockImplementation(async () => answer('title sk_live_brand_new'));
    await pages.lookup({ handle: nasa, refresh: false }, options);
    expect(await pages['peek-cache']({ handle: nasa }, options)).toMatchObject({ list: { handle: 'nasa' } });
    await pages['save-api-key']({ apiKey: 'sk_live_brand_new' }, options);
    expect(await pages['peek-cache']({ handle: nasa }, options)).toEqual({ list: null });
  });

  it('says so when storage refuses the key, naming the button that makes room', async () => {
    const { pages } = setup();
    vi.spyOn(apiKeyItem, 'setValue').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    expect(await pages['save-api-key']({ apiKey: 'sk_live_new' }, options)).toEqual({
      ok: false,
      message: text('storageRefused', text('clearCache')),
    });
    expect(await apiKeyItem.getValue()).toBe('sk_live_secret_key');
  });

  it('test-key never sends what cannot be a key', async () => {
    const { pages, fetch } = setup();
    expect(await pages['test-key']({ apiKey: 'not a key' }, options)).toMatchObject({ ok: false, invalid: { key: 'keyHasSpaces' } });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('settings, cache and usage', () => {
  it('save-settings stores the settings as normalised, and gives them back', async () => {
    const { pages } = setup();
    const chosen = { cacheTtlHours: 48, autoLookup: true, copyFormat: 'csv', autoLookupDailyCap: 20, lowBalanceWarning: 10 } as const;
    expect(await pages['save-settings']({ settings: chosen }, options)).toEqual({ ok: true, settings: chosen });
    expect(await settingsItem.getValue()).toEqual(chosen);
  });

  it('clear-cache reports how many answers it dropped', async () => {
    const { pages } = setup();
    await pages.lookup({ handle: nasa, refresh: false }, options);
    expect(await pages['clear-cache']({}, options)).toEqual({ cleared: 1, keptIn: null });
  });

  it('get-usage tells what automatic lookups spent today', async () => {
    const { pages } = setup();
    expect(await pages['get-usage']({}, options)).toEqual({ autoLookupsToday: 3 });
  });
});
