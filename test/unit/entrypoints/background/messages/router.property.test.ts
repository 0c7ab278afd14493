import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundRouter, OWN_ID, OWN_ORIGIN } from '@/test/unit/helpers/background-router';
import type { SenderInfo } from '@/entrypoints/background/messages/sender-policy';
import { apiKeyItem, tabProfilesItem } from '@/entrypoints/background/storage-items';
import { RESERVED_ROUTES } from '@/utils/profile-url';
import { anythingDeep } from '@/test/unit/helpers/arbitraries';

/** Runs per property (2 properties in this file: 1,000 runs, up to 3 messages each). */
const RUNS = 500;

const OTHER_ID = 'zyxwvutsrqponmlkzyxwvutsrqponmlk';
const INSTAGRAM = 'https://www.instagram.com';
/** The stored key, and one a message may save instead: neither may appear in an answer. */
const KEY = 'sk_live_9f3Kq7TzX1bW5mN8pR2sV6yA4cE0hJ';
const OTHER_KEY = 'sk_live_replacement_0123456789abcdef';

const PAGE_TYPES = [
  'get-status', 'peek-cache', 'lookup', 'get-api-key',
  'save-api-key', 'remove-api-key', 'save-settings', 'clear-cache',
  'get-balance', 'test-key', 'get-usage',
] as const;
const ALL_TYPES = [...PAGE_TYPES, 'profile-detected'] as const;

// ---------------------------------------------------------------------------
// The policy, restated from SECURITY.md, "Messages" (not from the code).

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** One of this extension's pages: our id, a URL on our own origin, and no other origin claimed. */
function isOurPage(sender: SenderInfo): boolean {
  const url = parseUrl(sender.url);
  return (
    sender.id === OWN_ID &&
    url !== null &&
    url.protocol === 'chrome-extension:' &&
    url.host === OWN_ID &&
    (sender.origin === undefined || sender.origin === OWN_ORIGIN)
  );
}

function isOurOptionsPage(sender: SenderInfo): boolean {
  return isOurPage(sender) && parseUrl(sender.url)!.pathname === '/options.html';
}

/** Our content script in the top frame of a real tab on https://www.instagram.com. */
function isOurContentScript(sender: SenderInfo): boolean {
  const url = parseUrl(sender.url);
  return (
    sender.id === OWN_ID &&
    sender.frameId === 0 &&
    typeof sender.tab?.id === 'number' &&
    sender.tab.id >= 0 &&
    url !== null &&
    url.protocol === 'https:' &&
    url.hostname === 'www.instagram.com' &&
    url.port === '' &&
    (sender.origin === undefined || sender.origin === INSTAGRAM)
  );
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A lookup the schema must accept: the only message that may cost a request. */
function isWellFormedLookup(message: unknown): boolean {
  return (
    isRecord(message) &&
    message.type === 'lookup' &&
    typeof message.handle === 'string' &&
    // A checked handle, as the popup sends it: a lower-cased username that is no route.
    /^[a-z0-9._]{1,30}$/.test(message.handle) &&
    !/^\.+$/.test(message.handle) &&
    !RESERVED_ROUTES.has(message.handle) &&
    typeof message.refresh === 'boolean'
  );
}

// ---------------------------------------------------------------------------
// Generators.


const handleArb = fc.oneof(
  fc.constantFrom('nasa', '@NASA', 'natgeo', 'explore', 'na sa', '', ' ', '.', 'a'.repeat(31), 'https://www.instagram.com/nasa/'),
  fc.stringMatching(/^[a-z0-9._]{1,30}$/),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 295, maxLength: 305 }),
);

/** Messages exactly as the pages and content script send them. */
const validMessage = fc.oneof(
  fc.record({ type: fc.constant('get-tab-profile'), tabId: fc.nat(1000) }),
  fc.constantFrom({ type: 'get-status' }, { type: 'get-api-key' }, { type: 'remove-api-key' }, { type: 'clear-cache' }),
  fc.record({ type: fc.constant('peek-cache'), handle: handleArb }),
  fc.record({ type: fc.constant('lookup'), handle: handleArb, refresh: fc.boolean() }),
  fc.record({ type: fc.constant('save-api-key'), apiKey: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(OTHER_KEY, `  ${OTHER_KEY}\n`)) }),
  fc.record({
    type: fc.constant('save-settings'),
    settings: fc.record({ cacheTtlHours: fc.integer({ min: 1, max: 720 }), autoLookup: fc.boolean() }),
  }),
  fc.record({ type: fc.constant('profile-detected'), handle: fc.option(handleArb, { nil: null }) }),
);

