/**
 * Store images from real screenshots: the extension's pages, captured in the
 * demo's Chromium, placed on a 1280×800 stage — a plain browser toolbar with
 * the address and the extension's button, the tab below it, the popup
 * hanging from the button as Chrome shows it, and a caption — and a 440×280
 * promo tile. The stage is an HTML page rendered by the same browser; sharp
 * writes the result as an 8-bit RGB PNG (the Chrome Web Store refuses alpha).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { REPO_ROOT } from './build';
import { PROMO_TILE_SIZE, SCREENSHOT_SIZE } from './store-image-specs';

/** The toolbar's height; the tab's screenshot fills the rest. */
export const TOOLBAR_HEIGHT = 48;
/** The viewport to give a tab (or an extension page) so that it fills the stage below the toolbar. */
export const STAGE_TAB_VIEWPORT = { width: SCREENSHOT_SIZE.width, height: SCREENSHOT_SIZE.height - TOOLBAR_HEIGHT };

export interface Caption {
  title: string;
  text: string;
}

export interface StageScene {
  /** What the address bar shows. */
  address: string;
  /** A screenshot of the tab at STAGE_TAB_VIEWPORT, or narrower: the rest is left empty (the desktop beside the window). */
  tab: Buffer;
  /** A screenshot of the popup, shown open under the extension's button. */
  popup?: Buffer;
  /** Show the popup as a panel popped out into a window of its own, with this title, instead of open under the button. */
  popupWindowTitle?: string;
  /** The button's badge (the highlight count on a profile). */
  badge?: string;
  caption?: Caption;
}

const dataUrl = (type: string, content: Buffer | string) => `data:${type};base64,${Buffer.from(content).toString('base64')}`;
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const iconUrl = () => dataUrl('image/svg+xml', readFileSync(join(REPO_ROOT, 'assets/icon.svg')));
/** The theme's accent (assets/theme.css --accent; the icon's colour). */
const ACCENT = '#3056d3';
const FONTS = `system-ui, 'DejaVu Sans', 'Noto Sans', sans-serif`;

