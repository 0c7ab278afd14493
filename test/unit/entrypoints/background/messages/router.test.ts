import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundRouter, OWN_ID, OWN_ORIGIN } from '@/test/unit/helpers/background-router';
import type { SenderInfo } from '@/entrypoints/background/messages/sender-policy';
import { apiKeyItem, settingsItem, tabProfilesItem } from '@/entrypoints/background/storage-items';

const popup: SenderInfo = { id: OWN_ID, url: `${OWN_ORIGIN}/popup.html`, origin: OWN_ORIGIN };
const poppedOutPopup: SenderInfo = { ...popup, url: `${OWN_ORIGIN}/popup.html?tab=7`, tab: { id: 9 }, frameId: 0 };
const options: SenderInfo = { id: OWN_ID, url: `${OWN_ORIGIN}/options.html`, origin: OWN_ORIGIN };
const contentScript: SenderInfo = {
  id: OWN_ID,
  url: 'https://www.instagram.com/nasa/',
  origin: 'https://www.instagram.com',
  frameId: 0,
  tab: { id: 7 },
};

function setup() {
  const fetch = vi.fn<typeof globalThis.fetch>(async () =>
    new Response(JSON.stringify({ success: true, data: { success: true, highlights: { '0': { id: '1', title: 'a' } } } })),
  );
  const onProfileDetected = vi.fn();
  const handle = backgroundRouter(fetch, { onProfileDetected, autoLookupsToday: async () => 3 });
  return { handle, fetch, onProfileDetected };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await apiKeyItem.setValue('sk_live_secret_key');
});

