import { z } from '../zod-jitless';
import type { Highlight } from '@/utils/highlights/highlight';
import { highlightIdDigits } from '@/utils/highlights/highlight-id';

/** An id as the API may send it: a string (digits, or the few other characters ids carry), or a number, which exact-json.ts keeps from being rounded. */
const idSchema = z.union([
  z.string().check(z.regex(/^[0-9A-Za-z_:-]{1,64}$/)),
  z.pipe(z.int().check(z.nonnegative()), z.transform(String)),
]);

/** Optional parts that are malformed count as missing rather than sinking the highlight. */
const orMissing = <T extends z.core.SomeType>(schema: T) => z.catch(z.nullish(schema), undefined);
const optionalString = orMissing(z.string());

const highlightSchema = z.object({
  id: idSchema,
  title: optionalString,
  cover_media: orMissing(z.object({ thumbnail_src: optionalString })),
  cover_media_cropped_thumbnail: orMissing(z.object({ url: optionalString })),
  owner: orMissing(z.object({ id: orMissing(idSchema), username: optionalString })),
});

const listSchema = z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]);

const envelopeSchema = z.object({
  success: z.optional(z.boolean()),
  data: z.object({
    success: z.optional(z.boolean()),
    highlights: listSchema,
  }),
});

export interface ParsedHighlights {
  highlights: Highlight[];
  /** Owner's numeric id, from the first highlight that carries one. */
  ownerId: string | null;
  /** Owner's username as the API spelled it, lower-cased. */
  ownerUsername: string | null;
}

export type ParseResult = { ok: true; value: ParsedHighlights } | { ok: false; detail: string };

/**
 * Turns the vendor's list (an object keyed "0","1",… or an array) into an
 * ordered array. No sort: keys that are array indices (these are, at most
 * nine digits) are an object's own keys in ascending numeric order, whatever
 * order the text gave them in (ECMAScript's OrdinaryOwnPropertyKeys).
 */
export function orderedItems(list: unknown[] | Record<string, unknown>): unknown[] | null {
  if (Array.isArray(list)) return list;
  const keys = Object.getOwnPropertyNames(list);
  if (!keys.every((key) => /^(0|[1-9][0-9]{0,8})$/.test(key))) return null;
  return keys.map((key) => list[key]);
}

/** Validates a 200 body (already parsed JSON) and normalises it. */
export function parseHighlightsBody(body: unknown): ParseResult {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return { ok: false, detail: 'the body has no data.highlights list' };
  if (envelope.data.success === false || envelope.data.data.success === false) {
    return { ok: false, detail: 'the API reported success: false' };
  }
  // The raw object, not zod's copy: a record schema silently drops keys such
  // as "__proto__", which would turn a malformed list into an empty one.
  const rawList = (body as { data: { highlights: z.infer<typeof listSchema> } }).data.highlights;
  const items = orderedItems(rawList);
  if (!items) return { ok: false, detail: 'data.highlights has keys that are not list positions' };

  const highlights: Highlight[] = [];
  let ownerId: string | null = null;
  let ownerUsername: string | null = null;
  for (const [index, item] of items.entries()) {
    const parsed = highlightSchema.safeParse(item);
    if (!parsed.success) return { ok: false, detail: `highlight ${index} has no usable id` };
    const h = parsed.data;
    highlights.push({
      // `highlight:<digits>` (Instagram's own form) is kept as its digits, so that
      // the id is shown, copied, linked and sent as the list endpoint documents it.
      id: highlightIdDigits(h.id) ?? h.id,
      title: h.title ?? '',
      coverUrl: h.cover_media_cropped_thumbnail?.url || h.cover_media?.thumbnail_src || null,
    });
    ownerId ??= h.owner?.id ?? null;
    ownerUsername ??= h.owner?.username?.toLowerCase() ?? null;
  }
  return { ok: true, value: { highlights, ownerId, ownerUsername } };
}

/** An optional part that is malformed counts as missing. */
const optionalOrMissing = <T extends z.core.SomeType>(schema: T) => z.catch(z.optional(schema), undefined);

const errorBodySchema = z.catch(
  z.object({
    error: optionalOrMissing(z.string()),
    message: optionalOrMissing(z.string()),
    required: optionalOrMissing(z.int().check(z.nonnegative())),
    available: optionalOrMissing(z.int()),
  }),
  {},
);

export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Reads what an error response says, whatever its shape. */
export function parseErrorBody(body: unknown): ErrorBody {
  return errorBodySchema.parse(body);
}
