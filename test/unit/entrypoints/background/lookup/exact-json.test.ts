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

  it.each([
    ['a fraction', '18154582366360931.5', 18154582366360931.5],
    ['an exponent', '18154582366360931e2', 18154582366360931e2],
    ['a capital exponent', '18154582366360931E2', 18154582366360931e2],
    ['a signed exponent', '-18154582366360931e-2', -181545823663609.31],
    ['a fraction and an exponent', '18154582366360931.25E+1', 181545823663609312.5],
  ])('leaves a big number with %s a number: the text stays valid JSON', (_name, literal, value) => {
    expect(quoteUnsafeIntegers(`{"n": ${literal}}`)).toBe(`{"n": ${literal}}`);
    expect(parseJsonExact(`{"n": ${literal}, "id": 18154582366360931}`)).toEqual({ n: value, id: '18154582366360931' });
  });

  it('quotes a big integer wherever it stands: first, last, after a minus, before white space or a bracket', () => {
    expect(quoteUnsafeIntegers('18154582366360931')).toBe('"18154582366360931"');
    expect(quoteUnsafeIntegers('-18154582366360931')).toBe('"-18154582366360931"');
    expect(quoteUnsafeIntegers('[18154582366360931,1]')).toBe('["18154582366360931",1]');
    expect(quoteUnsafeIntegers('[1, 18154582366360931 ]')).toBe('[1, "18154582366360931" ]');
    // An escaped backslash ends before the closing quote: the string ends there.
    expect(quoteUnsafeIntegers('{"a":"\\\\","b":18154582366360931}')).toBe('{"a":"\\\\","b":"18154582366360931"}');
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
