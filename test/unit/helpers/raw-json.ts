/**
 * JSON text written by hand for property tests, so that ids can be bare
 * integer literals past 2^53 (which no JS number can hold) and object keys
 * can stand in any textual order.
 */

export type Raw =
  | { bare: string } // emitted as-is: an integer literal
  | { json: unknown } // any JSON value, through JSON.stringify
  | string
  | number
  | boolean
  | null
  | Raw[]
  | { entries: Array<[string, Raw]> }; // an object, keys in this textual order

export function rawText(node: Raw): string {
  if (node === null || typeof node === 'number' || typeof node === 'boolean' || typeof node === 'string') {
    return JSON.stringify(node);
  }
  if (Array.isArray(node)) return `[${node.map(rawText).join(',')}]`;
  if ('bare' in node) return node.bare;
  if ('json' in node) return JSON.stringify(node.json);
  return `{${node.entries.map(([k, v]) => `${JSON.stringify(k)}:${rawText(v)}`).join(',')}}`;
}

/** An object of these entries, in this order; entries whose value is undefined are left out. */
export const object = (entries: Array<[string, Raw | undefined]>): Raw => ({
  entries: entries.filter((e): e is [string, Raw] => e[1] !== undefined),
});
