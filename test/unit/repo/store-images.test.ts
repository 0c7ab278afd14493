import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPngInfo } from '@/test/support/png';
import { MAX_STORE_SCREENSHOTS, STORE_IMAGES, STORE_IMAGES_DIR } from '@/test/support/store-image-specs';
import { REPO_ROOT, repoPath } from '@/test/unit/helpers/repo-files';

/**
 * docs/store/images/: what `npm run demo -- --store` made for the Chrome Web
 * Store. The store takes screenshots of 1280×800 and a small promo tile of
 * 440×280, as JPEG or 24-bit PNG without alpha, at most five screenshots.
 * Read from the files themselves (the PNG header), and named in every listing.
 * The sources zip leaves the images out (a rebuild does not need them): unpacked
 * from it, outside a git work tree, there are none to check.
 */

const read = (path: string) => readFileSync(repoPath(path));

function inGitWorkTree(): boolean {
  try {
    return execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() === 'true';
  } catch {
    return false;
  }
}
const imagesAbsent = !existsSync(repoPath(STORE_IMAGES_DIR)) && !inGitWorkTree();

describe('the store images', () => {
  it.skipIf(imagesAbsent).each(STORE_IMAGES.map((image) => [image.file, image] as const))('%s: a PNG of the size the store asks for, 8-bit RGB without alpha', (file, image) => {
    const png = readPngInfo(read(`${STORE_IMAGES_DIR}/${file}`));
    expect([png.width, png.height]).toEqual([image.width, image.height]);
    expect(png.bitDepth).toBe(8);
    expect(png.colourType).toBe(2);
    // A palette or grey image could still carry transparency in a tRNS chunk.
    expect(png.chunks).not.toContain('tRNS');
    expect(png.chunks.at(-1)).toBe('IEND');
  });

  it('has a promo tile and no more screenshots than the store shows', () => {
    const screenshots = STORE_IMAGES.filter((image) => image.kind === 'screenshot');
    expect(screenshots.length).toBeGreaterThanOrEqual(1);
    expect(screenshots.length).toBeLessThanOrEqual(MAX_STORE_SCREENSHOTS);
    expect(STORE_IMAGES.filter((image) => image.kind === 'promo-tile')).toHaveLength(1);
  });

  it.each(['en', 'pt_BR', 'es'])('listing.%s.md shows every image', (language) => {
    const listing = read(`docs/store/listing.${language}.md`).toString('utf8');
    for (const image of STORE_IMAGES) expect(listing).toContain(`](images/${image.file})`);
  });
});
