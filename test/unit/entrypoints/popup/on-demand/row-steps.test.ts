import { describe, expect, it } from 'vitest';
import { FIRST_ROWS } from '@/entrypoints/popup/list/HighlightList';
import { MAX_STEP_ROWS, MIN_STEP_ROWS, nextStepRows, STEP_BUDGET_MS, withStep } from '@/entrypoints/popup/on-demand/row-steps';

describe('nextStepRows: the next step fits the budget the last step measured', () => {
  it.each([
    // rows, ms → next
    [150, STEP_BUDGET_MS, 150], // exactly on budget: the same again
    [150, STEP_BUDGET_MS * 2, 75], // twice too slow: half
    [100, STEP_BUDGET_MS * 4, 25],
    [40, STEP_BUDGET_MS / 2, 80], // fast: grows…
    [150, 1, MAX_STEP_ROWS], // …but never past the most a step may take
    [150, 10_000, MIN_STEP_ROWS], // a stalled machine: still the fewest, so the list completes
    [10, STEP_BUDGET_MS * 3, MIN_STEP_ROWS],
  ])('%i rows in %f ms → %i', (rows, ms, next) => {
    expect(nextStepRows(rows, ms)).toBe(next);
  });

  it.each([0, -1, Number.NaN])('a step the clock could not see (%f ms) allows the most', (ms) => {
    expect(nextStepRows(150, ms)).toBe(MAX_STEP_ROWS);
  });

  it('no rows measured says nothing of the speed: the most', () => {
    expect(nextStepRows(0, 30)).toBe(MAX_STEP_ROWS);
  });

  it('always a whole number of rows within the bounds', () => {
    for (let rows = 1; rows <= 200; rows += 7) {
      for (const ms of [0.1, 0.9, 3.3, 16, 17.5, 49, 333]) {
        const next = nextStepRows(rows, ms);
        expect(Number.isInteger(next)).toBe(true);
        expect(next).toBeGreaterThanOrEqual(MIN_STEP_ROWS);
        expect(next).toBeLessThanOrEqual(MAX_STEP_ROWS);
      }
    }
  });
});

describe('step ends', () => {
  it('grows by the step asked, never past the end, and stops there', () => {
    let ends = [FIRST_ROWS];
    ends = withStep(ends, 25, 100);
    expect(ends).toEqual([FIRST_ROWS, FIRST_ROWS + 25]);
    ends = withStep(ends, 150, 100);
    expect(ends).toEqual([FIRST_ROWS, FIRST_ROWS + 25, 100]);
    expect(withStep(ends, 10, 100)).toEqual([FIRST_ROWS, FIRST_ROWS + 25, 100]);
  });

  it('returns a new array, so the list sees the change', () => {
    const ends = [40];
    expect(withStep(ends, 10, 100)).not.toBe(ends);
    expect(ends).toEqual([40]);
  });

  it('any sequence of steps covers the whole list in increasing ends', () => {
    for (const total of [1, 39, 40, 41, 1000, 5000]) {
      let ends = [Math.min(total, FIRST_ROWS)];
      let guard = 0;
      while (ends.at(-1)! < total && guard++ < 10_000) ends = withStep(ends, 1 + ((guard * 37) % 150), total);
      expect(ends.at(-1)).toBe(total);
      for (let i = 1; i < ends.length; i++) expect(ends[i]!).toBeGreaterThan(ends[i - 1]!);
    }
  });
});
