import { describe, expect, it } from 'vitest';
import { parseJsonExact, quoteUnsafeIntegers } from '@/entrypoints/background/lookup/exact-json';

describe('parseJsonExact', () => {
  it('keeps integers beyond 2^53 as their exact digits', () => {
    expect(parseJsonExact('{"id": 18154582366360931}')).toEqual({ id: '18154582366360931' });
    expect(parseJsonExact('[9007199254740993, -9007199254740993]')).toEqual(['9007199254740993', '-9007199254740993']);
  });

  it('leaves safe numbers, decimals and exponents as numbers', () => {
    expect(parseJsonExact('{"a": 1, "b": -2, "c": 9007199254740991, "d": 1.5, "e": 1e30, "f": 0}')).toEqual({
      a: 1, b: -2, c: 9007199254740991, d: 1.5, e: 1e30, f: 0,
    });
  });

  it('never touches digits inside strings, escaped quotes included', () => {
    const text = '{"t": "id 18154582366360931 \\" 99999999999999999999", "n": 18154582366360931}';
    expect(parseJsonExact(text)).toEqual({ t: 'id 18154582366360931 " 99999999999999999999', n: '18154582366360931' });
  });

  it('still rejects what is not JSON', () => {
    expect(() => parseJsonExact('<html>502 Bad Gateway</html>')).toThrow();
    expect(() => parseJsonExact('')).toThrow();
    expect(() => parseJsonExact('{"a": -}')).toThrow();
  });

  it('returns text without big integers unchanged', () => {
    const text = '{"a":[1,2,{"b":"c"}],"d":null}';
    expect(quoteUnsafeIntegers(text)).toBe(text);
  });
});

describe('parseJsonExact is never more lenient than JSON.parse', () => {
  it.each([
    '{"data":{"highlights":[{"id":018154582366360931}]}}',
    '{18154582366360931: 1}',
    '{ 18154582366360931 : 1}',
    '[-018154582366360931]',
  ])('rejects %s', (text) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(() => parseJsonExact(text)).toThrow(SyntaxError);
  });
});
