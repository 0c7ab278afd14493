export interface Settings {
  /** How long a cached answer is served without asking the API again. */
  cacheTtlHours: number;
  /** Look up highlights on every profile visit, spending a credit each time. */
  autoLookup: boolean;
}

export const DEFAULT_SETTINGS: Settings = { cacheTtlHours: 24, autoLookup: false };

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
  };
}
