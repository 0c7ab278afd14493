import { describe, expect, it } from 'vitest';
import { parseJsonExact } from '@/entrypoints/background/lookup/exact-json';
import { parseErrorBody, parseHighlightsBody } from '@/entrypoints/background/lookup/highlights-response';
import { detailCurl, highlightRef, highlightStoryUrl } from '@/utils/highlights/highlight-links';
import example from '@/test/fixtures/openapi-example-response.json';
import { highlightsEnvelope as envelope } from '@/test/support/scenarios';

describe('parseHighlightsBody', () => {
  it('reads the endpoint document’s example response verbatim', () => {
    const result = parseHighlightsBody(example);
    expect(result).toEqual({
      ok: true,
      value: {
        ownerId: '21393171',
        ownerUsername: 'jane',
        highlights: [
          {
            id: '18154582366360931',
            title: 'BOB hairstyles💇♀️',
            coverUrl: example.data.highlights['0'].cover_media_cropped_thumbnail.url,
          },
        ],
      },
    });
  });

  it('reads an object keyed "0","1",… in numeric order, not as text and not as written', () => {
    // Written out of order, as a JSON text: the order comes from the keys alone.
    const keys = ['10', '2', '0', '1', '11', '3', '4', '5', '6', '7', '8', '9', '100000000'];
    const text = `{"data":{"highlights":{${keys.map((k) => `"${k}":{"id":"1000${k}","title":"t${k}"}`).join(',')}}}}`;
    const result = parseHighlightsBody(parseJsonExact(text));
    expect(result.ok && result.value.highlights.map((h) => h.title)).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `t${i}`),
      't100000000',
    ]);
  });

  it('accepts a plain array in its order', () => {
    const result = parseHighlightsBody(envelope([{ id: '2', title: 'b' }, { id: '1', title: 'a' }]));
    expect(result.ok && result.value.highlights.map((h) => h.id)).toEqual(['2', '1']);
  });

  it.each([[{}], [[]]])('treats %j as an empty list', (list) => {
    expect(parseHighlightsBody(envelope(list))).toEqual({
      ok: true,
      value: { highlights: [], ownerId: null, ownerUsername: null },
    });
  });

  it('tolerates every optional part missing, null or malformed', () => {
    const result = parseHighlightsBody(
      envelope({
        '0': { id: '1' },
        '1': { id: '2', title: null, cover_media: null, owner: null },
        '2': { id: '3', title: 42, cover_media: 'x', cover_media_cropped_thumbnail: { url: 7 }, owner: { id: {} } },
        '3': { id: '4', cover_media: { thumbnail_src: 'https://a.cdninstagram.com/x.jpg' } },
      }),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        ownerId: null,
        ownerUsername: null,
        highlights: [
          { id: '1', title: '', coverUrl: null },
          { id: '2', title: '', coverUrl: null },
          { id: '3', title: '', coverUrl: null },
          { id: '4', title: '', coverUrl: 'https://a.cdninstagram.com/x.jpg' },
        ],
      },
    });
  });

  it('keeps a numeric id beyond 2^53 exact when the body went through parseJsonExact', () => {
    const body = parseJsonExact(
      '{"success":true,"data":{"success":true,"highlights":{"0":{"id":18154582366360931,"title":"x","owner":{"id":21393171}}}}}',
    );
    const result = parseHighlightsBody(body);
    expect(result.ok && result.value.highlights[0]!.id).toBe('18154582366360931');
    expect(result.ok && result.value.ownerId).toBe('21393171');
  });

  it('keeps ids sent as highlight:<digits> as their digits, and other ids as they came', () => {
    const result = parseHighlightsBody(
      envelope({
        '0': { id: 'highlight:18154582366360931', title: 'prefixed' },
        '1': { id: '17912345678901234', title: 'bare' },
        '2': { id: 'highlight:x1', title: 'not digits' },
      }),
    );
    expect(result.ok && result.value.highlights.map((h) => h.id)).toEqual(['18154582366360931', '17912345678901234', 'highlight:x1']);
    // What the row's menu and Copy all then make of the stored id.
    const [first] = result.ok ? result.value.highlights : [];
    expect(highlightStoryUrl(first!.id)).toBe('https://www.instagram.com/stories/highlights/18154582366360931/');
    expect(highlightRef(first!.id)).toBe('highlight:18154582366360931');
    expect(detailCurl(first!.id)).toMatch(/\?id=18154582366360931"$/);
  });

  it.each([
    ['null', null],
    ['a string', 'ok'],
    ['an array', []],
    ['no data', { success: true }],
    ['data without highlights', { success: true, data: { success: true } }],
    ['highlights as a string', envelope('none')],
    ['highlights as a number', envelope(3)],
    ['non-positional keys', envelope({ a: { id: '1' } })],
    ['a highlight without id', envelope({ '0': { title: 'x' } })],
    ['an id with spaces', envelope({ '0': { id: '1 2' } })],
    ['an id that is a float', envelope({ '0': { id: 1.5 } })],
    ['a highlight that is null', envelope([null])],
    ['success: false', { success: false, data: { highlights: {} } }],
    ['data.success: false', { success: true, data: { success: false, highlights: {} } }],
  ])('rejects %s', (_name, body) => {
    expect(parseHighlightsBody(body).ok).toBe(false);
  });
});

describe('parseErrorBody', () => {
  // toStrictEqual: a part that is missing or malformed is undefined, and nothing else is added.
  it.each([
    [{ error: 'Insufficient credits', required: 1, available: 0 }, { error: 'Insufficient credits', required: 1, available: 0 }],
    [{ error: 'x', message: 'y', statusCode: 403 }, { error: 'x', message: 'y' }],
    [{ message: 'Invalid API key' }, { message: 'Invalid API key' }],
    [{ available: -3 }, { available: -3 }],
    [{ error: 5, message: null, required: 'one', available: 1.5 }, { error: undefined, message: undefined, required: undefined, available: undefined }],
    [{ required: -1 }, { required: undefined }],
    [{ required: 1.5 }, { required: undefined }],
    [null, {}],
    ['<html>', {}],
    [[], {}],
    [undefined, {}],
  ])('%j → %j', (body, expected) => {
    expect(parseErrorBody(body)).toStrictEqual(expected);
  });
});

describe('parseHighlightsBody and prototype keys', () => {
  it('refuses a list keyed "__proto__" instead of reading it as empty', () => {
    const body = JSON.parse('{"success":true,"data":{"success":true,"highlights":{"__proto__":{"id":"1"}}}}');
    expect(parseHighlightsBody(body).ok).toBe(false);
  });
});
