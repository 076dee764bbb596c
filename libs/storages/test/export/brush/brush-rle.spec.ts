import { BrushRleError, decodeBrushAlpha } from '../../../src/lib/export/formats/brush/brush-rle';
import { npyFile, pngFile } from '../../../src/lib/export/formats/brush/mask-files';
import { PNG } from 'pngjs';
import { encodeBrushRle, rgbaOf } from './rle-encoder';

/** 4 wide, 3 high, a 2x2 square at x 1..2, y 0..1. */
const SQUARE = [
  [0, 255, 255, 0],
  [0, 255, 255, 0],
  [0, 0, 0, 0],
];

describe('decodeBrushAlpha', () => {
  it('reads a one-pixel image encoded by hand (one run of four 255s)', () => {
    // 32 bits: 4 values; 00111: word size 8; 0010 0011 0111 1111: widths 3, 4, 8, 16;
    // 1 00 011 11111111: a run, width #0, length 3 + 1, value 255; then zero padding.
    const rle = [0, 0, 0, 4, 0b00111001, 0b00011011, 0b11111100, 0b01111111, 0b11100000];
    expect([...decodeBrushAlpha(rle, 1, 1)]).toEqual([255]);
  });

  it('decodes a 4x3 image with a 2x2 square, pixel by pixel', () => {
    const mask = decodeBrushAlpha(encodeBrushRle(rgbaOf(SQUARE)), 4, 3);
    for (let y = 0; y < 3; y++) {
      for (let x = 0; x < 4; x++) expect([x, y, mask[y * 4 + x]]).toEqual([x, y, SQUARE[y][x]]);
    }
  });

  it('reads literal blocks and keeps only the alpha channel', () => {
    const rgba = [1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, 10];
    expect([...decodeBrushAlpha(encodeBrushRle(rgba), 3, 1)]).toEqual([4, 8, 10]);
  });

  it('rejects an RLE whose size is not the image size, or that ends early', () => {
    const rle = encodeBrushRle(rgbaOf(SQUARE));
    expect(() => decodeBrushAlpha(rle, 3, 3)).toThrow(BrushRleError);
    expect(() => decodeBrushAlpha(rle.slice(0, 8), 4, 3)).toThrow(BrushRleError);
  });
});

describe('mask files', () => {
  const mask = Uint8Array.from(SQUARE.flat());

  it('writes a NumPy 1.0 file: magic, header of 118 bytes, then the bytes in C order', () => {
    const file = npyFile(mask, 4, 3);
    const dict = "{'descr': '|u1', 'fortran_order': False, 'shape': (3, 4), }";
    const header = dict + ' '.repeat(118 - dict.length - 1) + '\n';
    expect(file.subarray(0, 10)).toEqual(Buffer.from([0x93, 78, 85, 77, 80, 89, 1, 0, 118, 0]));
    expect(file.subarray(10, 128).toString('latin1')).toBe(header);
    expect([...file.subarray(128)]).toEqual(SQUARE.flat());
  });

  it('pads the header to 64 bytes for other shapes too', () => {
    const file = npyFile(new Uint8Array(12345 * 2), 2, 12345);
    const headerLength = file.readUInt16LE(8);
    expect((10 + headerLength) % 64).toBe(0);
    expect(file.subarray(10, 10 + headerLength).toString('latin1')).toMatch(
      /^\{'descr': '\|u1', 'fortran_order': False, 'shape': \(12345, 2\), \} +\n$/,
    );
  });

  it('writes an 8-bit grayscale PNG that reads back as the mask', () => {
    const file = pngFile(mask, 4, 3);
    const png = PNG.sync.read(file);
    expect([png.width, png.height, file[24], file[25]]).toEqual([4, 3, 8, 0]);
    const gray = [...png.data].filter((_, index) => index % 4 === 0);
    expect(gray).toEqual(SQUARE.flat());
  });
});
