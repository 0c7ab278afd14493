import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXED_SEED, propertySeed } from '@/test/unit/helpers/property-seed';

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

  it('is what every property test in this run uses, with failures listed as they shrink', () => {
    const seed = propertySeed(process.env);
    expect(fc.readConfigureGlobal()).toEqual({ ...(seed === undefined ? {} : { seed }), verbose: 1 });
  });
});
