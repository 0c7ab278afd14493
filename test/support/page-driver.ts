/**
 * The little the page model asks of a browser page, whatever drives it:
 * Playwright for Chromium (over CDP), puppeteer-core for Firefox (over
 * WebDriver BiDi). The popup and Instagram-tab models are written against
 * this interface once (popup-model.ts, tab-model.ts); each browser's harness
 * adapts its own page object with one of the two functions below.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { ElementHandle, Page as PuppeteerPage } from 'puppeteer-core';

/** An accessible name: exactly this text, or text matching this pattern. */
export type Name = string | RegExp;

export interface PageDriver {
  /**
   * Runs `fn(arg)` in the page's own world (on an extension page: with the
   * extension's APIs) and returns its result, which must be JSON-like. `fn` is
   * sent as source text: it may use nothing from the test's scope but `arg`.
   */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Clicks the enabled button named `name` with real input events, as a person does; waits for it to be there. */
  clickButton(name: Name): Promise<void>;
  /** Types `text` into the field labelled `label`, replacing what it held. */
  fill(label: string, text: string): Promise<void>;
  /** Makes the page the focused tab (the clipboard serves a focused document only). */
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

/** How a Name crosses into the page (a RegExp does not survive serialisation). */
interface NameSpec {
  text?: string;
  source?: string;
  flags?: string;
}

const specOf = (name: Name): NameSpec =>
  typeof name === 'string' ? { text: name } : { source: name.source, flags: name.flags };

const describeName = (name: Name) => (typeof name === 'string' ? `“${name}”` : String(name));

/** Playwright's page: its own ARIA engine finds buttons and labelled fields. */
export function playwrightDriver(page: PlaywrightPage): PageDriver {
  return {
    // The model passes plain JSON arguments, never handles: Unboxed<A> is A here.
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg),
    async clickButton(name) {
      await page.getByRole('button', { name, exact: typeof name === 'string' }).click();
    },
    async fill(label, text) {
      await page.getByLabel(label, { exact: true }).fill(text);
    },
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

/**
 * puppeteer-core's page over WebDriver BiDi. Its ARIA queries take no
 * patterns, so a button is found in the page by the name a person reads —
 * `aria-label` if it has one, else its text — and then clicked through
 * puppeteer (BiDi input actions: a real, trusted click).
 */
export function puppeteerDriver(page: PuppeteerPage, timeoutMs = 10_000): PageDriver {
  return {
    // As above: plain JSON arguments, so FlattenHandle<A> is A.
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg) as Promise<R>,
    async clickButton(name) {
      const handle = await page
        .waitForFunction(
          (spec: NameSpec) => {
            const matches = (text: string) =>
              spec.text !== undefined ? text === spec.text : new RegExp(spec.source!, spec.flags).test(text);
            const buttons = [...document.querySelectorAll<HTMLButtonElement>('button, [role="button"]')];
            return (
              buttons.find((b) => {
                const accessibleName = (b.getAttribute('aria-label') ?? b.textContent ?? '').replace(/\s+/g, ' ').trim();
                return matches(accessibleName) && !b.disabled && b.getAttribute('aria-disabled') !== 'true';
              }) ?? null
            );
          },
          { timeout: timeoutMs, polling: 50 },
          specOf(name),
        )
        .catch((error: unknown) => {
          throw new Error(`No enabled button named ${describeName(name)} within ${timeoutMs} ms (${String(error)})`);
        });
      await (handle as ElementHandle<HTMLButtonElement>).click();
      await handle.dispose();
    },
    async fill(label, text) {
      const id = await page
        .waitForFunction(
          (wanted: string) =>
            [...document.querySelectorAll('label')].find((l) => (l.textContent ?? '').replace(/\s+/g, ' ').trim() === wanted)?.htmlFor || null,
          { timeout: timeoutMs, polling: 50 },
          label,
        )
        .then((h) => h.jsonValue());
      await page.locator(`#${id}`).fill(text);
    },
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}
