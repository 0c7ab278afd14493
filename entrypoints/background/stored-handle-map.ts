import { toHandle, type Handle } from '@/utils/profile-url';

/**
 * Values by handle, stored as `[handle, value][]` and used as a Map: a plain
 * object keyed by handle would find Object's own `constructor` or `__proto__`
 * for accounts of those names. Pairs whose handle or value does not check out
 * are dropped when read.
 */
export function readHandlePairs<V>(stored: unknown, isValue: (value: unknown) => value is V): Map<Handle, V> {
  return readNamedPairs(stored, toHandle, isValue);
}

/** The same for values by any name (a highlight id): `toName` checks a name, and one it changes is dropped. */
export function readNamedPairs<N extends string, V>(
  stored: unknown,
  toName: (value: string) => N | null,
  isValue: (value: unknown) => value is V,
): Map<N, V> {
  const map = new Map<N, V>();
  if (!Array.isArray(stored)) return map;
  for (const pair of stored) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string') continue;
    const name = toName(pair[0]);
    if (name === pair[0] && isValue(pair[1])) map.set(name, pair[1]);
  }
  return map;
}

export function toHandlePairs<V>(map: ReadonlyMap<Handle, V>): Array<[Handle, V]> {
  return [...map];
}
