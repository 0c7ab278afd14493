import { afterEach, describe, expect, it, vi } from 'vitest';
import { extensionApi, messageReply, NO_RESPONSE } from '@/entrypoints/popup/extension-api';

/**
 * The popup calls the browser's own extension API (no webextension-polyfill in
 * its bundle); a reply is read as the polyfill would read it.
 */
describe('messageReply', () => {
  it('passes a reply through', async () => {
    await expect(messageReply(async () => ({ ok: true }))).resolves.toEqual({ ok: true });
  });

  it('turns a listener’s rejection, as the polyfill on the other side sends it, into an error', async () => {
    const reply = { __mozWebExtensionPolyfillReject__: true, message: 'storage refused' };
    await expect(messageReply(async () => reply)).rejects.toThrow('storage refused');
  });

  it('reads “nobody answered” as undefined, as Firefox and the polyfill do', async () => {
    await expect(messageReply(() => Promise.reject(new Error(NO_RESPONSE)))).resolves.toBeUndefined();
  });

  it('passes every other failure on', async () => {
    const failure = new Error('Could not establish connection. Receiving end does not exist.');
    await expect(messageReply(() => Promise.reject(failure))).rejects.toBe(failure);
  });
});

describe('extensionApi', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is Firefox’s browser where it is there, Chrome’s chrome otherwise', () => {
    const chrome = { runtime: { id: 'abc' } };
    const firefox = { runtime: { id: 'def' } };
    vi.stubGlobal('chrome', chrome);
    vi.stubGlobal('browser', undefined);
    expect(extensionApi()).toBe(chrome);
    vi.stubGlobal('browser', firefox);
    expect(extensionApi()).toBe(firefox);
  });
});