/** The right field names with wrong, odd or missing values, and types that are nearly right. */
const nearValidMessage = fc.record(
  {
    type: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...ALL_TYPES) },
      { weight: 1, arbitrary: fc.constantFrom('LOOKUP', 'lookup ', 'get-api-key\u0000', 'get_api_key', '__proto__', 'constructor', 'toString', '') },
      { weight: 1, arbitrary: fc.string() },
      { weight: 1, arbitrary: anythingDeep },
    ),
    tabId: fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.string(), anythingDeep),
    handle: fc.oneof(handleArb, fc.constant(null), anythingDeep),
    refresh: fc.oneof(fc.boolean(), anythingDeep),
    apiKey: fc.oneof(fc.string(), fc.constant(OTHER_KEY), fc.string({ minLength: 490, maxLength: 510 }), anythingDeep),
    settings: fc.oneof(
      fc.record(
        {
          cacheTtlHours: fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.double(), anythingDeep),
          autoLookup: fc.oneof(fc.boolean(), anythingDeep),
        },
        { requiredKeys: [] },
      ),
      anythingDeep,
    ),
    extra: anythingDeep,
  },
  { requiredKeys: ['type'] },
);

const messageArb = fc.oneof(
  { weight: 3, arbitrary: validMessage },
  { weight: 2, arbitrary: nearValidMessage },
  { weight: 1, arbitrary: anythingDeep },
);

