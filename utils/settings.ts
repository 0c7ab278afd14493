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
  /** Since version 3: at most this many automatic lookups a day, however pages behave. */
  autoLookupDailyCap: number;
  /** Since version 4: the popup warns when the balance is under this many credits (0: never). */
  lowBalanceWarning: number;
}

/** The version of the stored settings' shape. Bump it together with a new migration in entrypoints/background/storage-items.ts. */
export const SETTINGS_VERSION = 4;

export const DEFAULT_SETTINGS: Settings = {
  cacheTtlHours: 24,
  autoLookup: false,
  copyFormat: 'lines',
  autoLookupDailyCap: 100,
  lowBalanceWarning: 50,
};

/** Bounds the options page offers and the background enforces. */
export const CACHE_TTL_HOURS_MIN = 1;
export const CACHE_TTL_HOURS_MAX = 24 * 30;
export const AUTO_LOOKUP_DAILY_CAP_MIN = 1;
export const AUTO_LOOKUP_DAILY_CAP_MAX = 1000;
export const LOW_BALANCE_WARNING_MAX = 100_000;

function wholeNumberIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Whatever storage holds (an older shape, hand-edited, corrupt) → valid settings. */
export function normaliseSettings(raw: unknown): Settings {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const { cacheTtlHours, autoLookup, copyFormat, autoLookupDailyCap, lowBalanceWarning } = value;
  return {
    cacheTtlHours: wholeNumberIn(cacheTtlHours, CACHE_TTL_HOURS_MIN, CACHE_TTL_HOURS_MAX)
      ? cacheTtlHours
      : DEFAULT_SETTINGS.cacheTtlHours,
    autoLookup: typeof autoLookup === 'boolean' ? autoLookup : DEFAULT_SETTINGS.autoLookup,
    copyFormat: COPY_FORMATS.includes(copyFormat as CopyFormat) ? (copyFormat as CopyFormat) : DEFAULT_SETTINGS.copyFormat,
    autoLookupDailyCap: wholeNumberIn(autoLookupDailyCap, AUTO_LOOKUP_DAILY_CAP_MIN, AUTO_LOOKUP_DAILY_CAP_MAX)
      ? autoLookupDailyCap
      : DEFAULT_SETTINGS.autoLookupDailyCap,
    lowBalanceWarning: wholeNumberIn(lowBalanceWarning, 0, LOW_BALANCE_WARNING_MAX)
      ? lowBalanceWarning
      : DEFAULT_SETTINGS.lowBalanceWarning,
  };
}

/** Version 1 (`{cacheTtlHours, autoLookup}`) → 2: adds the copy format, keeping what the user chose. */
export function migrateSettingsToV2(v1: unknown): Settings {
  return { ...normaliseSettings(v1), copyFormat: 'lines' };
}

/** Version 2 → 3: adds the daily cap on automatic lookups, keeping what the user chose. */
export function migrateSettingsToV3(v2: unknown): Settings {
  return { ...normaliseSettings(v2), autoLookupDailyCap: DEFAULT_SETTINGS.autoLookupDailyCap };
}

/** Version 3 → 4: adds the low-balance warning, keeping what the user chose. */
export function migrateSettingsToV4(v3: unknown): Settings {
  return { ...normaliseSettings(v3), lowBalanceWarning: DEFAULT_SETTINGS.lowBalanceWarning };
}
