import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import {
  ConversionContext,
  ConverterItem,
  ExportConfig,
  ExportFormat,
  ExportOutput,
  MediaFile,
} from '../export-format';
import { PyFloat, pyJson, PyJsonValue } from '../python-json';
import { WavDurationReader } from './wav-duration';

const AUDIO_DIR = 'audio';

/** Audio (or AudioPlus) and a TextArea, reading one data key (sdk `_get_supported_formats`). */
export function supportsAsrManifest(config: ExportConfig): boolean {
  if (config.dataKeys.length > 1) return false;
  const controls = Object.values(config.controls);
  const hasAudio = controls.some((control) =>
    control.inputs.some((input) => input.type === 'Audio' || input.type === 'AudioPlus'),
  );
  return hasAudio && controls.some((control) => control.type === 'TextArea');
}

type Transcript = string | number | boolean | null;

/**
 * The transcript as the SDK picks it: the first output whose first value has a `text`, and the
 * first element of that `text` (a TextArea's list of lines; of a string, its first character).
 */
function transcriptOf(item: ConverterItem): Transcript | undefined {
  const values = Object.values(item.output).find((list) => list.length > 0 && 'text' in list[0]);
  const text = values?.[0]['text'];
  const first: unknown =
    typeof text === 'string' ? [...text][0] : Array.isArray(text) ? text[0] : undefined;
  const isPrimitive = first === null || ['string', 'number', 'boolean'].includes(typeof first);
  return isPrimitive ? (first as Transcript) : undefined;
}

function annotatorOf(item: ConverterItem): string {
  const annotator = item.completed_by;
  if (annotator !== null && typeof annotator === 'object') return annotator.email ?? '';
  return annotator === null ? 'None' : String(annotator);
}

/**
 * The file name Label Studio gives audio it does not copy: the basename of the URL's path,
 * percent-decoded for Label Studio's own `/data/` URLs only (as the SDK's `download`).
 */
function basenameOfUrl(url: string): string {
  const path = url.split(/[?#]/)[0];
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (!url.startsWith('/data/')) return name;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** Archive names of the audio already written, each with a digest of the URL it holds. */
class AudioNames {
  private readonly urlDigestByName = new Map<string, string>();

  /** The name for `url`'s file and whether it still has to be written. */
  claim(name: string, url: string): { name: string; isNew: boolean } {
    const digest = createHash('md5').update(url).digest('hex');
    const { name: base, ext } = posix.parse(name);
    let candidate = name;
    for (let length = 4; ; length++) {
      const owner = this.urlDigestByName.get(candidate);
      if (owner === digest) return { name: candidate, isNew: false };
      if (owner === undefined) {
        this.urlDigestByName.set(candidate, digest);
        return { name: candidate, isNew: true };
      }
      const suffix = length <= digest.length ? digest.slice(0, length) : `${digest}_${length}`;
      candidate = `${base}_${suffix}${ext}`;
    }
  }
}

async function* measured(content: Readable, reader: WavDurationReader): AsyncIterable<Buffer> {
  for await (const chunk of content) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    reader.push(bytes);
    yield bytes;
  }
}

/** Reads a file already in the archive only as far as its WAV header. */
async function measureOnly(content: Readable, reader: WavDurationReader): Promise<void> {
  for await (const chunk of content) {
    reader.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
    if (reader.settled) break;
  }
  content.destroy();
}

interface AudioEntry {
  path: string;
  duration: number | null;
}

class AudioCopier {
  private readonly names = new AudioNames();

  constructor(
    private readonly context: ConversionContext,
    private readonly output: ExportOutput,
  ) {}

  /** Copies the task's audio into `audio/` (when resources are downloaded) and measures it. */
  async entryFor(url: string): Promise<AudioEntry> {
    const file = this.context.downloadResources ? await this.context.media.open(url) : null;
    if (!file) return { path: posix.join(AUDIO_DIR, basenameOfUrl(url)), duration: null };
    return this.copy(file, url);
  }

  private async copy(file: MediaFile, url: string): Promise<AudioEntry> {
    const { name, isNew } = this.names.claim(file.name || basenameOfUrl(url), url);
    const path = posix.join(AUDIO_DIR, name);
    const reader = new WavDurationReader();
    if (isNew) await this.output.add(path, Readable.from(measured(file.content, reader)));
    else await measureOnly(file.content, reader);
    return { path, duration: reader.duration };
  }
}

function manifestLine(item: ConverterItem, audio: AudioEntry, transcript: Transcript): string {
  const record: Record<string, PyJsonValue> = { audio_filepath: audio.path };
  if (audio.duration !== null) record['duration'] = new PyFloat(audio.duration);
  record['text'] = transcript;
  record['annotator'] = annotatorOf(item);
  return pyJson(record, { ensureAscii: true }) + '\n';
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text))
    await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

/**
 * `manifest.json` (one JSON object per line, NVIDIA NeMo's manifest) and the audio under
 * `audio/`. The manifest goes through a temporary file, as audio files are added to the output
 * while it is being written.
 */
async function convertToAsrManifest(
  items: () => AsyncIterable<ConverterItem>,
  context: ConversionContext,
  output: ExportOutput,
): Promise<void> {
  const dataKey = context.config.dataKeys[0];
  const directory = await mkdtemp(join(tmpdir(), 'ls-asr-manifest-'));
  try {
    const manifestPath = join(directory, 'manifest.json');
    const manifest = createWriteStream(manifestPath);
    const copier = new AudioCopier(context, output);
    try {
      for await (const item of items()) {
        const url = dataKey === undefined ? undefined : item.input[dataKey];
        const transcript = transcriptOf(item);
        if (typeof url !== 'string' || transcript === undefined) continue;
        await write(manifest, manifestLine(item, await copier.entryFor(url), transcript));
      }
    } finally {
      manifest.end();
      await finished(manifest);
    }
    await output.add('manifest.json', createReadStream(manifestPath));
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

export const ASR_MANIFEST_FORMAT: ExportFormat = {
  name: 'ASR_MANIFEST',
  title: 'ASR Manifest',
  description:
    'Export audio transcription labels for automatic speech recognition as the JSON manifest format expected by NVIDIA NeMo models.',
  link: 'https://labelstud.io/guide/export.html#ASR-MANIFEST',
  tags: ['speech recognition'],
  supports: supportsAsrManifest,
  convert: convertToAsrManifest,
};
