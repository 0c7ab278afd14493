import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonExact } from '@/entrypoints/background/lookup/exact-json';
import { parseHighlightsBody, type ParseResult } from '@/entrypoints/background/lookup/highlights-response';
import { highlightIdDigits } from '@/utils/highlights/highlight-id';
import { anythingDeep } from '@/test/unit/helpers/arbitraries';
import { object, rawText, type Raw } from '@/test/unit/helpers/raw-json';

/** Runs per property (6 properties in this file: 3,000 runs). */
const RUNS = 500;

/** Anything parseHighlightsBody answers must be one of its two documented shapes, well typed. */
function expectWellFormed(result: ParseResult): void {
  expect(typeof result).toBe('object');
  if (result.ok) {
    expect(Object.keys(result).sort()).toEqual(['ok', 'value']);
    const { highlights, ownerId, ownerUsername } = result.value;
    expect(Array.isArray(highlights)).toBe(true);
    for (const h of highlights) {
      expect(typeof h.id).toBe('string');
      expect(h.id).toMatch(/^[0-9A-Za-z_:-]{1,64}$/);
      expect(typeof h.title).toBe('string');
      expect(h.coverUrl === null || typeof h.coverUrl === 'string').toBe(true);
    }
    expect(ownerId === null || typeof ownerId === 'string').toBe(true);
    expect(ownerUsername === null || typeof ownerUsername === 'string').toBe(true);
  } else {
    expect(result.ok).toBe(false);
    expect(Object.keys(result).sort()).toEqual(['detail', 'ok']);
    expect(typeof result.detail).toBe('string');
    expect(result.detail.length).toBeGreaterThan(0);
  }
}

/** parseJsonExact of text; a SyntaxError (not JSON) is the only throw allowed. */
function parseOrSyntaxError(text: string): { parsed: true; value: unknown } | { parsed: false } {
  try {
    return { parsed: true, value: parseJsonExact(text) };
  } catch (error) {
    expect(error).toBeInstanceOf(SyntaxError);
    return { parsed: false };
  }
}

