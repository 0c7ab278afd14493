/**
 * Build step (Node): renders assets/icon.svg into the extension's PNG icons,
 * in two states — `normal` (the mark in the accent colour) and `grey` (for a
 * tab that shows no profile) — at every size of utils/toolbar-icons.ts, and
 * adds them to the build as `icons/<size>.png` and `icons/<size>-grey.png`.
 * wxt.config.ts names them in the manifest; the background switches between
 * the two states per tab (entrypoints/background/tabs/tab-state.ts).
 *
 * sharp (libvips + librsvg) does the rasterising. WXT's own
 * @wxt-dev/auto-icons uses it too, but makes one state only, fills in no
 * `action.default_icon` and cannot pad the store icon, hence this module.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import sharp from 'sharp';
import { defineWxtModule } from 'wxt/modules';
import { ICON_SIZES, iconPath, type IconSize, type IconState } from '../utils/toolbar-icons';

/** The colour of the mark in assets/icon.svg (the theme's --accent), and what replaces it in the grey state. */
export const ACCENT = '#3056d3';
export const GREY = '#737b88';

/**
 * The 128 px icon is shown by the Chrome Web Store and install dialogs, which
 * expect 96 px of artwork inside 16 px of transparent padding; the smaller
 * ones fill their square (a toolbar button has no room to spare).
 */
function paddingFor(size: IconSize): number {
  return size === 128 ? 16 : 0;
}

/** The grey state: the same SVG with the accent colour swapped for grey. */
export function greySvg(svg: string): string {
  const accent = new RegExp(ACCENT, 'gi');
  if (!accent.test(svg)) throw new Error(`toolbar-icons: assets/icon.svg does not use the accent colour ${ACCENT}; the grey state would not differ.`);
  return svg.replace(accent, GREY);
}

/** One PNG of `svg`, `size` pixels square. */
export async function renderIcon(svg: string, size: IconSize): Promise<Buffer> {
  const padding = paddingFor(size);
  const art = size - 2 * padding;
  // Rasterise at the target size (the SVG is 128 units wide, at 72 dpi by default) rather than scaling a bitmap.
  const image = sharp(Buffer.from(svg), { density: (72 * art) / 128 }).resize(art, art);
  if (padding > 0) {
    image.extend({ top: padding, bottom: padding, left: padding, right: padding, background: { r: 0, g: 0, b: 0, alpha: 0 } });
  }
  return image.png({ compressionLevel: 9 }).toBuffer();
}

export interface RenderedIcon {
  state: IconState;
  size: IconSize;
  /** Where it goes in the build, as the manifest names it. */
  path: string;
  png: Buffer;
}

/** Every icon of both states from the one SVG. */
export async function renderIconSet(svg: string): Promise<RenderedIcon[]> {
  const sources: Record<IconState, string> = { normal: svg, grey: greySvg(svg) };
  const icons: RenderedIcon[] = [];
  for (const state of ['normal', 'grey'] as const) {
    for (const size of ICON_SIZES) {
      icons.push({ state, size, path: iconPath(state, size), png: await renderIcon(sources[state], size) });
    }
  }
  return icons;
}

export default defineWxtModule({
  name: 'toolbar-icons',
  setup(wxt) {
    const source = resolve(wxt.config.srcDir, 'assets/icon.svg');
    // Rendered into .wxt/ and copied from there like any file of public/.
    const renderedDir = resolve(wxt.config.wxtDir, 'icons');

    wxt.hooks.hook('build:publicAssets', async (_wxt, files) => {
      const icons = await renderIconSet(await readFile(source, 'utf8'));
      for (const icon of icons) {
        const file = resolve(renderedDir, icon.path);
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, icon.png);
        files.push({ absoluteSrc: file, relativeDest: icon.path });
      }
    });

    // Typed paths for browser.runtime.getURL and friends.
    wxt.hooks.hook('prepare:publicPaths', (_wxt, paths) => {
      for (const state of ['normal', 'grey'] as const) {
        for (const size of ICON_SIZES) paths.push(iconPath(state, size));
      }
    });
  },
});
