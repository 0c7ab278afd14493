import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { isBackgroundWrapper, POLYFILL_BROWSER } from '@/modules/background-browser';
import { messageListener } from '@/utils/message-answers';

/**
 * The background answers messages without webextension-polyfill: through
 * `sendResponse` in Chrome, as the polyfill would, and with the promise itself
 * in Firefox.
 */
describe('messageListener in Chrome (answers through sendResponse)', () => {
  it('keeps the channel open and sends what the promise resolves to', async () => {
    const sendResponse = vi.fn();
    const listener = messageListener(async (message: unknown) => ({ echo: message }), false);
    expect(listener('hi', {}, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ echo: 'hi' }));
  });

  it('sends a rejection as the polyfill marks it, so the sender’s promise rejects with its message', async () => {
    const sendResponse = vi.fn();
    const listener = messageListener(() => Promise.reject(new Error('storage refused')), false);
    expect(listener({}, {}, sendResponse)).toBe(true);
    await vi.waitFor(() =>
      expect(sendResponse).toHaveBeenCalledWith({ __mozWebExtensionPolyfillReject__: true, message: 'storage refused' }),
    );
  });

  it('sends a listener that throws as a rejection too, and anything not an error with the polyfill’s words', async () => {
    const sendResponse = vi.fn();
    const throws = messageListener(() => {
      throw 'not an error';
    }, false);
    expect(throws({}, {}, sendResponse)).toBe(true);
    await vi.waitFor(() =>
      expect(sendResponse).toHaveBeenCalledWith({ __mozWebExtensionPolyfillReject__: true, message: 'An unexpected error occurred' }),
    );
  });

  it('leaves a message it does not answer unanswered', () => {
    const sendResponse = vi.fn();
    expect(messageListener(() => undefined, false)('probe', {}, sendResponse)).toBeUndefined();
    expect(sendResponse).not.toHaveBeenCalled();
  });
});

describe('messageListener in Firefox (answers with the promise)', () => {
  it('returns the promise and never calls sendResponse', async () => {
    const sendResponse = vi.fn();
    const reply = messageListener(async () => 42, true)({}, {}, sendResponse);
    await expect(reply).resolves.toBe(42);
    expect(sendResponse).not.toHaveBeenCalled();
  });

  it('leaves a message it does not answer unanswered', () => {
    expect(messageListener(() => undefined, true)({}, {}, vi.fn())).toBeUndefined();
  });
});

describe('the background build’s wxt/browser', () => {
  it('is redirected only where WXT’s background wrapper imports it', () => {
    expect(isBackgroundWrapper('\0virtual:wxt-background-entrypoint?/repo/entrypoints/background/index.ts')).toBe(true);
    expect(isBackgroundWrapper('virtual:wxt-background-entrypoint')).toBe(true);
    expect(isBackgroundWrapper('/repo/entrypoints/options/main.tsx')).toBe(false);
    expect(isBackgroundWrapper(undefined)).toBe(false);
  });

  it('names what @wxt-dev/webextension-polyfill aliases wxt/browser to', () => {
    const module = readFileSync(fileURLToPath(import.meta.resolve('@wxt-dev/webextension-polyfill')), 'utf8');
    expect(module).toContain(`"wxt/browser": "${POLYFILL_BROWSER}"`);
  });
});
