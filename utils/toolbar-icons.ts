/**
 * The extension's icons: where the build writes them (modules/render-icons.ts,
 * from assets/icon.svg) and where the manifest and the background find them.
 */

/** Every size the build makes: toolbar (16, 32 on HiDPI), extensions page (48), install dialog and stores (128). */
export const ICON_SIZES = [16, 32, 48, 128] as const;
export type IconSize = (typeof ICON_SIZES)[number];

/** The sizes a toolbar button draws (16 px, 32 on HiDPI screens): what `action.setIcon` is given. */
export const TOOLBAR_ICON_SIZES = [16, 32] as const satisfies readonly IconSize[];

/** `normal`: the mark in the accent colour. `grey`: the same mark in grey, for a tab that shows no profile. */
export type IconState = 'normal' | 'grey';

export function iconPath(state: IconState, size: IconSize): string {
  return state === 'normal' ? `icons/${size}.png` : `icons/${size}-grey.png`;
}

/** `{ size: path }` for `sizes`, as the manifest's `icons` and `action.setIcon({ path })` take it. */
export function iconSet(state: IconState, sizes: readonly IconSize[] = ICON_SIZES): Record<number, string> {
  return Object.fromEntries(sizes.map((size) => [size, iconPath(state, size)]));
}
