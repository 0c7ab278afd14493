/**
 * Type tests, run by `tsc` (npm run typecheck) and by vitest's typecheck mode:
 * each @ts-expect-error must meet the error it expects, or the check fails.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { BackgroundHandlers } from '@/entrypoints/background/messages/router';
import type { HighlightList } from '@/utils/highlights/highlight';
import type { Handle } from '@/utils/profile-url';
import type { Handlers, LookupResponse, OptionsMessage, PageMessage, Send, StoriesResponse } from '@/utils/protocol';
import { DEFAULT_SETTINGS } from '@/utils/settings';

declare const handle: Handle;
declare const send: Send<PageMessage>;
declare const sendFromOptions: Send<OptionsMessage>;

describe('handlers are typed by the protocol', () => {
  it('accepts a handler that answers its message’s response', () => {
    const right: Handlers<'get-status', unknown> = {
      'get-status': async () => ({ hasKey: true, settings: DEFAULT_SETTINGS }),
    };
    expectTypeOf(right['get-status']).returns.resolves.toEqualTypeOf<{ hasKey: boolean; settings: typeof DEFAULT_SETTINGS }>();
  });

  it('refuses a handler that answers the wrong shape', () => {
    const wrong: Handlers<'get-status', unknown> = {
      // @ts-expect-error hasKey is a boolean, not a string
      'get-status': async () => ({ hasKey: 'yes', settings: DEFAULT_SETTINGS }),
    };
    void wrong;
  });

  it('refuses a handler that answers another message’s response', () => {
    const wrong: Handlers<'peek-cache', unknown> = {
      // @ts-expect-error peek-cache answers { list }, not a lookup response
      'peek-cache': async (): Promise<LookupResponse> => ({ ok: false, handle, error: { kind: 'no-key' } }),
    };
    void wrong;
  });

  it('refuses a handler table that leaves a message unhandled', () => {
    // @ts-expect-error clear-cache and the others are missing
    const missing: BackgroundHandlers['pages'] = { 'get-status': async () => ({ hasKey: true, settings: DEFAULT_SETTINGS }) };
    void missing;
  });

  it('gives a handler its request’s fields, typed', () => {
    const handlers: Handlers<'lookup', unknown> = {
      lookup: async (request) => {
        expectTypeOf(request.handle).toEqualTypeOf<Handle>();
        expectTypeOf(request.refresh).toEqualTypeOf<boolean>();
        return { ok: false, handle: request.handle, error: { kind: 'offline' } };
      },
    };
    void handlers;
  });
});

describe('senders are typed by the protocol', () => {
  it('types the answer from the message type', () => {
    expectTypeOf(send('lookup', { handle, refresh: false })).resolves.toEqualTypeOf<LookupResponse>();
    expectTypeOf(send('peek-cache', { handle })).resolves.toEqualTypeOf<{ list: HighlightList | null }>();
  });

  it('types a highlight’s stories, and needs refresh said', () => {
    expectTypeOf(send('highlight-stories', { highlightId: '17', refresh: false })).resolves.toEqualTypeOf<StoriesResponse>();
    // @ts-expect-error refresh is missing: whether to pay again is always said
    void send('highlight-stories', { highlightId: '17' });
  });

  it('needs a checked handle, not any string', () => {
    // @ts-expect-error a plain string is not a Handle
    void send('lookup', { handle: 'nasa', refresh: false });
  });

  it('needs every field of the request', () => {
    // @ts-expect-error refresh is missing
    void send('lookup', { handle });
  });

  it('keeps options-only messages to the options page', () => {
    // @ts-expect-error the popup may not ask for the key
    void send('get-api-key', {});
    expectTypeOf(sendFromOptions('get-api-key', {})).resolves.toEqualTypeOf<{ apiKey: string | null }>();
  });

  it('knows no message outside the protocol', () => {
    // @ts-expect-error there is no such message
    void send('delete-everything', {});
  });
});
