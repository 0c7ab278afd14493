import { describe, expect, it } from 'vitest';
import { ICON_SIZES, iconPath, iconSet, TOOLBAR_ICON_SIZES } from '@/utils/toolbar-icons';

/** The icon files' names, as the manifest and the background's setIcon name them (modules/render-icons.ts writes them). */
describe('the toolbar icons', () => {
  it('come at every size, or at the toolbar sizes only', () => {
    expect(iconSet('normal')).toEqual({ 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' });
    expect(iconSet('grey', TOOLBAR_ICON_SIZES)).toEqual({ 16: 'icons/16-grey.png', 32: 'icons/32-grey.png' });
    expect(Object.keys(iconSet('grey')).map(Number)).toEqual([...ICON_SIZES]);
  });

  it('are named per state', () => {
    expect(iconPath('normal', 48)).toBe('icons/48.png');
    expect(iconPath('grey', 48)).toBe('icons/48-grey.png');
  });
});
