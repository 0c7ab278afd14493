/** What "Copy all" puts on the clipboard: IDs one per line, or id and title as CSV or JSON. */
export const COPY_FORMATS = ['lines', 'csv', 'json'] as const;
export type CopyFormat = (typeof COPY_FORMATS)[number];

export interface Settings {
  /** How long a cached answer is served without asking the API again. */
  cacheTtlHours: number;
  /** Look up highlights on every profile visit, spending a credit each time. */
  autoLookup: boolean;
  /** Since settings version 2. */
  copyFormat: CopyFormat;
}

/** The shape the settings item is stored in; bump it with a migration in storage-items. */
export const SETTINGS_VERSION = 2;

export const DEFAULT_SETTINGS: Settings = { cacheTtlHours: 24, autoLookup: false, copyFormat: 'lines' };

/** Bounds the options page offers and the background enforces. */
export const CACHE_TTL_HOURS_MIN = 1;
export const CACHE_TTL_HOURS_MAX = 24 * 30;

/** Whatever storage holds (an older shape, hand-edited, corrupt) → valid settings. */
export function normaliseSettings(raw: unknown): Settings {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const ttl = value.cacheTtlHours;
  return {
    cacheTtlHours:
      typeof ttl === 'number' && Number.isInteger(ttl) && ttl >= CACHE_TTL_HOURS_MIN && ttl <= CACHE_TTL_HOURS_MAX
        ? ttl
        : DEFAULT_SETTINGS.cacheTtlHours,
    autoLookup: typeof value.autoLookup === 'boolean' ? value.autoLookup : DEFAULT_SETTINGS.autoLookup,
    copyFormat: COPY_FORMATS.includes(value.copyFormat as CopyFormat)
      ? (value.copyFormat as CopyFormat)
      : DEFAULT_SETTINGS.copyFormat,
  };
}

/** Version 1 (`{cacheTtlHours, autoLookup}`) → 2: adds the copy format, keeping what the user chose. */
export function migrateSettingsToV2(v1: unknown): Settings {
  return { ...normaliseSettings(v1), copyFormat: 'lines' };
}