function stageHtml(scene: StageScene): string {
  const { width, height } = SCREENSHOT_SIZE;
  const caption = scene.caption
    ? `<figure class="caption"><strong>${escape(scene.caption.title)}</strong><span>${escape(scene.caption.text)}</span></figure>`
    : '';
  const title = scene.popupWindowTitle ? `<div class="title">${escape(scene.popupWindowTitle)}</div>` : '';
  const popup = scene.popup
    ? `<div class="popup${title ? ' window' : ''}">${title}<img alt="" src="${dataUrl('image/png', scene.popup)}"></div>`
    : '';
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  * { box-sizing: border-box; }
  html, body { margin: 0; width: ${width}px; height: ${height}px; overflow: hidden; background: #dfe3ea; font-family: ${FONTS}; }
  .bar { height: ${TOOLBAR_HEIGHT}px; display: flex; align-items: center; gap: 12px; padding: 0 16px; background: #e9edf2; border-bottom: 1px solid #cfd5dd; }
  .address { flex: 1; height: 32px; display: flex; align-items: center; padding: 0 16px; border-radius: 16px; background: #fff; color: #3c4350; font-size: 15px; white-space: nowrap; overflow: hidden; }
  .button { position: relative; width: 32px; height: 32px; border-radius: 8px; display: grid; place-items: center; background: ${scene.popup && !scene.popupWindowTitle ? '#d3d9e2' : 'transparent'}; }
  .button img { width: 20px; height: 20px; }
  .badge { position: absolute; right: -4px; bottom: -2px; min-width: 18px; padding: 0 4px; border-radius: 9px; background: ${ACCENT}; color: #fff; font-size: 11px; line-height: 16px; text-align: center; font-weight: 600; }
  .tab { display: block; height: ${height - TOOLBAR_HEIGHT}px; border-right: 1px solid #c3cad4; }
  .popup { position: absolute; top: ${TOOLBAR_HEIGHT - 6}px; right: 10px; border: 1px solid #c3cad4; border-radius: 8px; box-shadow: 0 10px 32px rgba(20, 30, 50, 0.28); overflow: hidden; background: #fff; }
  .popup img { display: block; }
  .popup.window { top: ${TOOLBAR_HEIGHT + 40}px; right: 24px; }
  .popup.window .title { height: 30px; padding: 0 12px; display: flex; align-items: center; background: #e9edf2; border-bottom: 1px solid #cfd5dd; color: #3c4350; font-size: 13px; }
  .caption { position: absolute; left: 40px; bottom: 40px; max-width: 720px; margin: 0; padding: 20px 24px; border-radius: 12px; background: rgba(22, 32, 58, 0.92); color: #fff; display: flex; flex-direction: column; gap: 6px; }
  .caption strong { font-size: 26px; line-height: 1.2; }
  .caption span { font-size: 17px; line-height: 1.4; color: #d9e1f2; }
</style></head><body>
  <div class="bar"><div class="address">${escape(scene.address)}</div>
    <div class="button"><img alt="" src="${iconUrl()}">${scene.badge ? `<span class="badge">${escape(scene.badge)}</span>` : ''}</div></div>
  <img class="tab" alt="" src="${dataUrl('image/png', scene.tab)}">
  ${popup}
  ${caption}
</body></html>`;
}

function promoTileHtml(): string {
  const { width, height } = PROMO_TILE_SIZE;
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  html, body { margin: 0; width: ${width}px; height: ${height}px; overflow: hidden; font-family: ${FONTS}; }
  body { background: linear-gradient(135deg, ${ACCENT} 0%, #1d3592 100%); color: #fff; display: flex; flex-direction: column; justify-content: center; padding: 0 32px; box-sizing: border-box; gap: 14px; }
  .head { display: flex; align-items: center; gap: 18px; }
  .head img { width: 84px; height: 84px; border-radius: 22px; box-shadow: 0 0 0 3px rgba(255, 255, 255, 0.85); }
  h1 { margin: 0; font-size: 34px; line-height: 1.1; }
  p { margin: 0; font-size: 18px; line-height: 1.35; color: #e3e9fb; }
  .id { align-self: flex-start; font-family: 'DejaVu Sans Mono', monospace; font-size: 17px; padding: 6px 12px; border-radius: 8px; background: rgba(255, 255, 255, 0.16); letter-spacing: 0.5px; }
</style></head><body>
  <div class="head"><img alt="" src="${iconUrl()}"><h1>Highlight<br>Lookup</h1></div>
  <p>Instagram story highlight IDs,<br>one click away.</p>
  <div class="id">17912345678901234</div>
</body></html>`;
}

/** Renders `html` at `size` in a page of its own and saves it as an RGB PNG (no alpha channel). */
async function render(context: BrowserContext, html: string, size: { width: number; height: number }, file: string): Promise<void> {
  const page: Page = await context.newPage();
  try {
    await page.setViewportSize(size);
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => Promise.all([document.fonts.ready, ...Array.from(document.images).map((img) => img.decode())]).then(() => undefined));
    const shot = await page.screenshot({ type: 'png', animations: 'disabled', caret: 'hide' });
    await sharp(shot).removeAlpha().png({ compressionLevel: 9 }).toFile(file);
  } finally {
    await page.close();
  }
}

/** A 1280×800 store screenshot of `scene`. */
export function renderStoreScreenshot(context: BrowserContext, scene: StageScene, file: string): Promise<void> {
  return render(context, stageHtml(scene), SCREENSHOT_SIZE, file);
}

/** The 440×280 small promo tile: the icon, the name and what it does. */
export function renderPromoTile(context: BrowserContext, file: string): Promise<void> {
  return render(context, promoTileHtml(), PROMO_TILE_SIZE, file);
}