/** What JSON.parse gives, with every integer literal beyond 2^53 turned into its digits. */
function withUnsafeIntegersAsDigits(value: unknown): unknown {
  if (typeof value === 'number') {
    const text = String(value);
    return Number.isInteger(value) && !Number.isSafeInteger(value) && !/e/i.test(text) ? text : value;
  }
  if (Array.isArray(value)) return value.map(withUnsafeIntegersAsDigits);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(out, key, { value: withUnsafeIntegersAsDigits(item), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/**
 * What parseJsonExact read (`exact`) is what JSON.parse read (`plain`), except
 * that a number JSON.parse made of digits beyond 2^53 may be those digits.
 * From the values alone, so it holds for any text: a big number written with
 * a fraction or an exponent stays a number.
 */
function expectSameButBigIntegers(exact: unknown, plain: unknown): void {
  if (typeof exact === 'string' && typeof plain === 'number') {
    expect(exact).toMatch(/^-?[0-9]+$/);
    expect(Number.isSafeInteger(Number(exact))).toBe(false);
    expect(Number(exact)).toBe(plain);
  } else if (Array.isArray(plain)) {
    expect(Array.isArray(exact)).toBe(true);
    expect((exact as unknown[]).length).toBe(plain.length);
    plain.forEach((item, i) => expectSameButBigIntegers((exact as unknown[])[i], item));
  } else if (typeof plain === 'object' && plain !== null) {
    expect(Object.keys(exact as object)).toEqual(Object.keys(plain));
    for (const key of Object.keys(plain)) {
      expectSameButBigIntegers((exact as Record<string, unknown>)[key], (plain as Record<string, unknown>)[key]);
    }
  } else {
    expect(exact).toBe(plain);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An id the list may carry: 1–64 of the characters ids are made of, or a whole number that is not negative. */
const usableId = (id: unknown) =>
  (typeof id === 'string' && /^[0-9A-Za-z_:-]{1,64}$/.test(id)) || (Number.isSafeInteger(id) && (id as number) >= 0);

/**
 * The ids parseHighlightsBody must give for `body`, or null where it must
 * refuse it: the rules of the endpoint's document and of NOTES.md, written
 * out apart from the parser. Optional parts never matter.
 */
function expectedIds(body: unknown): string[] | null {
  if (!isRecord(body) || !isRecord(body.data)) return null;
  const { success } = body;
  const { success: dataSuccess, highlights } = body.data;
  if (![undefined, true].includes(success as never) || ![undefined, true].includes(dataSuccess as never)) return null;
  let items: unknown[];
  if (Array.isArray(highlights)) items = highlights;
  else if (isRecord(highlights) && Object.getOwnPropertyNames(highlights).every((key) => /^(0|[1-9][0-9]{0,8})$/.test(key))) {
    items = Object.getOwnPropertyNames(highlights)
      .sort((a, b) => Number(a) - Number(b))
      .map((key) => highlights[key]);
  } else return null;
  if (!items.every((item) => isRecord(item) && usableId(item.id))) return null;
  return items.map((item) => {
    const id = String((item as { id: unknown }).id);
    return highlightIdDigits(id) ?? id;
  });
}

/** Ids far past 2^53 as well as small ones; digits only, no leading zeros. */
const idDigits = fc.oneof(
  fc.bigInt({ min: 0n, max: 2n ** 53n }),
  fc.bigInt({ min: 2n ** 53n, max: 10n ** 30n }),
).map(String);

/** An id as the vendor may send it: a JSON string, a bare JSON integer, or Instagram's `highlight:<digits>`. */
const idForms = (forms: Array<'string' | 'bare' | 'prefixed'>) =>
  fc.record({ digits: idDigits, form: fc.constantFrom(...forms) }).map(({ digits, form }) => ({
    digits,
    raw: (form === 'bare' ? { bare: digits } : form === 'prefixed' ? `highlight:${digits}` : digits) as Raw,
  }));
const idArb = idForms(['string', 'bare', 'prefixed']);
/** A user id has no `highlight:` form. */
const ownerIdArb = idForms(['string', 'bare']);

/** Any unicode, including astral characters, quotes, backslashes and digit runs. */
const titleArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', '"', '\\', '\\"', '18154582366360931', '{"id": 99999999999999999999}', 'BOB hairstyles💇♀️'),
);

const urlArb = fc.oneof(fc.webUrl(), fc.constant(''));

interface GeneratedHighlight {
  id: string;
  title: string | null | undefined;
  coverUrl: string | null;
  ownerId: string | null;
  ownerUsername: string | null;
  raw: Raw;
}

/** One highlight; every optional part present, null or missing. */
const highlightArb: fc.Arbitrary<GeneratedHighlight> = fc
  .record({
    id: idArb,
    title: fc.option(fc.option(titleArb, { nil: null }), { nil: undefined }),
    thumb: fc.option(fc.option(urlArb, { nil: null }), { nil: undefined }),
    cropped: fc.option(fc.option(urlArb, { nil: null }), { nil: undefined }),
    owner: fc.option(
      fc.record({
        id: fc.option(ownerIdArb, { nil: undefined }),
        username: fc.option(fc.stringMatching(/^[A-Za-z0-9._]{1,30}$/), { nil: undefined }),
      }),
      { nil: undefined },
    ),
    extra: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
  })
  .map(({ id, title, thumb, cropped, owner, extra }) => ({
    id: id.digits,
    title,
    coverUrl: cropped || thumb || null,
    ownerId: owner?.id?.digits ?? null,
    ownerUsername: owner?.username?.toLowerCase() ?? null,
    raw: object([
      ['id', id.raw],
      ['title', title],
      ['cover_media', thumb === undefined ? undefined : object([['thumbnail_src', thumb]])],
      ['cover_media_cropped_thumbnail', cropped === undefined ? undefined : object([['url', cropped]])],
      ['owner', owner && object([['id', owner.id?.raw], ['username', owner.username]])],
      ['extra_field', extra === undefined ? undefined : { json: extra }],
    ]),
  }));

/** A whole success body: highlights as an array, or as an object keyed by list positions in any textual order. */
const validBodyArb = fc
  .record({
    items: fc.array(highlightArb, { maxLength: 8 }),
    form: fc.constantFrom('array', 'contiguous-keys', 'sparse-keys'),
    success: fc.constantFrom(true, undefined),
    dataSuccess: fc.constantFrom(true, undefined),
    credits: fc.oneof(fc.constant({ bare: '1' } as Raw), fc.constant({ bare: '123456789012345678901234' } as Raw)),
  })
  .chain(({ items, form, success, dataSuccess, credits }) => {
    const keysArb =
      form === 'sparse-keys'
        ? fc.uniqueArray(fc.integer({ min: 0, max: 999_999_999 }), { minLength: items.length, maxLength: items.length })
        : fc.constant(items.map((_, i) => i));
    return keysArb.chain((keys) => {
      const sortedKeys = [...keys].sort((a, b) => a - b);
      const positions = items.map((_, i) => i);
      return fc.shuffledSubarray(positions, { minLength: items.length, maxLength: items.length }).map((order) => {
        const list: Raw =
          form === 'array'
            ? items.map((h) => h.raw)
            : { entries: order.map((i) => [String(sortedKeys[i]), items[i]!.raw] as [string, Raw]) };
        const body = object([
          ['success', success],
          ['data', object([['success', dataSuccess], ['highlights', list]])],
          ['credits_used', credits],
          ['endpoint', 'instagram/highlights'],
        ]);
        return { items, text: rawText(body) };
      });
    });
  });

// ---------------------------------------------------------------------------
// Near-valid shapes: the right envelope around wrong or odd parts.

/** Mostly what the rules accept, sometimes something odd: so that both sides of each rule are met. */
const mostly = <T,>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary: usual, weight: 5 }, { arbitrary: odd, weight: 1 });
/** A record whose keys are each there, mostly; sometimes any of them missing. */
const mostlyWhole = <T extends Record<string, unknown>>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }) =>
  mostly(fc.record(model), fc.record(model, { requiredKeys: [] }));

