/**
 * Honest about money when the unlucky happens: the worker is stopped while a
 * request is out. Nobody is told it cost nothing, and nothing is paid twice
 * unless the user asks again.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_NAME_HANDLES } from '../support/scenarios';
import { idsOf, profileOf, useWorld } from './fixture';

const world = useWorld();

describe('a worker stopped while SociaVault is answering', () => {
  it('says the request may have used a credit, and a reopened popup sends nothing until Try again', async () => {
    // SociaVault holds the answer: the request has left, and nothing comes back.
    world.api.holdHighlights({ pass: 0, hold: Number.MAX_SAFE_INTEGER });
    const { tab, popup } = await world.popupFor('/nasa/');
    await expect.poll(() => world.api.held, { timeout: 10_000 }).toBe(1);
    await world.stopWorker();

    expect(await popup.settled('error')).toBe('error');
    const first = await popup.main.innerText();
    expect(first).toMatch(/may have used a credit/);
    expect(first).not.toMatch(/no credit was used/i);
    await popup.close();

    // Reopened: the new worker knows that request left and never came back.
    const reopened = await world.popup(tab);
    await reopened.settled('error', 'interrupted');
    expect(await reopened.main.innerText()).toMatch(/interrupted[\s\S]*may have used a credit/);
    expect(world.highlightRequests()).toBe(1);

    // Asked again on purpose: one more request, and the list.
    world.api.releaseHeld();
    await reopened.page.getByRole('button', { name: 'Try again' }).click();
    await reopened.settled('list');
    expect(world.highlightRequests()).toBe(2);
  });
});

describe('storage.local full to within a few bytes', () => {
  /** Fills storage.local under `key` until `room` bytes of the quota are left. */
  async function fillStorage(key: string, room: number) {
    const page = await world.browser.context.newPage();
    await page.goto(`${world.browser.extensionOrigin}/manifest.json`);
    await page.evaluate(
      async ([name, leave]) => {
        const local = (globalThis as unknown as { chrome: { storage: { local: {
          QUOTA_BYTES: number;
          getBytesInUse(keys: null): Promise<number>;
          set(items: Record<string, unknown>): Promise<void>;
        } } } }).chrome.storage.local;
        const used = await local.getBytesInUse(null);
        // Key plus JSON of the value, as the quota counts it: {"old":"xxx…"}.
        const overhead = name.length + '{"old":""}'.length;
        await local.set({ [name]: { old: 'x'.repeat(local.QUOTA_BYTES - used - overhead - leave) } });
      },
      [key, room] as const,
    );
    await page.close();
  }

  it('shows the paid answer, spends nothing on reopening in the same session, and explains', async () => {
    await fillStorage('filler', 50);
    const { tab, popup } = await world.popupFor('/nasa/');
    await popup.settled('list');
    expect(await popup.page.getByTestId('cache-notice').innerText()).toMatch(/cache is full.*until the browser closes/);
    expect(world.highlightRequests()).toBe(1);
    await popup.close();

    for (let reopen = 0; reopen < 2; reopen++) {
      const again = await world.popup(tab);
      await again.settled('list');
      expect(await again.fetchedAt()).toContain('from cache');
      await again.close();
    }
    // A stopped worker forgets nothing either: the answer is in storage.session.
    await world.stopWorker();
    const afterStop = await world.popup(tab);
    await afterStop.settled('list');
    expect(world.highlightRequests()).toBe(1);
  });

  it('what an older version cached fills it: "Clear other cached answers" makes room and keeps this one', async () => {
    await fillStorage('highlightCache', 50);
    const { popup } = await world.popupFor('/nasa/');
    await popup.settled('list');
    await popup.page.getByRole('button', { name: 'Clear other cached answers' }).click();
    await expect.poll(() => popup.page.getByTestId('cache-notice').innerText()).toMatch(/this one is now in the cache/);
    const stored = Object.keys(await world.getStorage('local'));
    expect(stored).toContain('cache:nasa');
    expect(stored).not.toContain('highlightCache');
    expect(world.highlightRequests()).toBe(1);
  });
});

