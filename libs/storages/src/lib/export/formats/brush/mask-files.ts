import { PNG } from 'pngjs';

const NPY_MAGIC = Buffer.from([0x93, ...Buffer.from('NUMPY'), 1, 0]);
const NPY_ALIGNMENT = 64;
/** NumPy leaves room after the header dict for the first axis to grow to 21 digits. */
const NPY_GROWTH_DIGITS = 21;

/**
 * A `.npy` file (NumPy format 1.0) of a `height` x `width` uint8 array in C order, with the
 * header `np.save` writes: the dict repr, growth padding, spaces and a newline to 64 bytes.
 */
export function npyFile(mask: Uint8Array, width: number, height: number): Buffer {
  const dict = `{'descr': '|u1', 'fortran_order': False, 'shape': (${height}, ${width}), }`;
  const grown = dict + ' '.repeat(Math.max(0, NPY_GROWTH_DIGITS - String(height).length));
  const unpadded = NPY_MAGIC.length + 2 + grown.length + 1;
  const padding = (NPY_ALIGNMENT - (unpadded % NPY_ALIGNMENT)) % NPY_ALIGNMENT;
  const header = Buffer.from(grown + ' '.repeat(padding) + '\n', 'latin1');
  const length = Buffer.alloc(2);
  length.writeUInt16LE(header.length);
  return Buffer.concat([NPY_MAGIC, length, header, mask]);
}

/** An 8-bit grayscale PNG of the mask (what PIL writes for a uint8 array). */
export function pngFile(mask: Uint8Array, width: number, height: number): Buffer {
  const png = new PNG({ width, height, colorType: 0, inputColorType: 0, bitDepth: 8 });
  png.data = Buffer.from(mask.buffer, mask.byteOffset, mask.byteLength);
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, bitDepth: 8 });
}
