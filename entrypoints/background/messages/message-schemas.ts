/**
 * The shapes the background accepts, one schema per message type, each typed
 * against the protocol map: a schema that lets through something else than
 * its message does not compile. Whatever fails its schema is dropped unread.
 */
import { z } from '../zod-jitless';
import { CONCURRENCY_MAX, CONCURRENCY_MIN, MAX_COLLECTION_SIZE } from '@/utils/collections/run-record';
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

export type Schemas<Types extends MessageType> = { [T in Types]: z.ZodMiniType<Message<T>> };

/** A handle as the protocol carries it: already checked and lower-cased by the sender, checked again here. */
const handle = z.custom<Handle>((value) => typeof value === 'string' && toHandle(value) === value);
const handles = z.array(handle).check(z.maxLength(MAX_COLLECTION_SIZE));
const collectionId = z.string().check(z.regex(/^[a-z0-9-]{1,40}$/));
/** A highlight id in either form, digits or `highlight:<digits>` (utils/highlights/highlight-id.ts). */
const highlightId = z.string().check(z.regex(/^(?:highlight:)?[0-9]{1,64}$/));
/** Whose highlights a stories run covers. */
const storiesRunOf = z.union([z.object({ profile: handle }), z.object({ collection: collectionId })]);
/** A name the user gave, shown as text only. */
const collectionName = z.string().check(z.trim(), z.minLength(1), z.maxLength(60));

/** A whole number from `min` to `max`. */
const wholeNumber = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));

export const contentSchemas: Schemas<Exclude<MessagesFrom<'content'>, TabMessage>> = {
  'profile-detected': z.object({ type: z.literal('profile-detected'), handle: z.nullable(handle) }),
};

export const pageSchemas: Schemas<PageMessage> = {
  'get-status': z.object({ type: z.literal('get-status') }),
  'peek-cache': z.object({ type: z.literal('peek-cache'), handle }),
  lookup: z.object({ type: z.literal('lookup'), handle, refresh: z.boolean(), resend: z.optional(z.boolean()) }),
  'answer-kept': z.object({ type: z.literal('answer-kept'), handle }),
  'highlight-stories': z.object({
    type: z.literal('highlight-stories'),
    highlightId,
    refresh: z.boolean(),
    resend: z.optional(z.boolean()),
  }),
  'stories-run-estimate': z.object({ type: z.literal('stories-run-estimate'), of: storiesRunOf }),
  'stories-run-start': z.object({ type: z.literal('stories-run-start'), of: storiesRunOf, credits: wholeNumber(0, 10_000_000) }),
  'stories-run-control': z.object({ type: z.literal('stories-run-control'), of: storiesRunOf, action: z.enum(['pause', 'resume', 'cancel']) }),
  'stories-run': z.object({ type: z.literal('stories-run'), of: storiesRunOf }),
  'stories-run-results': z.object({
    type: z.literal('stories-run-results'),
    of: storiesRunOf,
    offset: wholeNumber(0, 10_000_000),
    limit: wholeNumber(1, 200),
  }),
  'clear-cache': z.object({ type: z.literal('clear-cache'), keep: z.optional(handle) }),
  'get-balance': z.object({ type: z.literal('get-balance') }),
  collections: z.object({ type: z.literal('collections') }),
  collection: z.object({ type: z.literal('collection'), id: collectionId }),
  'collection-create': z.object({ type: z.literal('collection-create'), name: collectionName }),
  'collection-rename': z.object({ type: z.literal('collection-rename'), id: collectionId, name: collectionName }),
  'collection-add': z.object({ type: z.literal('collection-add'), id: z.optional(collectionId), handles }),
  'collection-remove': z.object({ type: z.literal('collection-remove'), id: collectionId, handles }),
  'collection-clear': z.object({ type: z.literal('collection-clear'), id: collectionId, drop: z.boolean() }),
  'collection-estimate': z.object({ type: z.literal('collection-estimate'), id: collectionId }),
  'collection-control': z.object({
    type: z.literal('collection-control'),
    id: collectionId,
    action: z.enum(['start', 'pause', 'resume', 'cancel']),
  }),
  'collection-settings': z.object({ type: z.literal('collection-settings') }),
  'collection-save-settings': z.object({
    type: z.literal('collection-save-settings'),
    concurrency: z.optional(wholeNumber(CONCURRENCY_MIN, CONCURRENCY_MAX)),
    notify: z.optional(z.boolean()),
  }),
  'collection-results': z.object({
    type: z.literal('collection-results'),
    id: collectionId,
    offset: wholeNumber(0, MAX_COLLECTION_SIZE),
    limit: wholeNumber(1, 200),
  }),
};

/** The options page may send everything a page may, and manage the key, settings and cache. */
export const optionsSchemas: Schemas<OptionsMessage> = {
  ...pageSchemas,
  'get-api-key': z.object({ type: z.literal('get-api-key') }),
  'save-api-key': z.object({ type: z.literal('save-api-key'), apiKey: z.string().check(z.maxLength(API_KEY_INPUT_MAX)) }),
  'remove-api-key': z.object({ type: z.literal('remove-api-key') }),
  'get-usage': z.object({ type: z.literal('get-usage') }),
  'test-key': z.object({ type: z.literal('test-key'), apiKey: z.string().check(z.maxLength(API_KEY_INPUT_MAX)) }),
  'save-settings': z.object({
    type: z.literal('save-settings'),
    settings: z.object({
      cacheTtlHours: wholeNumber(CACHE_TTL_HOURS_MIN, CACHE_TTL_HOURS_MAX),
      autoLookup: z.boolean(),
      copyFormat: z.enum(COPY_FORMATS),
      autoLookupDailyCap: wholeNumber(AUTO_LOOKUP_DAILY_CAP_MIN, AUTO_LOOKUP_DAILY_CAP_MAX),
      lowBalanceWarning: wholeNumber(0, LOW_BALANCE_WARNING_MAX),
    }),
  }),
};
