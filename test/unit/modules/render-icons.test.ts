import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ACCENT, GREY, greySvg, renderIconSet } from '@/modules/render-icons';
import { readRepoFile } from '@/test/unit/helpers/repo-files';
import { ICON_SIZES, iconPath } from '@/utils/toolbar-icons';

const SVG = readRepoFile('assets/icon.svg');
const THEME = readRepoFile('assets/theme.css');

const hex = (value: string) => [1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16));

async function pixels(png: Buffer) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  expect(info.channels).toBe(4);
  const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * 4, (y * info.width + x) * 4 + 4)];
  return { info, at };
}

describe('the icons, rendered from assets/icon.svg', async () => {
  const icons = await renderIconSet(SVG);

  it('come in both states at every size, named as the manifest names them', async () => {
    expect(icons.map((i) => i.path)).toEqual([
      ...ICON_SIZES.map((size) => iconPath('normal', size)),
      ...ICON_SIZES.map((size) => iconPath('grey', size)),
    ]);
    for (const icon of icons) {
      const meta = await sharp(icon.png).metadata();
      expect([meta.format, meta.width, meta.height, meta.hasAlpha], icon.path).toEqual(['png', icon.size, icon.size, true]);
    }
  });

  it('draw the mark in the theme accent, and in grey with no colour at all', async () => {
    expect(THEME).toMatch(new RegExp(`--accent:\\s*${ACCENT};`, 'i'));
    for (const icon of icons) {
      const { info, at } = await pixels(icon.png);
      const colours = new Set<string>();
      for (let y = 0; y < info.height; y++) {
        for (let x = 0; x < info.width; x++) {
          const [r, g, b, a] = at(x, y) as [number, number, number, number];
          if (a === 255) colours.add(String([r, g, b]));
          // Grey: every opaque pixel without hue (the grey itself, white and what lies between).
          if (icon.state === 'grey' && a === 255) expect(Math.max(r, g, b) - Math.min(r, g, b), `${icon.path} ${x},${y}`).toBeLessThanOrEqual(0x88 - 0x73);
        }
      }
      expect(colours.has(String(hex(icon.state === 'normal' ? ACCENT : GREY))), icon.path).toBe(true);
      expect(colours.has('255,255,255'), icon.path).toBe(true);
    }
  });

  it('keep the "#" sharp at 16 px: its bars are whole pixels of the mark colour on white', async () => {
    // Columns and rows 4–11 of the 16 px icon: the "#" on the white disc.
    const expected = ['W##WW##W', '########', '########', 'W##WW##W', 'W##WW##W', '########', '########', 'W##WW##W'];
    for (const state of ['normal', 'grey'] as const) {
      const icon = icons.find((i) => i.state === state && i.size === 16)!;
      const { at } = await pixels(icon.png);
      const mark = String(hex(state === 'normal' ? ACCENT : GREY));
      const rows = [4, 5, 6, 7, 8, 9, 10, 11].map((y) =>
        [4, 5, 6, 7, 8, 9, 10, 11]
          .map((x) => {
            const [r, g, b, a] = at(x, y);
            if (a !== 255) return '.';
            const rgb = String([r, g, b]);
            return rgb === '255,255,255' ? 'W' : rgb === mark ? '#' : '+';
          })
          .join(''),
      );
      expect(rows, state).toEqual(expected);
    }
  });

  it('pad the 128 px icon for the stores (96 px of artwork, 16 px clear around it)', async () => {
    const { at } = await pixels(icons.find((i) => i.state === 'normal' && i.size === 128)!.png);
    for (const [x, y] of [[0, 0], [15, 64], [64, 15], [112, 64], [64, 112], [127, 127]] as const) expect(at(x, y)[3], `${x},${y}`).toBe(0);
    for (const [x, y] of [[16, 64], [64, 16], [111, 64], [64, 111]] as const) expect(at(x, y), `${x},${y}`).toEqual([...hex(ACCENT), 255]);
    const { at: at48 } = await pixels(icons.find((i) => i.state === 'normal' && i.size === 48)!.png);
    expect(at48(0, 24)).toEqual([...hex(ACCENT), 255]);
  });

  it('refuse an SVG without the accent colour: its grey state would be the same picture', () => {
    expect(greySvg(`<svg><rect fill="${ACCENT.toUpperCase()}"/></svg>`)).toBe(`<svg><rect fill="${GREY}"/></svg>`);
    expect(() => greySvg('<svg><rect fill="#ff0000"/></svg>')).toThrow(/does not use the accent colour/);
  });
});