const oddId = mostly(
  fc.oneof(idDigits, idDigits.map((d) => `highlight:${d}`), fc.nat()),
  fc.oneof(
    fc.anything(),
    idDigits.map((d) => `-${d}`),
    fc.double(),
    fc.integer(),
    fc.string(),
    fc.constantFrom('', ' 1', '1 ', '١٢٣', 'a'.repeat(65), '9'.repeat(64), 'highlight:x1'),
  ),
);
const nearHighlight = mostlyWhole({
  id: oddId,
  title: fc.anything(),
  cover_media: fc.oneof(fc.anything(), fc.record({ thumbnail_src: fc.anything() })),
  cover_media_cropped_thumbnail: fc.oneof(fc.anything(), fc.record({ url: fc.anything() })),
  owner: fc.oneof(fc.anything(), fc.record({ id: oddId, username: fc.anything() }, { requiredKeys: [] })),
});
const successFlag = mostly(fc.constantFrom(true, undefined), fc.oneof(fc.boolean(), fc.anything()));
const nearItem = mostly(nearHighlight, fc.anything());
const nearBody = mostlyWhole({
  success: successFlag,
  data: mostly(
    mostlyWhole({
      success: successFlag,
      highlights: mostly(
        fc.oneof(
          fc.array(nearItem, { maxLength: 4 }),
          fc.dictionary(fc.nat(12).map(String), nearItem, { maxKeys: 4 }),
        ),
        fc.oneof(
          fc.dictionary(fc.oneof(fc.nat().map(String), fc.string()), nearItem, { maxKeys: 5 }),
          fc.anything(),
        ),
      ),
    }),
    fc.anything(),
  ),
});

/** Text that looks like JSON to the integer-quoting scanner: many digits, signs, quotes and escapes. */
const jsonishText = fc.string({
  unit: fc.constantFrom(
    '{', '}', '[', ']', ':', ',', '"', '\\', '\\"', ' ', '\n', '-', '+', '.', 'e', 'E', '0', '1', '9',
    '99999999999999999999', '9007199254740993', 'true', 'null', '"id"', '"a\\u0022b"', 'x',
  ),
  maxLength: 60,
});

