/**
 * The popup's first screen, as a person sees it at the toolbar popup's size:
 * the list first (a profile with 12 highlights shows at least 8 whole rows,
 * balance and all), and no accessibility violation axe-core can find, in
 * the light theme and the dark, in each state and with the menus open.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { POPUP_LABELS } from '../support/popup-model';
import type { Popup } from '../support/popup';
import { profileOf, useWorld } from './fixture';

const world = useWorld();

/** The toolbar popup at its default size: 600 px is the most height Chrome gives one. */
const TOOLBAR_POPUP = { width: 360, height: 600 };

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Rows wholly inside the list's visible part, and whether the popup fits the window. */
function wholeRowsInView(page: Page) {
  return page.evaluate(() => {
    const list = document.querySelector('.highlights')!.getBoundingClientRect();
    const rows = [...document.querySelectorAll('[data-testid="highlight-row"]')].filter((row) => {
      const box = row.getBoundingClientRect();
      return box.top >= list.top - 0.5 && box.bottom <= list.bottom + 0.5 && box.bottom <= window.innerHeight;
    });
    return { rows: rows.length, mainBottom: document.querySelector('main')!.getBoundingClientRect().bottom };
  });
}

/**
 * axe-core's violations in the page, as "rule: what, where" lines. Its
 * source goes in through DevTools, which the extension page's content
 * security policy (script-src 'self') does not govern.
 */
async function axeViolations(popup: Popup): Promise<string[]> {
  await popup.page.evaluate(AXE_SOURCE);
  const violations = await popup.page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const { violations } = await axe.run(document);
    return violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
  return violations;
}

describe('list first', () => {
  it('12 highlights: at least 8 whole rows in view at 360 × 600, the balance shown, nothing scrolled', async () => {
    expect(profileOf('nasa').highlights).toHaveLength(12);
    const tab = await world.instagram('/nasa/');
    const popup = await world.popup(tab, { viewport: TOOLBAR_POPUP });
    expect(await popup.settled('list')).toBe('list');
    await expect.poll(() => popup.page.getByTestId('balance').count()).toBe(1);
    const seen = await wholeRowsInView(popup.page);
    expect(seen.rows).toBeGreaterThanOrEqual(8);
    expect(seen.mainBottom).toBeLessThanOrEqual(TOOLBAR_POPUP.height);
    // The header keeps the count, Copy all and Refresh with its cost; the rest is one menu.
    expect(await popup.page.getByTestId('highlight-count').textContent()).toBe('12 highlights');
    await expect.poll(() => popup.page.getByRole('button', { name: 'Copy all IDs' }).isVisible()).toBe(true);
    expect(await popup.page.getByRole('button', { name: POPUP_LABELS.refresh }).textContent()).toContain('uses 1 credit');
    expect(await popup.page.getByRole('button', { name: 'Download CSV' }).count()).toBe(0);
    expect(await popup.page.getByRole('button', { name: 'Add to collection' }).count()).toBe(0);
  });
});

describe('axe-core finds no violation', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`${colorScheme}: a list, its menu, a row's menu, the filter of a long list`, async () => {
      const tab = await world.instagram('/bigprofile/');
      const popup = await world.popup(tab, { viewport: TOOLBAR_POPUP, beforeLoad: (page) => page.emulateMedia({ colorScheme }) });
      await popup.settled('list');
      await expect.poll(() => popup.page.getByLabel('Filter by title or ID').count()).toBe(1);
      await expect.poll(() => popup.page.getByTestId('balance').count()).toBe(1);
      expect(await axeViolations(popup)).toEqual([]);
      await popup.openMenu();
      expect(await axeViolations(popup)).toEqual([]);
      await popup.page.keyboard.press('Escape');
      const first = popup.rows().first();
      await first.getByRole('button', { name: /^More actions for highlight/ }).click();
      await expect.poll(() => popup.page.getByRole('menu').count()).toBe(1);
      expect(await axeViolations(popup)).toEqual([]);
    });

    it(`${colorScheme}: no key, no profile with the form, a failure, an empty list, loading`, async () => {
      const look = async (path: string, state: string) => {
        const tab = await world.instagram(path);
        const popup = await world.popup(tab, { viewport: TOOLBAR_POPUP, beforeLoad: (page) => page.emulateMedia({ colorScheme }) });
        expect(await popup.settled()).toBe(state);
        expect(await axeViolations(popup), `${path} (${state})`).toEqual([]);
        return popup;
      };
      await look('/explore/', 'no-profile');
      await look('/emptyprofile/', 'empty');
      await look('/err404/', 'error');
      world.api.holdHighlights({ pass: 0, hold: Infinity });
      const tab = await world.instagram('/natgeo/');
      const loading = await world.popup(tab, { viewport: TOOLBAR_POPUP, beforeLoad: (page) => page.emulateMedia({ colorScheme }) });
      await expect.poll(() => loading.page.getByRole('status').first().textContent()).toContain('Looking up @natgeo');
      expect(await axeViolations(loading)).toEqual([]);
      world.api.releaseHeld();
      await world.reset({ apiKey: null });
      await look('/nasa/', 'no-key');
    });
  }
});
