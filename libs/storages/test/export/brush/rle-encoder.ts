/**
 * A brush RLE encoder for tests, written from the format (see brush-rle.ts): runs of two or more
 * equal values become run blocks, other values are grouped into literal blocks.
 */
const LENGTH_WIDTHS = [3, 4, 8, 16];

class BitWriter {
  private bits = '';

  write(value: number, width: number): void {
    this.bits += value.toString(2).padStart(width, '0');
  }

  bytes(): number[] {
    const padded = this.bits.padEnd(Math.ceil(this.bits.length / 8) * 8, '0');
    return Array.from({ length: padded.length / 8 }, (_, i) =>
      parseInt(padded.slice(i * 8, i * 8 + 8), 2),
    );
  }
}

function writeBlock(writer: BitWriter, isRun: boolean, length: number): void {
  const index = LENGTH_WIDTHS.findIndex((width) => length - 1 < 2 ** width);
  writer.write(isRun ? 1 : 0, 1);
  writer.write(index, 2);
  writer.write(length - 1, LENGTH_WIDTHS[index]);
}

export function encodeBrushRle(values: number[]): number[] {
  const writer = new BitWriter();
  writer.write(values.length, 32);
  writer.write(8 - 1, 5);
  for (const width of LENGTH_WIDTHS) writer.write(width - 1, 4);
  let literals: number[] = [];
  const flushLiterals = () => {
    if (literals.length === 0) return;
    writeBlock(writer, false, literals.length);
    for (const value of literals) writer.write(value, 8);
    literals = [];
  };
  for (let start = 0; start < values.length;) {
    let end = start + 1;
    while (end < values.length && values[end] === values[start] && end - start < 2 ** 16) end++;
    if (end - start === 1) literals.push(values[start]);
    else {
      flushLiterals();
      writeBlock(writer, true, end - start);
      writer.write(values[start], 8);
    }
    start = end;
  }
  flushLiterals();
  return writer.bytes();
}

/** RGBA values of a mask: gray color, alpha = the mask value. */
export function rgbaOf(mask: number[][]): number[] {
  return mask.flat().flatMap((alpha) => (alpha ? [30, 144, 255, alpha] : [0, 0, 0, 0]));
}
