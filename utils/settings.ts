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
