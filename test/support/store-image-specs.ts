/**
 * The images the Chrome Web Store listing uses, as `npm run demo -- --store`
 * writes them into docs/store/images/ and as test/unit/repo/store-images.test.ts
 * checks them. The store's rules (developer.chrome.com/docs/webstore/images):
 * screenshots 1280×800 (or 640×400), at most five; the small promo tile
 * 440×280; both JPEG or 24-bit PNG without alpha.
 */

export const STORE_IMAGES_DIR = 'docs/store/images';

/** The store shows at most this many screenshots. */
export const MAX_STORE_SCREENSHOTS = 5;

export interface StoreImageSpec {
  file: string;
  kind: 'screenshot' | 'promo-tile';
  width: number;
  height: number;
  /** What it shows (alt text in the listing). */
  shows: string;
}

export const SCREENSHOT_SIZE = { width: 1280, height: 800 } as const;
export const PROMO_TILE_SIZE = { width: 440, height: 280 } as const;

const screenshot = (file: string, shows: string): StoreImageSpec => ({ file, kind: 'screenshot', ...SCREENSHOT_SIZE, shows });

export const STORE_IMAGES: readonly StoreImageSpec[] = [
  screenshot('screenshot-1-profile.png', 'The popup beside an Instagram profile: its highlights, each with cover, title and ID'),
  screenshot('screenshot-2-row-actions.png', 'A row’s actions: copy as highlight:ID, copy a ready request, open on Instagram'),
  screenshot('screenshot-3-filter.png', 'A profile with 150 highlights, filtered by title'),
  screenshot('screenshot-4-collection.png', 'The collection page after a run: progress, each profile’s status and count, the files'),
  screenshot('screenshot-5-options-balance.png', 'The options page, with the credit balance in the popup’s footer'),
  { file: 'promo-tile-440x280.png', kind: 'promo-tile', ...PROMO_TILE_SIZE, shows: 'Small promo tile' },
];
