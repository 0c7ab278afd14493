/**
 * How the property tests (fast-check) run, set once for all of them in
 * setup.ts. In CI, and under mutation testing, a fixed seed: a run is the
 * same every time, and a mutant caught once is caught always. Elsewhere none,
 * so fast-check draws a fresh one each run and runs together try far more
 * inputs. `FC_SEED=<seed>` runs a seed again: a failure prints its seed and
 * path (fast-check's report).
 */
import type fc from 'fast-check';

export const FIXED_SEED = 20_260_120;

type Env = Readonly<Record<string, string | undefined>>;

/** The seed to run with, or undefined for a fresh one. Throws on an `FC_SEED` that is not a whole number. */
export function propertySeed(env: Env): number | undefined {
  const asked = env.FC_SEED;
  if (asked !== undefined) {
    const seed = Number(asked);
    if (!/^-?\d+$/.test(asked) || (seed | 0) !== seed) throw new Error(`FC_SEED is not a 32-bit whole number: ${asked}`);
    return seed;
  }
  // CI=true as CI sets it; any other value but "", "false" and "0" counts too.
  const inCi = !['', 'false', '0'].includes(env.CI ?? '');
  return inCi || env.STRYKER_MUTATOR_WORKER !== undefined ? FIXED_SEED : undefined;
}

/**
 * fast-check's settings for every property: the seed, and the failures met
 * while shrinking listed in the report. Under mutation testing (a Stryker
 * worker) only whether a property fails counts, so it stops at the first
 * failure instead of shrinking it, which can outlast Stryker's wait and
 * only slows the run.
 */
export function propertySettings(env: Env): fc.GlobalParameters {
  const seed = propertySeed(env);
  return {
    ...(seed === undefined ? {} : { seed }),
    ...(env.STRYKER_MUTATOR_WORKER === undefined ? { verbose: 1 } : { endOnFailure: true }),
  };
}
