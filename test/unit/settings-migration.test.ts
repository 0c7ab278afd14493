import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, migrateSettingsToV2, migrateSettingsToV3 } from '@/utils/settings';
import { settingsItem } from '@/entrypoints/background/storage-items';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings migration', () => {
  it('is at version 3', () => {
    expect(SETTINGS_VERSION).toBe(3);
  });

  it('moves stored version-1 settings to version 3, keeping what the user chose', async () => {
    // Version 1 as earlier builds wrote it: no version metadata, no copy format.
    await fakeBrowser.storage.local.set({ settings: { cacheTtlHours: 72, autoLookup: true } });
    await settingsItem.migrate();
    const expected = { cacheTtlHours: 72, autoLookup: true, copyFormat: 'lines', autoLookupDailyCap: 100 };
    expect(await fakeBrowser.storage.local.get(['settings', 'settings$'])).toEqual({ settings: expected, settings$: { v: 3 } });
    expect(await settingsItem.getValue()).toEqual(expected);
  });

  it('moves version-2 settings to version 3, keeping the copy format', async () => {
    await fakeBrowser.storage.local.set({ settings: { cacheTtlHours: 5, autoLookup: true, copyFormat: 'json' }, settings$: { v: 2 } });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual({ cacheTtlHours: 5, autoLookup: true, copyFormat: 'json', autoLookupDailyCap: 100 });
  });

  it('turns a corrupt version-1 value into valid settings', async () => {
    await fakeBrowser.storage.local.set({ settings: { cacheTtlHours: -5, autoLookup: 'yes' }, settings$: { v: 1 } });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
  });

  it('leaves version-3 settings alone', async () => {
    const v3 = { cacheTtlHours: 5, autoLookup: false, copyFormat: 'json', autoLookupDailyCap: 12 };
    await fakeBrowser.storage.local.set({ settings: v3, settings$: { v: 3 } });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual(v3);
  });

  it.each([null, 'junk', 42, []])('migrateSettingsToV2(%j) and V3 still give valid settings', (raw) => {
    expect(migrateSettingsToV2(raw)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettingsToV3(raw)).toEqual(DEFAULT_SETTINGS);
  });
});
