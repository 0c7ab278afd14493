/**
 * Thirty Instagram tabs on thirty profiles, and a popup for each opened at
 * once, round after round (in-app navigations and a stopped worker in
 * between): every popup must show its own tab's profile, and say "list" only
 * once the rows it announces are drawn. What each popup shows is read inside
 * the page, by a MutationObserver set up before the popup's own script runs,
 * at the moment `<main>` first reports a settled state; reading it later from
 * the test would miss a popup that settled on a wrong or empty list and then
 * changed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ChromeApi } from '../support/chrome-api';
import { until } from '../support/poll';
import { Popup } from '../support/popup';
import { DEFAULT_SCENARIOS, loadProfiles } from '../support/scenarios';
import { TOOLBAR_TITLE, useWorld } from './fixture';

declare const chrome: ChromeApi;

const TABS = 30;
const ROUNDS = 3;
/** crowd0 … crowd89: each round after the first moves every tab to a profile of its own. */
const CROWD = loadProfiles(TABS * ROUNDS, 'crowd');
const world = useWorld({ scenarios: { ...DEFAULT_SCENARIOS, ...CROWD } });

const handleOf = (round: number, tab: number) => `crowd${round * TABS + tab}`;

function idsOfCrowd(handle: string): string[] {
  const scenario = CROWD[handle];
  if (scenario?.kind !== 'profile') throw new Error(`No crowd profile “${handle}”.`);
  return scenario.highlights.map((h) => h.id);
}

/** What a popup showed the first time `<main>` said it was settled (not loading, not busy). */
interface FirstSettled {
  state: string | null;
  header: string | null;
  /** The rows in the page. */
  rowIds: string[];
  /** The text drawn (innerText leaves out what the browser has not laid out, such as skipped content-visibility boxes). */
  drawn: string;
}

interface SettledWindow {
  __firstSettled?: FirstSettled;
}

/** Records, inside the popup, what it shows the moment it first reports a settled state. */
async function recordFirstSettled(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const settled = ['list', 'empty', 'error', 'no-key', 'no-profile'];
    const look = () => {
      const w = window as SettledWindow;
      const main = document.querySelector<HTMLElement>('main[data-state]');
      const state = main?.getAttribute('data-state') ?? null;
      if (w.__firstSettled || !main || !settled.includes(state ?? '') || main.getAttribute('aria-busy') === 'true') return;
      w.__firstSettled = {
        state,
        header: document.querySelector('[data-testid="profile-handle"]')?.textContent ?? null,
        rowIds: [...main.querySelectorAll('[data-testid="highlight-row"]')].map((row) => row.getAttribute('data-id') ?? ''),
        drawn: main.innerText,
      };
    };
    new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** What is wrong with what a popup first settled on, or null when it is its own profile's list, drawn. */
function fault(first: FirstSettled, handle: string): string | null {
  const ids = idsOfCrowd(handle);
  if (first.state !== 'list') return `settled as ${first.state}`;
  if (first.header !== `@${handle}`) return `showed ${first.header}`;
  if (JSON.stringify(first.rowIds) !== JSON.stringify(ids)) return `listed rows ${JSON.stringify(first.rowIds)}`;
  const undrawn = ids.filter((id) => !first.drawn.includes(id));
  return undrawn.length > 0 ? `said "list" before drawing ${undrawn.join(', ')}` : null;
}

/**
 * Until every tab's toolbar title names its profile: one read of all thirty
 * titles at a time, from the control page, so that the waiting does not crowd
 * the background it waits for.
 */
async function waitForProfiles(tabIds: number[], handles: string[]): Promise<void> {
  const control = await world.browser.control();
  const expected = handles.map((handle) => TOOLBAR_TITLE.of(handle));
  await until(
    'every tab’s toolbar title to name its profile',
    () => control.evaluate((ids) => Promise.all(ids.map((tabId) => chrome.action.getTitle({ tabId }))), tabIds),
    (titles) => titles.every((title, t) => title === expected[t]),
    30_000,
  );
}

describe('a popup for each of thirty tabs, opened at once', () => {
  it('shows every tab its own profile, and its rows the moment it says "list", round after round', async () => {
    // Opened at once, too: the harness tells their ids apart (browser.ts, tabIdOf).
    const tabs = await Promise.all(Array.from({ length: TABS }, (_, t) => world.instagram(`/${handleOf(0, t)}/`)));
    await waitForProfiles(
      tabs.map((tab) => tab.tabId),
      tabs.map((_, t) => handleOf(0, t)),
    );

    for (let round = 0; round < ROUNDS; round++) {
      const handles = tabs.map((_, t) => handleOf(round, t));
      if (round > 0) {
        // In-app navigations to profiles not seen yet.
        await Promise.all(tabs.map((tab, t) => tab.spaNavigate(`/${handles[t]}/`)));
        await waitForProfiles(
          tabs.map((tab) => tab.tabId),
          handles,
        );
      }
      // Round 1 has half its profiles cached first (looked up from another page), so that popups
      // painting from storage and popups waiting for SociaVault open together; then the worker is
      // stopped, so the popups start a fresh one. Round 2 follows in-app moves made just after that.
      if (round === 1) {
        const control = await world.browser.control();
        await control.evaluate(
          // Each answered, then stored (a lookup is answered before its write, as the popup's are).
          (hs) =>
            Promise.all(
              hs.map(async (h) => {
                await chrome.runtime.sendMessage({ type: 'lookup', handle: h, refresh: false });
                await chrome.runtime.sendMessage({ type: 'answer-kept', handle: h });
              }),
            ),
          handles.filter((_, t) => t % 2 === 0),
        );
        await world.stopWorker();
      }

      const popups = await Promise.all(tabs.map((tab) => Popup.open(world.browser, tab.tabId, { beforeLoad: recordFirstSettled })));
      const firsts = await Promise.all(
        popups.map((popup) =>
          until(
            'the popup to report a settled state',
            () => popup.page.evaluate(() => (window as SettledWindow).__firstSettled ?? null),
            (first): first is FirstSettled => first !== null,
            30_000,
          ),
        ),
      );
      const faults = firsts.flatMap((first, t) => {
        const wrong = fault(first!, handles[t]!);
        return wrong ? [`tab ${t} (@${handles[t]}): ${wrong}`] : [];
      });
      expect(faults, `round ${round}: ${faults.length} of ${TABS} popups`).toEqual([]);
      await Promise.all(popups.map((popup) => popup.close()));
    }
    // However many popups at once: one request per profile.
    const asked = world.highlightLog().map((r) => r.query.handle ?? r.query.user_id);
    expect(asked.length).toBe(TABS * ROUNDS);
    expect(new Set(asked).size).toBe(asked.length);
  }, 300_000);
});