describe('profile reports', () => {
  const foreign: Array<[string, SenderInfo]> = [
    ['a foreign extension id', { ...contentScript, id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }],
    ['a sub-frame', { ...contentScript, frameId: 3 }],
    ['another origin', { ...contentScript, url: 'https://evil.example/nasa/', origin: 'https://evil.example' }],
    ['instagram without www', { ...contentScript, url: 'https://instagram.com/nasa/', origin: 'https://instagram.com' }],
    ['http instead of https', { ...contentScript, url: 'http://www.instagram.com/nasa/', origin: 'http://www.instagram.com' }],
    ['a frame whose origin differs from its URL', { ...contentScript, origin: 'https://evil.example' }],
    ['no tab', { ...contentScript, tab: undefined }],
    ['an extension page', popup],
    ['nobody', {}],
  ];

  it.each(foreign)('drops a report from %s', async (_name, sender) => {
    const { handle } = setup();
    expect(handle({ type: 'profile-detected', handle: 'nasa' }, sender)).toBeUndefined();
    expect(await tabProfilesItem.getValue()).toEqual({});
  });

  it.each([
    ['an invalid handle', { type: 'profile-detected', handle: 'na sa' }],
    ['a reserved route', { type: 'profile-detected', handle: 'explore' }],
    ['an upper-case handle (senders send checked, lower-cased handles)', { type: 'profile-detected', handle: 'NASA' }],
    ['a number', { type: 'profile-detected', handle: 5 }],
    ['a page request', { type: 'lookup', handle: 'nasa', refresh: true }],
    ['junk', 'hello'],
    ['null', null],
  ])('drops %s from a content script', async (_name, message) => {
    const { handle, fetch } = setup();
    expect(handle(message, contentScript)).toBeUndefined();
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('page requests', () => {
  it('answers lookups from the popup, popped out or not', async () => {
    const { handle, fetch } = setup();
    expect(await handle({ type: 'lookup', handle: 'nasa', refresh: false }, popup)).toMatchObject({ ok: true });
    expect(await handle({ type: 'lookup', handle: 'nasa', refresh: false }, poppedOutPopup)).toMatchObject({
      ok: true,
      fromCache: true,
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a content script claiming to be the popup', { ...contentScript, url: `${OWN_ORIGIN}/popup.html` }],
    ['the Instagram page', contentScript],
    ['a foreign extension’s popup', { id: 'z'.repeat(32), url: `chrome-extension://${'z'.repeat(32)}/popup.html` }],
    ['a web page', { url: 'https://evil.example/', origin: 'https://evil.example' }],
    ['a data: URL', { id: OWN_ID, url: 'data:text/html,<script>', origin: 'null' }],
    ['a page with our id and a null origin', { id: OWN_ID, url: 'about:blank', origin: 'null' }],
  ])('drops a lookup from %s', async (_name, sender) => {
    const { handle, fetch } = setup();
    expect(handle({ type: 'lookup', handle: 'nasa', refresh: true }, sender as SenderInfo)).toBeUndefined();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('answers a highlight’s stories to our pages only, and drops what is no highlight id unread', async () => {
    const { handle, fetch } = setup();
    fetch.mockImplementation(async () => new Response(JSON.stringify({ error: 'Highlight not found' }), { status: 404 }));
    const ask = (highlightId: unknown) => ({ type: 'highlight-stories', highlightId, refresh: false });
    expect(await handle(ask('highlight:17900000000000001'), popup)).toEqual({
      ok: false,
      highlightId: '17900000000000001',
      error: { kind: 'not-found' },
    });
    expect(String(fetch.mock.calls[0]![0])).toMatch(/highlight-detail\?id=17900000000000001$/);
    expect(handle(ask('17900000000000001'), contentScript)).toBeUndefined();
    for (const id of ['', 'highlight:', '1790 1', 'story:17', '1'.repeat(65), 17900000000000001, null]) {
      expect(handle(ask(id), popup)).toBeUndefined();
    }
    expect(handle({ type: 'highlight-stories', highlightId: '17', refresh: 'yes' }, popup)).toBeUndefined();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('says where a profile’s answer is kept, to its own pages only, and sends nothing for it', async () => {
    const { handle, fetch } = setup();
    await handle({ type: 'lookup', handle: 'nasa', refresh: false }, popup);
    expect(await handle({ type: 'answer-kept', handle: 'nasa' }, popup)).toEqual({ keptIn: 'cache' });
    // No answer kept for that profile: only the asking window holds one, if any.
    expect(await handle({ type: 'answer-kept', handle: 'natgeo' }, poppedOutPopup)).toEqual({ keptIn: 'memory' });
    expect(handle({ type: 'answer-kept', handle: 'nasa' }, contentScript)).toBeUndefined();
    for (const bad of [{ type: 'answer-kept' }, { type: 'answer-kept', handle: '@nasa' }, { type: 'answer-kept', handle: 42 }]) {
      expect(handle(bad, popup)).toBeUndefined();
    }
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('drops unknown or malformed requests from its own pages', async () => {
    const { handle } = setup();
    const malformed = [
      { type: 'nope' },
      { type: 'lookup' },
      { type: 'lookup', handle: 'x', refresh: 'yes' },
      { type: 'lookup', handle: '@nasa', refresh: false },
      { type: 'lookup', handle: 'https://www.instagram.com/nasa/', refresh: false },
      { type: 'lookup', handle: 'explore', refresh: false },
      { type: 'constructor' },
      { type: '__proto__' },
      42,
      null,
    ];
    for (const message of malformed) {
      expect(handle(message, popup)).toBeUndefined();
    }
  });

  it('answers the balance to any of our pages, and tests a key for the options page only', async () => {
    const { handle, fetch } = setup();
    fetch.mockImplementation(async () => new Response(JSON.stringify({ credits: 7, subscriptionStatus: 'active', subscriptionId: null })));
    expect(await handle({ type: 'get-balance' }, popup)).toMatchObject({ ok: true, balance: { credits: 7, status: 'active' } });
    expect(await handle({ type: 'test-key', apiKey: ' sk_live_typed ' }, options)).toMatchObject({ ok: true, balance: { credits: 7 } });
    expect(handle({ type: 'test-key', apiKey: 'sk_live_typed' }, popup)).toBeUndefined();
    expect(handle({ type: 'test-key', apiKey: 'sk_live_typed' }, contentScript)).toBeUndefined();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('passes a report from our content script on to its handler, with the tab it came from', async () => {
    const { handle, onProfileDetected } = setup();
    expect(await handle({ type: 'profile-detected', handle: 'nasa' }, contentScript)).toEqual({ ok: true });
    expect(onProfileDetected).toHaveBeenCalledWith(7, 'nasa');
  });

  it('keeps the key-changing messages to the options page', async () => {
    const { handle } = setup();
    expect(handle({ type: 'save-api-key', apiKey: 'sk_live_new' }, popup)).toBeUndefined();
    expect(handle({ type: 'remove-api-key' }, popup)).toBeUndefined();
    expect(handle({ type: 'clear-cache' }, contentScript)).toBeUndefined();
    expect(await apiKeyItem.getValue()).toBe('sk_live_secret_key');
  });

  it('tells the options page only what automatic lookups spent today', async () => {
    const { handle } = setup();
    expect(await handle({ type: 'get-usage' }, options)).toEqual({ autoLookupsToday: 3 });
    expect(handle({ type: 'get-usage' }, popup)).toBeUndefined();
  });

  it('gives the key back to the options page only', async () => {
    const { handle } = setup();
    expect(await handle({ type: 'get-api-key' }, options)).toEqual({ apiKey: 'sk_live_secret_key' });
    expect(handle({ type: 'get-api-key' }, popup)).toBeUndefined();
    expect(handle({ type: 'get-api-key' }, contentScript)).toBeUndefined();
  });

  it('passes settings within bounds on, and drops others unread', async () => {
    const { handle } = setup();
    const chosen = { cacheTtlHours: 48, autoLookup: true, copyFormat: 'csv', autoLookupDailyCap: 20, lowBalanceWarning: 10 } as const;
    expect(await handle({ type: 'save-settings', settings: chosen }, options)).toEqual({ ok: true, settings: chosen });
    expect(handle({ type: 'save-settings', settings: chosen }, popup)).toBeUndefined();
    expect(handle({ type: 'save-settings', settings: { ...chosen, cacheTtlHours: 0 } }, options)).toBeUndefined();
    expect(handle({ type: 'save-settings', settings: { ...chosen, copyFormat: 'xml' } }, options)).toBeUndefined();
    expect(handle({ type: 'save-settings', settings: { ...chosen, autoLookupDailyCap: 0 } }, options)).toBeUndefined();
    expect(handle({ type: 'save-settings', settings: { cacheTtlHours: 48, autoLookup: true, copyFormat: 'csv' } }, options)).toBeUndefined();
    expect(await settingsItem.getValue()).toEqual(chosen);
  });
});
