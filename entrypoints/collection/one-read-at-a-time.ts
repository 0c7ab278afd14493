/**
 * At most one read of the view at a time. Reads asked for while one is under
 * way become one more read after it, which all of them wait for: whoever
 * awaits a read sees what was read after they asked (a notice after an
 * action never shows beside the view from before it).
 */
export function oneReadAtATime(read: () => Promise<void>): () => Promise<void> {
  let current: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const start = (): Promise<void> => {
    if (current) {
      next ??= current.then(() => {
        next = null;
        return start();
      });
      return next;
    }
    current = read().finally(() => {
      current = null;
    });
    return current;
  };
  return start;
}
