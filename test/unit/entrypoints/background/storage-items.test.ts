import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settingsItem } from '@/entrypoints/background/storage-items';
import { DEFAULT_SETTINGS } from '@/utils/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

/** The stored settings item: older versions are carried over to the current one as the browser reads them. */
describe('settings migration', () => {
  it('moves stored version-1 settings to version 4, keeping what the user chose', async () => {
    // Version 1 as earlier builds wrote it: no version metadata, no copy format.
    await fakeBrowser.storage.local.set({ settings: { cacheTtlHours: 72, autoLookup: true } });
    await settingsItem.migrate();
    const expected = { cacheTtlHours: 72, autoLookup: true, copyFormat: 'lines', autoLookupDailyCap: 100, lowBalanceWarning: 50 };
    expect(await fakeBrowser.storage.local.get(['settings', 'settings$'])).toEqual({ settings: expected, settings$: { v: 4 } });
    expect(await settingsItem.getValue()).toEqual(expected);
  });

  it('moves version-2 settings to version 4, keeping the copy format', async () => {
    await fakeBrowser.storage.local.set({ settings: { cacheTtlHours: 5, autoLookup: true, copyFormat: 'json' }, settings$: { v: 2 } });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual({ ...DEFAULT_SETTINGS, cacheTtlHours: 5, autoLookup: true, copyFormat: 'json' });
  });

  it('moves version-3 settings to version 4, keeping the daily cap', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, autoLookupDailyCap: 7, lowBalanceWarning: undefined }, settings$: { v: 3 } });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual({ ...DEFAULT_SETTINGS, autoLookupDailyCap: 7 });
  });

  it('turns a corrupt version-1 value into valid settings', async () => {
    await fakeBrowser.storage.local.set({ settings: { cacheTtlHours: -5, autoLookup: 'yes' }, settings$: { v: 1 } });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
  });

  it('leaves version-4 settings alone', async () => {
    const v4 = { cacheTtlHours: 5, autoLookup: false, copyFormat: 'json', autoLookupDailyCap: 12, lowBalanceWarning: 0 };
    await fakeBrowser.storage.local.set({ settings: v4, settings$: { v: 4 } });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual(v4);
  });
});