describe('a corrupt store', () => {
  /** Values no version of the extension wrote, under every key it uses, in old and new shapes. */
  const CORRUPT_LOCAL: Array<Record<string, unknown>> = [
    {
      settings: 'garbage',
      cacheIndex: 'garbage',
      'cache:nasa': null,
      ownerIds: { nasa: { id: 528817151 } },
      highlightCache: { nasa: null, natgeo: { list: 'x' } },
      autoLookupDay: [1, 2, 3],
    },
    {
      settings: { cacheTtlHours: -5, autoLookup: 'yes', copyFormat: 7 },
      cacheIndex: [['nasa', 'yesterday', -1], null, 42, ['__proto__', 1, 1]],
      'cache:nasa': { handle: 'nasa', highlights: [{ id: { x: 1 }, title: 5 }], fetchedAt: 'now' },
      ownerIds: [['nasa', { toString: 'x' }], ['natgeo'], 'junk', ['constructor', '1']],
      highlightCache: 'garbage',
    },
  ];
  const CORRUPT_SESSION: Record<string, unknown> = {
    tabProfiles: { 1: { handle: 'nasa' }, x: 5 },
    autoLookupTimes: 'garbage',
    lookupsInFlight: { nasa: 'soon' },
    'cache:nasa': [1, 2, 3],
  };

  it.each(CORRUPT_LOCAL.map((values, i) => [i, values] as const))(
    'variant %i: lookups work, nothing is charged twice, and "Clear cached answers" leaves a clean state',
    async (_variant, values) => {
      await world.setStorage('local', values);
      await world.setStorage('session', CORRUPT_SESSION);

      const { tab, popup } = await world.popupFor('/nasa/');
      await popup.settled('list');
      const again = await world.popup(tab);
      await again.settled('list');
      expect(await again.fetchedAt()).toContain('from cache');
      expect(world.highlightRequests()).toBe(1);
      // Nothing read from storage reached the request but a checked handle.
      expect(world.highlightLog()[0]!.query).toEqual({ handle: 'nasa' });

      const options = await world.options();
      expect(await options.clearCache(/^Cleared \d+ cached/)).toMatch(/^Cleared/);
      const left = Object.keys(await world.getStorage('local')).sort();
      // What is left: the key, the settings (and WXT's version of them), nothing derived from answers.
      expect(left.filter((k) => !['apiKey', 'settings', 'settings$', 'autoLookupDay'].includes(k))).toEqual([]);
      expect(Object.keys(await world.getStorage('session')).filter((k) => k.startsWith('cache:'))).toEqual([]);
    },
  );
});

describe('a handle that is also the name of a JavaScript built-in', () => {
  // Every such name, through the lookup service, its cache and owner ids: test/unit/builtin-names.property.test.ts.
  // Here the one that most often breaks an object used as a map, through the real browser's
  // storage, messages and pages.
  it('@__proto__: looked up by handle, then refreshed by user_id', async () => {
    const handle = '__proto__';
    expect(BUILTIN_NAME_HANDLES).toContain(handle);
    const { popup } = await world.popupFor(`/${handle}/`);
    await popup.settled('list');
    expect(await popup.handle()).toBe(`@${handle}`);
    expect(await popup.rowIds()).toEqual(idsOf(handle));
    await popup.refresh();
    await expect.poll(() => world.highlightRequests()).toBe(2);
    await expect.poll(() => popup.page.getByRole('button', { name: /Refresh/ }).isEnabled()).toBe(true);
    await popup.settled('list');
    const { ownerId } = profileOf(handle);
    expect(world.highlightLog().map((r) => r.query)).toEqual([
      { handle },
      { user_id: ownerId },
    ]);
  });
});
