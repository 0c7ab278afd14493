import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * An extension page or worker may not run `new Function` (CSP). zod probes
 * for it and compiles object parsers with it unless `jitless` is set before
 * the schemas are built; entrypoints/background/zod-jitless.ts sets it.
 */
describe('zod in the background never builds code from strings', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('builds and runs every schema without calling the Function constructor', async () => {
    const FunctionSpy = vi.spyOn(globalThis, 'Function');
    vi.resetModules();
    const schemas = await import('@/entrypoints/background/messages/message-schemas');
    const { parseHighlightsBody } = await import('@/entrypoints/background/lookup/highlights-response');
    const { z } = await import('@/entrypoints/background/zod-jitless');

    expect(z.config().jitless).toBe(true);
    // Object schemas are where zod would compile a parser: parse some, valid and not.
    expect(schemas.pageSchemas.lookup.safeParse({ type: 'lookup', handle: 'nasa', refresh: false }).success).toBe(true);
    expect(schemas.pageSchemas.lookup.safeParse({ type: 'lookup', handle: 'NASA', refresh: false }).success).toBe(false);
    expect(schemas.contentSchemas['profile-detected'].safeParse({ type: 'profile-detected', handle: null }).success).toBe(true);
    expect(schemas.optionsSchemas['save-settings'].safeParse({ type: 'save-settings', settings: {} }).success).toBe(false);
    const body = { success: true, data: { success: true, highlights: { 0: { id: '17900000000000001', title: 'A' } } } };
    expect(parseHighlightsBody(body)).toMatchObject({ ok: true, value: { highlights: [{ id: '17900000000000001' }] } });

    expect(FunctionSpy).not.toHaveBeenCalled();
  });
});
