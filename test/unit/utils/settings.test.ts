import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, migrateSettingsToV2, migrateSettingsToV3, migrateSettingsToV4, normaliseSettings, SETTINGS_VERSION } from '@/utils/settings';

describe('normaliseSettings', () => {
  it.each([
    [undefined, DEFAULT_SETTINGS],
    [null, DEFAULT_SETTINGS],
    ['junk', DEFAULT_SETTINGS],
    [{ cacheTtlHours: 48, autoLookup: true }, { ...DEFAULT_SETTINGS, cacheTtlHours: 48, autoLookup: true }],
    [{ cacheTtlHours: 48, autoLookup: true, copyFormat: 'csv' }, { ...DEFAULT_SETTINGS, cacheTtlHours: 48, autoLookup: true, copyFormat: 'csv' }],
    [{ autoLookupDailyCap: 250 }, { ...DEFAULT_SETTINGS, autoLookupDailyCap: 250 }],
    [{ autoLookupDailyCap: 0 }, DEFAULT_SETTINGS],
    [{ autoLookupDailyCap: 1001 }, DEFAULT_SETTINGS],
    [{ autoLookupDailyCap: '50' }, DEFAULT_SETTINGS],
    [{ copyFormat: 'xml' }, DEFAULT_SETTINGS],
    [{ cacheTtlHours: 0 }, DEFAULT_SETTINGS],
    [{ cacheTtlHours: 1.5, autoLookup: 'yes' }, DEFAULT_SETTINGS],
    [{ cacheTtlHours: 721 }, DEFAULT_SETTINGS],
    [{ cacheTtlHours: 720, extra: 1 }, { ...DEFAULT_SETTINGS, cacheTtlHours: 720 }],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseSettings(raw)).toEqual(expected);
  });
});

describe('the settings migrations', () => {
  it('are at version 4', () => {
    expect(SETTINGS_VERSION).toBe(4);
  });

  it.each([null, 'junk', 42, []])('migrateSettingsToV2, V3 and V4 of %j still give valid settings', (raw) => {
    expect(migrateSettingsToV2(raw)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettingsToV3(raw)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettingsToV4(raw)).toEqual(DEFAULT_SETTINGS);
  });
});
