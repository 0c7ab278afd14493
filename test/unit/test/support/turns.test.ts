import { describe, expect, it } from 'vitest';
import { createTurns } from '../../../support/turns';

describe('createTurns', () => {
  it('runs one function at a time, in the order given, past a failure', async () => {
    const turns = createTurns();
    const log: string[] = [];
    const step = (name: string, fail = false) => async () => {
      log.push(`${name} starts`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push(`${name} ends`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([turns(step('a')), turns(step('b', true)), turns(step('c'))]);
    expect(log).toEqual(['a starts', 'a ends', 'b starts', 'b ends', 'c starts', 'c ends']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
