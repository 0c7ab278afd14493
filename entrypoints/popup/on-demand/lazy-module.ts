/**
 * Code the popup needs only once something has happened (a menu opened, a
 * download asked for, a failure, an answer from the background): a dynamic
 * import, so it is a chunk of its own and not in what the popup loads to open
 * (its size budget, test/build/manifest.test.ts). Loaded at most once; a load
 * that failed is tried again the next time.
 */
export interface LazyModule<M> {
  /** Loads the module (once) and gives it. */
  get(): Promise<M>;
  /**
   * For a component's render: the module once it has loaded; else null, and
   * the module starts loading, `arrived` (the component's forceUpdate) called
   * once it is there.
   */
  need(arrived: () => void): M | null;
  /** The module if it has loaded; null, without loading it, if not. */
  now(): M | null;
}

export function lazyModule<M>(load: () => Promise<M>): LazyModule<M> {
  let module: M | null = null;
  let loading: Promise<M> | null = null;
  const get = () =>
    (loading ??= load().then(
      (loaded) => (module = loaded),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  return {
    get,
    need(arrived) {
      if (!module) get().then(arrived, () => undefined);
      return module;
    },
    now: () => module,
  };
}

/** After the frame being drawn: for work the first paint should not wait for. */
export function afterPaint(run: () => void): void {
  requestAnimationFrame(() => setTimeout(run, 0));
}
