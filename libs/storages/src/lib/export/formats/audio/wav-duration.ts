/**
 * The duration of a WAV file read as it streams past, as Python's `wave` module gives it
 * (`getnframes() / getframerate()`): PCM only, frames = data chunk size / frame size.
 * Keeps at most one chunk header or `fmt ` chunk in memory; other chunks are counted past.
 */

const WAVE_FORMAT_PCM = 0x0001;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;
/** A `fmt ` chunk larger than this is not a format `wave` reads. */
const MAX_FORMAT_CHUNK = 1024;

interface WavFormat {
  channels: number;
  frameRate: number;
  sampleWidth: number;
}

type Step =
  | { kind: 'riff' }
  | { kind: 'chunk-header' }
  | { kind: 'format'; size: number }
  | { kind: 'skip'; remaining: number }
  | { kind: 'done' };

export class WavDurationReader {
  private step: Step = { kind: 'riff' };
  private pending: Buffer = Buffer.alloc(0);
  private format: WavFormat | null = null;
  private seconds: number | null = null;

  /** Seconds, once the `data` chunk header went past; `null` for anything `wave` rejects. */
  get duration(): number | null {
    return this.seconds;
  }

  /** Whether the header has been read as far as it needs to be. */
  get settled(): boolean {
    return this.step.kind === 'done';
  }

  push(chunk: Buffer): void {
    if (this.step.kind === 'done') return;
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    while (this.advance());
  }

  /** Takes one step when its bytes are there; false when it needs more or is done. */
  private advance(): boolean {
    switch (this.step.kind) {
      case 'riff':
        return this.take(12, (bytes) => {
          const isWave =
            bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WAVE';
          this.step = isWave ? { kind: 'chunk-header' } : { kind: 'done' };
        });
      case 'chunk-header':
        return this.take(8, (bytes) => this.onChunkHeader(bytes));
      case 'format': {
        const size = this.step.size;
        return this.take(size + (size % 2), (bytes) => {
          this.format = formatOf(bytes.subarray(0, size));
          this.step = this.format ? { kind: 'chunk-header' } : { kind: 'done' };
        });
      }
      case 'skip': {
        const skipped = Math.min(this.step.remaining, this.pending.length);
        this.pending = this.pending.subarray(skipped);
        this.step.remaining -= skipped;
        if (this.step.remaining > 0) return false;
        this.step = { kind: 'chunk-header' };
        return true;
      }
      default:
        return false;
    }
  }

  private take(size: number, use: (bytes: Buffer) => void): boolean {
    if (this.pending.length < size) return false;
    const bytes = this.pending.subarray(0, size);
    this.pending = this.pending.subarray(size);
    use(bytes);
    return true;
  }

  private onChunkHeader(header: Buffer): void {
    const name = header.toString('latin1', 0, 4);
    const size = header.readUInt32LE(4);
    if (name === 'data') {
      this.seconds = this.format ? durationOf(this.format, size) : null;
      this.step = { kind: 'done' };
    } else if (name === 'fmt ') {
      this.step = size <= MAX_FORMAT_CHUNK ? { kind: 'format', size } : { kind: 'done' };
    } else {
      this.step = { kind: 'skip', remaining: size + (size % 2) };
    }
  }
}

function formatOf(chunk: Buffer): WavFormat | null {
  if (chunk.length < 16) return null;
  const tag = chunk.readUInt16LE(0);
  const isPcm =
    tag === WAVE_FORMAT_PCM ||
    (tag === WAVE_FORMAT_EXTENSIBLE &&
      chunk.length >= 26 &&
      chunk.readUInt16LE(24) === WAVE_FORMAT_PCM);
  const channels = chunk.readUInt16LE(2);
  const frameRate = chunk.readUInt32LE(4);
  const sampleWidth = Math.floor((chunk.readUInt16LE(14) + 7) / 8);
  if (!isPcm || channels === 0 || sampleWidth === 0 || frameRate === 0) return null;
  return { channels, frameRate, sampleWidth };
}

function durationOf(format: WavFormat, dataSize: number): number {
  const frames = Math.floor(dataSize / (format.channels * format.sampleWidth));
  return frames / format.frameRate;
}