describe('response parser properties', () => {
  it('parseJsonExact agrees with JSON.parse on any JSON text, except that unsafe integers keep their digits', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const result = parseOrSyntaxError(text);
        expect(result.parsed).toBe(true);
        if (result.parsed) expect(result.value).toEqual(withUnsafeIntegersAsDigits(JSON.parse(text)));
        expectWellFormed(parseHighlightsBody(result.parsed ? result.value : undefined));
      }),
      { numRuns: RUNS },
    );
  });

  it('any text: parseJsonExact accepts exactly what JSON.parse accepts, and reads the same but for big integers', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 80 }),
          jsonishText,
          fc.jsonValue().map((v) => JSON.stringify(v)),
          // Valid JSON cut short or with a character dropped.
          fc.tuple(fc.jsonValue(), fc.nat(), fc.nat()).map(([v, a, b]) => {
            const text = JSON.stringify(v);
            const i = a % (text.length + 1);
            return b % 2 ? text.slice(0, i) : text.slice(0, i) + text.slice(i + 1);
          }),
        ),
        (text) => {
          const result = parseOrSyntaxError(text);
          let plain: { parsed: true; value: unknown } | { parsed: false };
          try {
            plain = { parsed: true, value: JSON.parse(text) };
          } catch {
            plain = { parsed: false };
          }
          expect(result.parsed).toBe(plain.parsed);
          if (result.parsed && plain.parsed) expectSameButBigIntegers(result.value, plain.value);
          if (result.parsed) expectWellFormed(parseHighlightsBody(result.value));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('any value as the body gives a well-formed answer; in an optional part it counts as missing or as itself', () => {
    fc.assert(
      fc.property(fc.oneof(anythingDeep, fc.jsonValue()), (value) => {
        expectWellFormed(parseHighlightsBody(value));
        const text = typeof value === 'string' ? value : null;
        const result = parseHighlightsBody({
          success: true,
          data: {
            highlights: [
              { id: '17912345678901234', title: value, cover_media: { thumbnail_src: value }, owner: { id: value, username: value }, extra: value },
              { id: '17912345678901235', cover_media_cropped_thumbnail: value, owner: value },
            ],
          },
        });
        expect(result).toEqual({
          ok: true,
          value: {
            highlights: [
              { id: '17912345678901234', title: text ?? '', coverUrl: text || null },
              { id: '17912345678901235', title: '', coverUrl: null },
            ],
            ownerId: usableId(value) ? String(value) : null,
            ownerUsername: text?.toLowerCase() ?? null,
          },
        });
        // As the id, it is what decides: a highlight with no usable id is refused.
        const asId = parseHighlightsBody({ data: { highlights: { '0': { id: value } } } });
        expect(asId.ok).toBe(usableId(value));
        if (asId.ok) expect(asId.value.highlights[0]!.id).toBe(highlightIdDigits(String(value)) ?? String(value));
      }),
      { numRuns: RUNS },
    );
  });

  it('near-valid bodies (right envelope, odd parts) are read or refused as the rules say, never a throw', () => {
    let read = 0;
    fc.assert(
      fc.property(nearBody, (body) => {
        const result = parseHighlightsBody(body);
        expectWellFormed(result);
        const ids = expectedIds(body);
        expect(result.ok ? result.value.highlights.map((h) => h.id) : null).toEqual(ids);
        if (ids !== null) read++;
        // Through the text path as well, when the value is JSON at all.
        let text: string | undefined;
        try {
          text = JSON.stringify(body);
        } catch {
          text = undefined; // BigInt somewhere inside
        }
        if (text !== undefined) {
          const parsed = parseOrSyntaxError(text);
          if (parsed.parsed) {
            const fromText = parseHighlightsBody(parsed.value);
            expectWellFormed(fromText);
            expect(fromText.ok ? fromText.value.highlights.map((h) => h.id) : null).toEqual(expectedIds(parsed.value));
          }
        }
      }),
      { numRuns: RUNS },
    );
    // The generator reaches both sides of the rules, so a parser that refused everything would fail above.
    expect(read).toBeGreaterThan(RUNS / 50);
  });

  it('valid bodies keep every id exactly (bare or quoted, past 2^53), the order, titles and covers', () => {
    fc.assert(
      fc.property(validBodyArb, ({ items, text }) => {
        const parsed = parseOrSyntaxError(text);
        expect(parsed.parsed).toBe(true);
        const result = parseHighlightsBody(parsed.parsed ? parsed.value : undefined);
        expectWellFormed(result);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.value.highlights.map((h) => h.id)).toEqual(items.map((h) => h.id));
        expect(result.value.highlights).toEqual(
          items.map((h) => ({ id: h.id, title: h.title ?? '', coverUrl: h.coverUrl })),
        );
        expect(result.value.ownerId).toBe(items.find((h) => h.ownerId !== null)?.ownerId ?? null);
        expect(result.value.ownerUsername).toBe(items.find((h) => h.ownerUsername !== null)?.ownerUsername ?? null);
      }),
      { numRuns: RUNS },
    );
  });

  it('a body that says success: false, or whose list keys are not positions, is refused', () => {
    fc.assert(
      fc.property(
        validBodyArb,
        fc.constantFrom('top-false', 'data-false', 'bad-key'),
        fc.oneof(fc.string().filter((k) => !/^(0|[1-9][0-9]{0,8})$/.test(k)), fc.constantFrom('01', '-1', '1.0', '1e3', '1234567890')),
        ({ text }, mutation, badKey) => {
          const body = parseJsonExact(text) as { success?: boolean; data: { success?: boolean; highlights: unknown } };
          if (mutation === 'top-false') body.success = false;
          else if (mutation === 'data-false') body.data.success = false;
          else {
            const list = body.data.highlights;
            const entries = Array.isArray(list) ? list.map((v, i) => [String(i), v] as const) : Object.entries(list as object);
            body.data.highlights = Object.fromEntries([...entries, [badKey, { id: '1' }]]);
          }
          const result = parseHighlightsBody(body);
          expectWellFormed(result);
          expect(result.ok).toBe(false);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