const ownPagePath = fc.oneof(
  fc.constantFrom(
    'popup.html', 'options.html', 'options.html?x=1#y', 'popup.html?tab=7', 'background.js', '', 'Options.html',
    'options.htm', '%6Fptions.html', 'popup.html/../options.html', 'options.html/', 'content-scripts/content.js',
  ),
  fc.webPath().map((p) => p.replace(/^\//, '')),
);

const urlArb: fc.Arbitrary<string | undefined> = fc.oneof(
  ownPagePath.map((p) => `${OWN_ORIGIN}/${p}`),
  fc.constantFrom(
    'https://www.instagram.com/nasa/', 'https://www.instagram.com/', 'https://www.instagram.com/stories/nasa/1/',
    'http://www.instagram.com/nasa/', 'https://instagram.com/nasa/', 'https://www.instagram.com.evil.example/',
    'https://evil.example/https://www.instagram.com/', 'https://www.instagram.com:8443/nasa/', 'wss://www.instagram.com/',
    'HTTPS://WWW.INSTAGRAM.COM/nasa/', `https://${OWN_ID}/options.html`,
    `chrome-extension://${OTHER_ID}/options.html`, `chrome-extension://${OTHER_ID}/popup.html`,
    `moz-extension://${OWN_ID}/options.html`, `chrome-extension://${OWN_ID.toUpperCase()}/options.html`,
    `chrome-extension://${OWN_ID}.evil.example/options.html`, `chrome-extension://${OWN_ID}:1/options.html`,
    `blob:${OWN_ORIGIN}/0d5f5a39-4a4a-4d5c-8a5e-000000000000`, `filesystem:${OWN_ORIGIN}/temporary/x`,
    'data:text/html,<script>', 'about:blank', 'about:srcdoc', 'javascript:alert(1)', 'null', '',
  ),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.string(),
  fc.constant(undefined),
);

const senderArb: fc.Arbitrary<SenderInfo> = fc.record(
  {
    id: fc.oneof(
      { weight: 4, arbitrary: fc.constant(OWN_ID) },
      { weight: 1, arbitrary: fc.constantFrom(OTHER_ID, OWN_ID.toUpperCase(), `${OWN_ID} `, '') },
      { weight: 1, arbitrary: fc.string() },
    ),
    url: urlArb,
    origin: fc.oneof(
      fc.constantFrom(OWN_ORIGIN, INSTAGRAM, 'null', `chrome-extension://${OTHER_ID}`, 'https://evil.example', 'http://www.instagram.com'),
      fc.string(),
    ),
    frameId: fc.oneof(fc.constant(0), fc.integer({ min: -1, max: 5 })),
    tab: fc.record({ id: fc.oneof(fc.nat(1000), fc.integer({ min: -5, max: -1 })) }, { requiredKeys: [] }),
    documentLifecycle: fc.constantFrom('active', 'prerender', 'cached', 'pending_deletion'),
  },
  { requiredKeys: [] },
);

/** The same, but built around our own contexts so that the interesting boundary is hit often. */
const nearOwnSenderArb: fc.Arbitrary<SenderInfo> = fc
  .tuple(
    fc.constantFrom<SenderInfo>(
      { id: OWN_ID, url: `${OWN_ORIGIN}/popup.html`, origin: OWN_ORIGIN },
      { id: OWN_ID, url: `${OWN_ORIGIN}/options.html`, origin: OWN_ORIGIN },
      { id: OWN_ID, url: `${OWN_ORIGIN}/options.html` },
      { id: OWN_ID, url: `${OWN_ORIGIN}/popup.html?tab=7`, origin: OWN_ORIGIN, tab: { id: 9 }, frameId: 0 },
      { id: OWN_ID, url: 'https://www.instagram.com/nasa/', origin: INSTAGRAM, frameId: 0, tab: { id: 7 } },
      { id: OWN_ID, url: 'https://www.instagram.com/nasa/', frameId: 0, tab: { id: 7 } },
    ),
    senderArb,
    fc.oneof(
      fc.constant([]),
      fc.subarray(['id', 'url', 'origin', 'frameId', 'tab'] as const, { minLength: 1, maxLength: 2 }),
    ),
  )
  .map(([base, random, replaced]) => {
    const sender: SenderInfo = { ...base };
    for (const field of replaced) {
      if (random[field] === undefined) delete sender[field];
      else (sender as Record<string, unknown>)[field] = random[field];
    }
    return sender;
  });

const anySenderArb = fc.oneof({ weight: 1, arbitrary: senderArb }, { weight: 3, arbitrary: nearOwnSenderArb });

// ---------------------------------------------------------------------------

async function setup() {
  fakeBrowser.reset();
  await apiKeyItem.setValue(KEY);
  const fetch = vi.fn<typeof globalThis.fetch>(async () =>
    new Response(JSON.stringify({ success: true, data: { success: true, highlights: { '0': { id: '18154582366360931', title: 'a' } } } })),
  );
  // The background never messages a tab: the popup asks its tab's content script itself.
  const tabMessages = vi.spyOn(fakeBrowser.tabs, 'sendMessage');
  const handle = backgroundRouter(fetch);
  const tabQueries = () => tabMessages.mock.calls.length;
  return { handle, fetch, tabQueries };
}

/** Calls the handler as the background's listener does; a sync throw or a rejection fails the property. */
async function deliver(handle: ReturnType<typeof backgroundRouter>, message: unknown, sender: SenderInfo) {
  let returned: Promise<unknown> | undefined;
  try {
    returned = handle(message, sender);
  } catch (error) {
    expect.fail(`the handler threw synchronously: ${String(error)}`);
  }
  expect(returned === undefined || returned instanceof Promise).toBe(true);
  if (returned === undefined) return { answered: false as const };
  try {
    return { answered: true as const, answer: await returned };
  } catch (error) {
    expect.fail(`the handler's promise rejected: ${String(error)}`);
  }
}

describe('message handler properties', () => {
  it('any message from any sender: no throw, no rejection, no key leak, no request unless a well-formed lookup from our page', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(messageArb, anySenderArb), { minLength: 1, maxLength: 3 }), async (exchanges) => {
        const { handle, fetch, tabQueries } = await setup();
        for (const [message, sender] of exchanges) {
          const storedKey = await apiKeyItem.getValue();
          const callsBefore = fetch.mock.calls.length;
          const tabQueriesBefore = tabQueries();
          const result = await deliver(handle, message, sender);

          // Only a well-formed lookup from one of our pages may cost a request (the
          // balance, which costs none, may be asked by our pages, a key tested by the options page)…
          for (const [input] of fetch.mock.calls.slice(callsBefore)) {
            const path = new URL(String(input)).pathname;
            if (path === '/v1/credits') {
              expect(isOurPage(sender) && isRecord(message) && ['get-balance', 'test-key'].includes(String(message.type))).toBe(true);
              if (isRecord(message) && message.type === 'test-key') expect(isOurOptionsPage(sender)).toBe(true);
            } else {
              expect(isOurPage(sender) && isWellFormedLookup(message)).toBe(true);
            }
          }
          // …and nothing makes the background message a tab.
          expect(tabQueries()).toBe(tabQueriesBefore);
          if (!result.answered) continue;

          // An answer is plain data that can cross the message boundary.
          const text = JSON.stringify(result.answer);
          expect(typeof text).toBe('string');
          // Nothing but a message whose type we know is ever answered.
          expect(isRecord(message) && (ALL_TYPES as readonly unknown[]).includes(message.type)).toBe(true);

          if (isOurContentScript(sender)) {
            // The content script gets an acknowledgement and nothing else.
            expect(result.answer).toEqual({ ok: true });
          } else {
            expect(isOurPage(sender)).toBe(true);
          }

          if (isOurOptionsPage(sender) && isRecord(message) && message.type === 'get-api-key') {
            // The one answer that carries the key: to the options page, which asked for it.
            expect(result.answer).toEqual({ apiKey: storedKey });
            continue;
          }
          expect(text).not.toContain(KEY);
          expect(text).not.toContain(OTHER_KEY);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a sender that is neither our page nor our content script always gets undefined, and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        anySenderArb.filter((sender) => !isOurPage(sender) && !isOurContentScript(sender)),
        fc.oneof({ weight: 3, arbitrary: validMessage }, nearValidMessage, anythingDeep),
        async (sender, message) => {
          const { handle, fetch, tabQueries } = await setup();
          expect(handle(message, sender)).toBeUndefined();
          expect(fetch).not.toHaveBeenCalled();
          expect(tabQueries()).toBe(0);
          expect(await apiKeyItem.getValue()).toBe(KEY);
          expect(await tabProfilesItem.getValue()).toEqual({});
        },
      ),
      { numRuns: RUNS },
    );
  });
});
