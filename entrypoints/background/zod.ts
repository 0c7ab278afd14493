/**
 * zod, configured for an extension: every schema module imports `z` from
 * here, never from 'zod' (the linter enforces it), so this runs before any
 * schema is built.
 *
 * `jitless`: zod would otherwise probe `new Function('')` when the first
 * object schema is built and compile a parser per object schema with `new
 * Function`. An extension's CSP forbids both: Firefox logs the refused probe
 * as two CSP violations at every start, and the stores' linters report the
 * probe. Jitless, zod parses with its interpreter — the same results.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
