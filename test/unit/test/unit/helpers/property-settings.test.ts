import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXED_SEED, propertySeed, propertySettings } from '@/test/unit/helpers/property-settings';

describe('the seed of the property tests', () => {
  it.each([
    [{ CI: 'true' }, FIXED_SEED],
    [{ CI: '1' }, FIXED_SEED],
    [{ STRYKER_MUTATOR_WORKER: '0' }, FIXED_SEED],
    [{ CI: 'true', FC_SEED: '-574592096' }, -574_592_096],
    [{ FC_SEED: '7' }, 7],
    [{}, undefined],
    [{ CI: '' }, undefined],
    [{ CI: 'false' }, undefined],
    [{ CI: '0' }, undefined],
  ])('%j → %s', (env, seed) => {
    expect(propertySeed(env)).toBe(seed);
  });

  it.each([['abc'], [''], ['1.5'], ['2147483648'], ['99999999999']])('refuses FC_SEED=%j', (asked) => {
    expect(() => propertySeed({ FC_SEED: asked })).toThrow(`FC_SEED is not a 32-bit whole number: ${asked}`);
  });

  it('lists the failures met while shrinking; under mutation testing stops at the first failure instead', () => {
    expect(propertySettings({ CI: 'true' })).toEqual({ seed: FIXED_SEED, verbose: 1 });
    expect(propertySettings({})).toEqual({ verbose: 1 });
    expect(propertySettings({ STRYKER_MUTATOR_WORKER: '1' })).toEqual({ seed: FIXED_SEED, endOnFailure: true });
  });

  it('is what every property test in this run uses', () => {
    expect(fc.readConfigureGlobal()).toEqual(propertySettings(process.env));
    expect(fc.readConfigureGlobal()).not.toEqual({});
  });
});
