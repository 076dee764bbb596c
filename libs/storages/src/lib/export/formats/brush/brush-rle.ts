/**
 * Label Studio's brush RLE (the frontend's `@thi.ng/rle-pack` encoding of an RGBA image), as the
 * SDK's `brush.decode_rle` reads it: a bit stream, most significant bit first, holding the number
 * of values (32 bits), the word size minus one (5 bits), four run-length field widths minus one
 * (4 bits each), then blocks of: a run flag (1 bit), a width index (2 bits), the block length
 * minus one (in that width), and either one repeated word or that many literal words.
 */

export class BrushRleError extends Error {}

class BitReader {
  private position = 0;

  constructor(private readonly bytes: ArrayLike<number>) {}

  read(width: number): number {
    let value = 0;
    for (let bit = 0; bit < width; bit++, this.position++) {
      const byte = this.position >> 3;
      if (byte >= this.bytes.length) throw new BrushRleError('brush RLE ends early');
      value = value * 2 + ((this.bytes[byte] >> (7 - (this.position & 7))) & 1);
    }
    return value;
  }
}

const CHANNELS = 4;
const ALPHA = 3;

/** Sets the alpha values of pixels whose alpha byte lies in `[from, to)` of the RGBA stream. */
function fillAlpha(mask: Uint8Array, from: number, to: number, value: number): void {
  const first = Math.max(0, Math.ceil((from - ALPHA) / CHANNELS));
  const end = Math.min(mask.length, Math.ceil((to - ALPHA) / CHANNELS));
  if (end > first) mask.fill(value, first, end);
}

/**
 * The alpha channel of the brush image, `height` rows of `width` bytes: the mask the SDK exports.
 * Values wider than 8 bits are cut to their low byte, as the SDK's uint8 buffer keeps them.
 */
export function decodeBrushAlpha(
  rle: ArrayLike<number>,
  width: number,
  height: number,
): Uint8Array {
  const reader = new BitReader(rle);
  const count = reader.read(32);
  if (count !== width * height * CHANNELS) {
    throw new BrushRleError(`brush RLE holds ${count} values, not ${width}x${height}x${CHANNELS}`);
  }
  const wordSize = reader.read(5) + 1;
  const lengthWidths = [0, 0, 0, 0].map(() => reader.read(4) + 1);
  const mask = new Uint8Array(width * height);
  for (let index = 0; index < count;) {
    const isRun = reader.read(1) === 1;
    const end = index + 1 + reader.read(lengthWidths[reader.read(2)]);
    if (isRun) {
      fillAlpha(mask, index, end, reader.read(wordSize) & 0xff);
      index = end;
      continue;
    }
    for (; index < end; index++) {
      const value = reader.read(wordSize) & 0xff;
      if (index >= count) throw new BrushRleError('brush RLE holds more values than it says');
      if (index % CHANNELS === ALPHA) mask[(index - ALPHA) / CHANNELS] = value;
    }
  }
  return mask;
}
