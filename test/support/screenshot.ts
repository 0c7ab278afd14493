/** Pictures of extension pages, once what is on screen has finished drawing. */
import { spawnSync } from 'node:child_process';
import type { Locator, Page } from 'playwright-core';
import { until } from './poll';

/**
 * Waits until every image in view has finished, loaded or failed, so its load
 * or error handlers have run. (Covers below the fold load lazily, only once
 * scrolled to.)
 */
export async function visibleImagesDone(page: Page, timeoutMs = 5_000): Promise<void> {
  await until(
    'the images in view to finish loading',
    () =>
      page.evaluate(() =>
        Array.from(document.images).every((img) => {
          const box = img.getBoundingClientRect();
          const inView = box.bottom > 0 && box.top < window.innerHeight && box.width > 0;
          return !inView || img.complete;
        }),
      ),
    Boolean,
    timeoutMs,
  );
}

/**
 * Waits until the popup's list has drawn what comes after its first paint
 * (docs/performance.md, "What the popup loads to open"): a cover or its
 * placeholder on every row of the first screens, and when the list was
 * fetched. A page with no list passes at once.
 */
export async function listDrawn(page: Page, timeoutMs = 5_000): Promise<void> {
  await until(
    "the list's covers and when it was fetched to be drawn",
    () =>
      page.evaluate(() => {
        const summary = document.querySelector('.summary');
        const blankTile = document.querySelector('.run:first-child > .row > span.thumb:not(.thumb-placeholder)');
        return blankTile === null && (summary === null || summary.querySelector('[data-testid="fetched-at"]') !== null);
      }),
    Boolean,
    timeoutMs,
  );
}

/**
 * Saves a PNG of `target` (default: the page's <main>) once fonts, the list's
 * covers (listDrawn) and the images in view are in. The mouse moves out of the way first unless
 * `keepHover` (to show what was clicked).
 */
export async function screenshot(
  page: Page,
  file: string,
  { target = page.locator('main').first(), keepHover = false }: { target?: Locator; keepHover?: boolean } = {},
): Promise<void> {
  if (!keepHover) await page.mouse.move(0, 0);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await listDrawn(page);
  // A cover that does not load shows its placeholder: not worth failing a picture for.
  await visibleImagesDone(page).catch(() => undefined);
  await target.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
}

/** Whether fontconfig knows a font with this code point (hex); null when that cannot be asked. */
function hasFontFor(codePoint: string): boolean | null {
  const run = spawnSync('fc-list', [`:charset=${codePoint}`, 'family'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) return null;
  return run.stdout.trim().length > 0;
}

/** Debian packages that would replace boxes ("tofu") in highlight titles: emoji and Japanese. */
export function missingFontPackages(): string[] {
  const missing: string[] = [];
  if (hasFontFor('1f680') === false) missing.push('fonts-noto-color-emoji'); // 🚀
  if (hasFontFor('6771') === false) missing.push('fonts-noto-cjk'); // 東
  return missing;
}
