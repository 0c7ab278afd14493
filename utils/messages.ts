import { z } from 'zod';
import type { HighlightList } from './highlight';
import type { LookupError } from './lookup-error';
import { CACHE_TTL_HOURS_MAX, CACHE_TTL_HOURS_MIN, COPY_FORMATS, type Settings } from './settings';

/**
 * Requests that the extension's own pages (popup, options) send to the
 * background. The background checks the sender first, then parses with these.
 */
const handleInput = z.string().min(1).max(300);

export const pageRequestSchema = z.discriminatedUnion('type', [
  /** Which profile a tab shows, as last reported by its content script. */
  z.object({ type: z.literal('get-tab-profile'), tabId: z.number().int().nonnegative() }),
  /** Whether a key is set, and the settings; never the key itself. */
  z.object({ type: z.literal('get-status') }),
  /** Cached answer only; never spends a credit. */
  z.object({ type: z.literal('peek-cache'), handle: handleInput }),
  /** Cached answer if fresh, else one request. `refresh` forces a request. */
  z.object({ type: z.literal('lookup'), handle: handleInput, refresh: z.boolean() }),
  /** Options page only: the stored key, to show behind the reveal button. */
  z.object({ type: z.literal('get-api-key') }),
  z.object({ type: z.literal('save-api-key'), apiKey: z.string().max(500) }),
  z.object({ type: z.literal('remove-api-key') }),
  z.object({
    type: z.literal('save-settings'),
    settings: z.object({
      cacheTtlHours: z.number().int().min(CACHE_TTL_HOURS_MIN).max(CACHE_TTL_HOURS_MAX),
      autoLookup: z.boolean(),
      copyFormat: z.enum(COPY_FORMATS),
    }),
  }),
  z.object({ type: z.literal('clear-cache') }),
]);

export type PageRequest = z.infer<typeof pageRequestSchema>;

export type LookupResponse =
  | { ok: true; list: HighlightList; fromCache: boolean }
  | { ok: false; handle: string | null; error: LookupError };

export type SaveKeyResponse = { ok: true; warning: string | null } | { ok: false; message: string };

/** What each request answers. */
export interface PageResponses {
  /** `pageSeen`: the tab's content script answered (false: not Instagram, or opened before we were installed). */
  'get-tab-profile': { handle: string | null; pageSeen: boolean };
  'get-status': { hasKey: boolean; settings: Settings };
  'peek-cache': { list: HighlightList | null };
  lookup: LookupResponse;
  'get-api-key': { apiKey: string | null };
  'save-api-key': SaveKeyResponse;
  'remove-api-key': { ok: true };
  'save-settings': { ok: true; settings: Settings };
  'clear-cache': { cleared: number };
}
