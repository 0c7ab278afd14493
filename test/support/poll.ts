/**
 * Waiting for something the browser or a server will do, without vitest: the
 * e2e tests, the demo and the bench all wait through `until`.
 */

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** How a waited-for value is shown in an error: strings as they are, the rest as JSON. */
function shown(value: unknown): string {
  if (typeof value === 'string') return `“${value}”`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Calls `probe` until `ok` holds for what it returns, and returns that value.
 * A probe that throws is asked again. On timeout the error names what was
 * awaited and what was last seen (or the last error, if it never answered).
 */
export async function until<T>(
  what: string,
  probe: () => Promise<T> | T,
  ok: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let seen: { value: T } | null = null;
  let lastError: unknown = null;
  for (;;) {
    try {
      const value = await probe();
      if (ok(value)) return value;
      seen = { value };
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const last = seen
        ? ` (last seen: ${shown(seen.value)})`
        : lastError
          ? ` (${lastError instanceof Error ? lastError.message : String(lastError)})`
          : '';
      throw new Error(`Timed out after ${seconds(timeoutMs)} waiting for ${what}${last}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
