/**
 * How a long highlight list grows after its first paint (its first
 * FIRST_ROWS rows, list/HighlightList.tsx): in steps sized by time, not by
 * count, so that each step stays a short task on a fast machine and on a
 * loaded one alike. Pure: the list measures, this decides.
 */

/** The most rows one step adds, however fast the machine: a step's layout grows with it too. */
export const MAX_STEP_ROWS = 150;
/** The fewest: below this, each step's fixed cost would make the whole list slow to complete. */
export const MIN_STEP_ROWS = 10;
/**
 * How long building one step's rows should take. A task over 50 ms counts as
 * long. The browser still has to style and lay out the new rows after the
 * script, and timings on a loaded machine are noisy, so the script gets well
 * under half of those 50 ms.
 */
export const STEP_BUDGET_MS = 16;

/** Rows for the next step, from how long the last one took to build `rows` rows. */
export function nextStepRows(rows: number, ms: number): number {
  // Too fast for the clock to see (or no rows): as many as a step may take.
  if (!(ms > 0) || !(rows > 0)) return MAX_STEP_ROWS;
  const fitting = Math.floor((rows * STEP_BUDGET_MS) / ms);
  return Math.max(MIN_STEP_ROWS, Math.min(MAX_STEP_ROWS, fitting));
}

/**
 * Where each step's rows end, after one more step of `rows` rows (a whole
 * number, at least one: what nextStepRows gives), never past the list's end.
 * For example [40, 65, 125, …]: each step is one chunk of rows in the list,
 * rendered once (RowChunk in HighlightList.tsx).
 */
export function withStep(ends: readonly number[], rows: number, total: number): number[] {
  const shown = ends.at(-1) ?? 0;
  return shown < total ? [...ends, Math.min(total, shown + rows)] : [...ends];
}
