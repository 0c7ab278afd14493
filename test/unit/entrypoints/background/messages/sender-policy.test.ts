import { describe, expect, it } from 'vitest';
import {
  INSTAGRAM_ORIGIN,
  isOwnContentScript,
  isOwnExtensionPage,
  isOwnOptionsPage,
  originOf,
  type SenderInfo,
} from '@/entrypoints/background/messages/sender-policy';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const CHROME_ORIGIN = `chrome-extension://${OWN_ID}`;
// Firefox names its extension pages by a per-install UUID, not by the extension's id.
const FIREFOX_ID = 'highlight-lookup@sociavault-tools';
const FIREFOX_ORIGIN = 'moz-extension://0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';

const contentScript: SenderInfo = { id: OWN_ID, url: `${INSTAGRAM_ORIGIN}/nasa/`, origin: INSTAGRAM_ORIGIN, frameId: 0, tab: { id: 7 } };
const popup: SenderInfo = { id: OWN_ID, url: `${CHROME_ORIGIN}/popup.html`, origin: CHROME_ORIGIN };
const options: SenderInfo = { id: OWN_ID, url: `${CHROME_ORIGIN}/options.html?welcome=1`, origin: CHROME_ORIGIN };

describe('originOf', () => {
  it.each([
    ['https://www.instagram.com/nasa/?igsh=1', 'https://www.instagram.com'],
    [`${CHROME_ORIGIN}/popup.html`, CHROME_ORIGIN],
    [`${FIREFOX_ORIGIN}/options.html`, FIREFOX_ORIGIN],
    ['https://www.instagram.com:8443/x', 'https://www.instagram.com:8443'],
    // No host: never an origin, so the string "null" can never match "null".
    ['data:text/html,<script>', null],
    ['about:blank', null],
    ['not a url', null],
    ['', null],
    [undefined, null],
  ])('%j → %j', (url, origin) => {
    expect(originOf(url)).toBe(origin);
  });
});

describe('our content script', () => {
  it('is ours, in the top frame of a tab on www.instagram.com, in Chrome (with origin) and Firefox (without)', () => {
    expect(isOwnContentScript(contentScript, OWN_ID)).toBe(true);
    expect(isOwnContentScript({ ...contentScript, origin: undefined }, OWN_ID)).toBe(true);
  });

  it.each<[string, SenderInfo]>([
    ['a foreign extension id', { ...contentScript, id: 'z'.repeat(32) }],
    ['a sub-frame', { ...contentScript, frameId: 3 }],
    ['no frame id', { ...contentScript, frameId: undefined }],
    ['another origin', { ...contentScript, url: 'https://evil.example/nasa/', origin: 'https://evil.example' }],
    ['instagram without www', { ...contentScript, url: 'https://instagram.com/nasa/', origin: 'https://instagram.com' }],
    ['http instead of https', { ...contentScript, url: 'http://www.instagram.com/nasa/', origin: 'http://www.instagram.com' }],
    ['a frame whose origin differs from its URL', { ...contentScript, origin: 'https://evil.example' }],
    ['no tab', { ...contentScript, tab: undefined }],
    ['a tab without an id', { ...contentScript, tab: {} }],
    ['a negative tab id (not a tab)', { ...contentScript, tab: { id: -1 } }],
    ['an extension page', popup],
    ['nobody', {}],
  ])('is not %s', (_name, sender) => {
    expect(isOwnContentScript(sender, OWN_ID)).toBe(false);
  });
});

describe('our pages', () => {
  it('are ours, on our origin, in Chrome and in Firefox, popped out into a tab or not', () => {
    expect(isOwnExtensionPage(popup, OWN_ID, CHROME_ORIGIN)).toBe(true);
    expect(isOwnExtensionPage({ ...popup, url: `${CHROME_ORIGIN}/popup.html?tab=7`, tab: { id: 9 }, frameId: 0 }, OWN_ID, CHROME_ORIGIN)).toBe(true);
    expect(isOwnExtensionPage({ id: FIREFOX_ID, url: `${FIREFOX_ORIGIN}/popup.html` }, FIREFOX_ID, FIREFOX_ORIGIN)).toBe(true);
  });

  it.each<[string, SenderInfo]>([
    ['a content script claiming the popup’s origin', { ...contentScript, origin: CHROME_ORIGIN }],
    ['a content script with the popup’s URL but the page’s origin', { ...contentScript, url: `${CHROME_ORIGIN}/popup.html` }],
    ['the Instagram page', contentScript],
    ['a foreign extension’s popup', { id: 'z'.repeat(32), url: `chrome-extension://${'z'.repeat(32)}/popup.html` }],
    ['our id on a foreign extension’s URL', { id: OWN_ID, url: `chrome-extension://${'z'.repeat(32)}/popup.html` }],
    ['a web page', { url: 'https://evil.example/', origin: 'https://evil.example' }],
    ['a data: URL with our id', { id: OWN_ID, url: 'data:text/html,<script>', origin: 'null' }],
    ['our id and a null origin', { id: OWN_ID, url: 'about:blank', origin: 'null' }],
    ['nobody', {}],
  ])('are not %s', (_name, sender) => {
    expect(isOwnExtensionPage(sender, OWN_ID, CHROME_ORIGIN)).toBe(false);
    expect(isOwnOptionsPage(sender, OWN_ID, CHROME_ORIGIN)).toBe(false);
  });

  it('the options page is options.html itself, whatever its query; no other page is', () => {
    expect(isOwnOptionsPage(options, OWN_ID, CHROME_ORIGIN)).toBe(true);
    expect(isOwnOptionsPage({ id: FIREFOX_ID, url: `${FIREFOX_ORIGIN}/options.html` }, FIREFOX_ID, FIREFOX_ORIGIN)).toBe(true);
    expect(isOwnOptionsPage(popup, OWN_ID, CHROME_ORIGIN)).toBe(false);
    expect(isOwnOptionsPage({ ...popup, url: `${CHROME_ORIGIN}/popup.html?page=/options.html` }, OWN_ID, CHROME_ORIGIN)).toBe(false);
    expect(isOwnOptionsPage({ ...popup, url: `${CHROME_ORIGIN}/collection.html#/options.html` }, OWN_ID, CHROME_ORIGIN)).toBe(false);
  });
});
