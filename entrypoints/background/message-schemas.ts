/**
 * The shapes the background accepts, one schema per message type, each typed
 * against the protocol map: a schema that lets through something else than
 * its message does not compile. Whatever fails its schema is dropped unread.
 */
import { z } from './zod';
import { MAX_COLLECTION_SIZE } from '@/utils/collection';
import { API_KEY_INPUT_MAX } from '@/utils/limits';
import { toHandle, type Handle } from '@/utils/profile-url';
import type { Message, MessagesFrom, MessageType, OptionsMessage, PageMessage, TabMessage } from '@/utils/protocol';
import {
  AUTO_LOOKUP_DAILY_CAP_MAX,
  AUTO_LOOKUP_DAILY_CAP_MIN,
  CACHE_TTL_HOURS_MAX,
  CACHE_TTL_HOURS_MIN,
  COPY_FORMATS,
  LOW_BALANCE_WARNING_MAX,
} from '@/utils/settings';

export type Schemas<Types extends MessageType> = { [T in Types]: z.ZodType<Message<T>> };

/** A handle as the protocol carries it: already checked and lower-cased by the sender, checked again here. */
const handle = z.custom<Handle>((value) => typeof value === 'string' && toHandle(value) === value);
const handles = z.array(handle).max(MAX_COLLECTION_SIZE);
const collectionId = z.string().regex(/^[a-z0-9-]{1,40}$/);
/** A name the user gave, shown as text only. */
const collectionName = z.string().trim().min(1).max(60);

export const contentSchemas: Schemas<Exclude<MessagesFrom<'content'>, TabMessage>> = {
  'profile-detected': z.object({ type: z.literal('profile-detected'), handle: handle.nullable() }),
};

export const pageSchemas: Schemas<PageMessage> = {
  'get-status': z.object({ type: z.literal('get-status') }),
  'peek-cache': z.object({ type: z.literal('peek-cache'), handle }),
  lookup: z.object({ type: z.literal('lookup'), handle, refresh: z.boolean(), resend: z.boolean().optional() }),
  'clear-cache': z.object({ type: z.literal('clear-cache'), keep: handle.optional() }),
  'get-balance': z.object({ type: z.literal('get-balance') }),
  collections: z.object({ type: z.literal('collections') }),
  collection: z.object({ type: z.literal('collection'), id: collectionId }),
  'collection-create': z.object({ type: z.literal('collection-create'), name: collectionName }),
  'collection-rename': z.object({ type: z.literal('collection-rename'), id: collectionId, name: collectionName }),
  'collection-add': z.object({ type: z.literal('collection-add'), id: collectionId.optional(), handles: handles }),
  'collection-remove': z.object({ type: z.literal('collection-remove'), id: collectionId, handles: handles }),
  'collection-clear': z.object({ type: z.literal('collection-clear'), id: collectionId, drop: z.boolean() }),
  'collection-estimate': z.object({ type: z.literal('collection-estimate'), id: collectionId }),
  'collection-control': z.object({
    type: z.literal('collection-control'),
    id: collectionId,
    action: z.enum(['start', 'pause', 'resume', 'cancel']),
  }),
  'collection-results': z.object({
    type: z.literal('collection-results'),
    id: collectionId,
    offset: z.number().int().nonnegative().max(MAX_COLLECTION_SIZE),
    limit: z.number().int().min(1).max(200),
  }),
};

/** The options page may send everything a page may, and manage the key, settings and cache. */
export const optionsSchemas: Schemas<OptionsMessage> = {
  ...pageSchemas,
  'get-api-key': z.object({ type: z.literal('get-api-key') }),
  'save-api-key': z.object({ type: z.literal('save-api-key'), apiKey: z.string().max(API_KEY_INPUT_MAX) }),
  'remove-api-key': z.object({ type: z.literal('remove-api-key') }),
  'get-usage': z.object({ type: z.literal('get-usage') }),
  'test-key': z.object({ type: z.literal('test-key'), apiKey: z.string().max(API_KEY_INPUT_MAX) }),
  'save-settings': z.object({
    type: z.literal('save-settings'),
    settings: z.object({
      cacheTtlHours: z.number().int().min(CACHE_TTL_HOURS_MIN).max(CACHE_TTL_HOURS_MAX),
      autoLookup: z.boolean(),
      copyFormat: z.enum(COPY_FORMATS),
      autoLookupDailyCap: z.number().int().min(AUTO_LOOKUP_DAILY_CAP_MIN).max(AUTO_LOOKUP_DAILY_CAP_MAX),
      lowBalanceWarning: z.number().int().min(0).max(LOW_BALANCE_WARNING_MAX),
    }),
  }),
};
