import { describe, expect, it } from 'vitest';
import { isFirefoxOwnError } from '@/test/support/firefox';

/**
 * The Firefox console watch counts every error that names the extension,
 * except Firefox's own teardown message listed in firefox.ts, matched exactly
 * (text as Firefox 153 ESR logs it when it suspends the background page).
 */
const TEARDOWN = [
  '[JavaScript Error: "sendRemoveListener on closed conduit highlight-lookup@sociavault-tools.412316860615" {file: "resource://gre/modules/ConduitsChild.sys.mjs" line: 122}]',
  '_send@resource://gre/modules/ConduitsChild.sys.mjs:122:13',
  'removeListener@resource://gre/modules/ExtensionChild.sys.mjs:713:34',
  'removeListener@resource://gre/modules/ExtensionChild.sys.mjs:969:40',
  'getAPI/register/api.menus.onClicked@chrome://browser/content/child/ext-menus.js:289:21',
  'removeListener@resource://gre/modules/ExtensionCommon.sys.mjs:2345:9',
].join('\n');

describe('Firefox console: its own errors', () => {
  it('knows the menus.onClicked teardown message Firefox logs when it suspends the background', () => {
    expect(isFirefoxOwnError(TEARDOWN)).toBe(true);
  });

  it('counts the same message from any other API, or any other error of the extension', () => {
    expect(isFirefoxOwnError(TEARDOWN.replace('api.menus.onClicked', 'api.runtime.onMessage'))).toBe(false);
    expect(isFirefoxOwnError(TEARDOWN.replace('sendRemoveListener', 'sendAddListener'))).toBe(false);
    expect(isFirefoxOwnError('[JavaScript Error: "TypeError: x is undefined" {file: "moz-extension://abc/background.js" line: 1}]')).toBe(false);
    expect(isFirefoxOwnError(`Content-Security-Policy: blocked ${TEARDOWN}`)).toBe(false);
  });
});
