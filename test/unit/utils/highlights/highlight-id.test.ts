import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlightIdDigits } from '@/utils/highlights/highlight-id';

describe('highlightIdDigits', () => {
  it.each([
    ['18154582366360931', '18154582366360931'],
    ['highlight:18154582366360931', '18154582366360931'],
    ['highlight:17912345678901234567890', '17912345678901234567890'],
    ['0', '0'],
    [18154, '18154'],
    [0, '0'],
  ])('%j → %j', (input, digits) => {
    expect(highlightIdDigits(input)).toBe(digits);
  });

  it.each([
    [''],
    ['highlight:'],
    ['highlight:abc'],
    ['Highlight:123'],
    ['highlights:123'],
    ['highlight:highlight:123'],
    ['story:123'],
    [' 123'],
    ['123 '],
    ['highlight: 123'],
    ['12a3'],
    ['-1'],
    ['1.5'],
    ['١٢٣'],
    ['9'.repeat(65)],
    [-1],
    [1.5],
    [2 ** 53],
    [Number.NaN],
    [null],
    [undefined],
    [{}],
    [['123']],
    [123n],
  ])('refuses %s', (input) => {
    expect(highlightIdDigits(input)).toBeNull();
  });

  it('gives back the very digits, in either form, past 2^53', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,64}$/), fc.boolean(), (digits, prefixed) => {
        expect(highlightIdDigits(prefixed ? `highlight:${digits}` : digits)).toBe(digits);
      }),
    );
  });

  it('anything else it refuses, and what it accepts is digits only', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), (input) => {
        const digits = highlightIdDigits(input);
        if (digits !== null) expect(digits).toMatch(/^[0-9]{1,64}$/);
        if (typeof input === 'string' && !/^(highlight:)?[0-9]{1,64}$/.test(input)) expect(digits).toBeNull();
      }),
    );
  });
});
