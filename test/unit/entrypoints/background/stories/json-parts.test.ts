import { describe, expect, it } from 'vitest';
import { asDigits, asList, asNumber, asRecord, asText, own } from '@/entrypoints/background/stories/json-parts';

describe('reading parts of an undocumented answer', () => {
  it('asList: arrays, and objects keyed by positions in numeric order; nothing else', () => {
    expect(asList([3, 1])).toEqual([3, 1]);
    expect(asList({ '10': 'k', '2': 'c', '0': 'a' })).toEqual(['a', 'c', 'k']);
    expect(asList({})).toEqual([]);
    for (const value of [{ a: 1 }, { '01': 1 }, { '-1': 1 }, JSON.parse('{"__proto__": 1}'), 'list', 3, null, undefined]) {
      expect(asList(value)).toBeNull();
    }
  });

  it('own: own properties only, never what objects inherit', () => {
    expect(own({ pk: '1' }, 'pk')).toBe('1');
    expect(own({}, 'constructor')).toBeUndefined();
    expect(own({}, 'toString')).toBeUndefined();
    expect(own(JSON.parse('{"__proto__": {"pk": "1"}}'), '__proto__')).toEqual({ pk: '1' });
    expect(own(Object.create({ pk: '1' }), 'pk')).toBeUndefined();
    expect(own([1], '0')).toBeUndefined();
    expect(own(null, 'pk')).toBeUndefined();
    expect(asRecord([])).toBeNull();
    for (const value of [null, undefined, 'text', 3, true]) expect(asRecord(value)).toBeNull();
    const record = { a: 1 };
    expect(asRecord(record)).toBe(record);
  });

  it('asDigits: digit strings as they are, safe whole numbers as digits; nothing rounded', () => {
    expect(asDigits('31791234567890123400')).toBe('31791234567890123400');
    expect(asDigits('007')).toBe('007');
    expect(asDigits(528817151)).toBe('528817151');
    expect(asDigits(0)).toBe('0');
    for (const value of [2 ** 53, 1.5, -1, '', '1e3', ' 1', '9'.repeat(31), null, {}]) expect(asDigits(value)).toBeNull();
    expect(asDigits('9'.repeat(25), 25)).toBe('9'.repeat(25));
    expect(asDigits('9'.repeat(26), 25)).toBeNull();
  });

  it('asNumber and asText', () => {
    expect([asNumber(2), asNumber('14.5'), asNumber('-3'), asNumber('1e3'), asNumber(Number.NaN), asNumber('')]).toEqual([2, 14.5, -3, null, null, null]);
    expect([asText('a'), asText(''), asText(1)]).toEqual(['a', null, null]);
    // Up to 15 digits on each side of the point; text that is no plain number is none.
    expect([asNumber('14.95'), asNumber('0.123456789012345'), asNumber('1.'), asNumber('abc'), asNumber('1 2'), asNumber('0x10')]).toEqual([
      14.95, 0.123456789012345, null, null, null, null,
    ]);
    // Not text that reads as a number: a list of one is no number.
    expect([asNumber(['5']), asNumber([5]), asNumber(true)]).toEqual([null, null, null]);
  });
});
