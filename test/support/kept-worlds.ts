/**
 * A world (browser with the extension, and its stand-ins) kept from one test
 * file to the next. Launching a browser costs one to three seconds on a
 * two-core machine, and most files need the very same one: the e2e projects
 * run every file in one vitest worker (`isolate: false`), the first file
 * that asks for a kept world starts it, and the files after it get the same
 * one back. Every test still starts from a fresh install, by the world's
 * `reset()`. The worker's environment (kept-worlds-environment.ts) closes
 * what is kept when the worker stops.
 *
 * The registry lives on globalThis, not in this module: the environment loads
 * its own copy of this module, apart from the one the test files import.
 */

interface Closable {
  close(): Promise<void>;
}

interface Kept {
  world: Promise<Closable>;
  /** False once the browser went away (it crashed, or a test closed it): the next file starts a new one. */
  usable(world: Closable): boolean;
}

const REGISTRY = Symbol.for('highlight-lookup.kept-worlds');

function registry(): Map<string, Kept> {
  const holder = globalThis as { [REGISTRY]?: Map<string, Kept> };
  holder[REGISTRY] ??= new Map();
  return holder[REGISTRY];
}

/**
 * The world kept under `name`, started by `start` when there is none yet (or
 * when the kept one is no longer `usable`). Only one kind is ever kept at a
 * time per name; a caller that needs a browser launched differently starts
 * and closes its own.
 */
export async function keptWorld<T extends Closable>(name: string, start: () => Promise<T>, usable: (world: T) => boolean): Promise<T> {
  const worlds = registry();
  const kept = worlds.get(name);
  if (kept) {
    const world = await kept.world.catch(() => null);
    if (world && kept.usable(world)) return world as T;
    worlds.delete(name);
    await world?.close().catch(() => undefined);
  }
  const world = start();
  worlds.set(name, { world, usable: usable as (world: Closable) => boolean });
  // A launch that failed is not kept: the next file tries again.
  world.catch(() => {
    if (worlds.get(name)?.world === world) worlds.delete(name);
  });
  return world;
}

/** Closes every kept world (the worker is stopping). */
export async function closeKeptWorlds(): Promise<void> {
  const worlds = registry();
  const all = [...worlds.values()];
  worlds.clear();
  await Promise.all(all.map(async (kept) => (await kept.world.catch(() => null))?.close().catch(() => undefined)));
}
