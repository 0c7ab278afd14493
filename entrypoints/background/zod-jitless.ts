/**
 * zod, configured for an extension: every schema module imports `z` from
 * here, never from 'zod' (the linter enforces it), so this runs before any
 * schema is built.
 *
 * `zod/mini`: the same core as zod's full entry, with functions instead of
 * chained methods (`z.optional(z.string())` for `z.string().optional()`), so
 * the bundle holds only what the schemas use — no JSON Schema generator, no
 * locale, no method table on every schema. That keeps the background within
 * its size budget (test/build/manifest.test.ts). Without a locale, zod's issue
 * messages are generic, but nothing shows them: a message that fails its
 * schema is dropped, and a bad API answer is described in our own words.
 *
 * `jitless`: zod would otherwise probe `new Function('')` when the first
 * object schema is built and compile a parser per object schema with `new
 * Function`. An extension's CSP forbids both: Firefox logs the refused probe
 * as two CSP violations at every start, and the stores' linters report the
 * probe. Jitless, zod parses with its interpreter instead, with the same results.
 */
import { z } from 'zod/mini';

z.config({ jitless: true });

export { z };
