import { describe, expect, it } from 'vitest';
import { readPngInfo, solidPng } from '@/test/support/png';

/** The PNGs the stand-ins serve as covers, and the header reader the store-image check relies on. */
describe('png', () => {
  it('makes a PNG of one colour whose header says its size and format', () => {
    const png = readPngInfo(solidPng(7, [10, 20, 30]));
    expect(png).toEqual({ width: 7, height: 7, bitDepth: 8, colourType: 2, chunks: ['IHDR', 'IDAT', 'IEND'] });
  });

  it('refuses a file that is no PNG, or whose first chunk is not IHDR', () => {
    expect(() => readPngInfo(Buffer.from('GIF89a not a png at all'))).toThrow(/not a PNG/);
    const png = solidPng(2, [0, 0, 0]);
    png.write('IDAT', 12, 'ascii');
    expect(() => readPngInfo(png)).toThrow(/first chunk is not IHDR/);
  });
});
