import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_VERSION, migrateSettingsToV2 } from '@/utils/settings';
import { settingsItem } from '@/entrypoints/background/storage-items';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings migration', () => {
  it('is at version 2', () => {
    expect(SETTINGS_VERSION).toBe(2);
  });

  it('moves stored version-1 settings to version 2, keeping what the user chose', async () => {
    // Version 1 as earlier builds wrote it: no version metadata, no copy format.
    await fakeBrowser.storage.local.set({ settings: { cacheTtlHours: 72, autoLookup: true } });
    await settingsItem.migrate();
    expect(await fakeBrowser.storage.local.get(['settings', 'settings$'])).toEqual({
      settings: { cacheTtlHours: 72, autoLookup: true, copyFormat: 'lines' },
      settings$: { v: 2 },
    });
    expect(await settingsItem.getValue()).toEqual({ cacheTtlHours: 72, autoLookup: true, copyFormat: 'lines' });
  });

  it('turns a corrupt version-1 value into valid settings', async () => {
    await fakeBrowser.storage.local.set({ settings: { cacheTtlHours: -5, autoLookup: 'yes' }, settings$: { v: 1 } });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual({ cacheTtlHours: 24, autoLookup: false, copyFormat: 'lines' });
  });

  it('leaves version-2 settings alone', async () => {
    const v2 = { cacheTtlHours: 5, autoLookup: false, copyFormat: 'json' };
    await fakeBrowser.storage.local.set({ settings: v2, settings$: { v: 2 } });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual(v2);
  });

  it.each([null, 'junk', 42, []])('migrateSettingsToV2(%j) still gives valid settings', (raw) => {
    expect(migrateSettingsToV2(raw)).toEqual({ cacheTtlHours: 24, autoLookup: false, copyFormat: 'lines' });
  });
});
