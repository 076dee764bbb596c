import { ExportTask } from '../../../src/lib/export/formats/converter-items';
import { ASR_MANIFEST_FORMAT, AUDIO_EXPORT_FORMATS } from '../../../src/lib/export/formats/audio';
import { WavDurationReader } from '../../../src/lib/export/formats/audio/wav-duration';
import { contextOf, exportConfigOf, itemsOf, mediaOf, MemoryOutput } from '../format-kit';

const CONFIG = exportConfigOf(`<View>
  <Audio name="audio" value="$audio"/>
  <TextArea name="transcription" toName="audio"/>
</View>`);

/** A PCM WAV: `frames` frames at `rate` Hz, mono 16-bit, optionally a LIST chunk first. */
function wav(frames: number, rate: number, withList = false): Buffer {
  const format = Buffer.alloc(24);
  format.write('fmt ', 0, 'latin1');
  format.writeUInt32LE(16, 4);
  format.writeUInt16LE(1, 8);
  format.writeUInt16LE(1, 10);
  format.writeUInt32LE(rate, 12);
  format.writeUInt32LE(rate * 2, 16);
  format.writeUInt16LE(2, 20);
  format.writeUInt16LE(16, 22);
  const list = Buffer.concat([Buffer.from('LIST\x05\x00\x00\x00abcde\x00', 'latin1')]);
  const data = Buffer.alloc(8 + frames * 2);
  data.write('data', 0, 'latin1');
  data.writeUInt32LE(frames * 2, 4);
  const body = Buffer.concat([...(withList ? [list] : []), format, data]);
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(body.length + 4, 4);
  riff.write('WAVE', 8, 'latin1');
  return Buffer.concat([riff, body]);
}

const annotation = (
  id: number,
  completedBy: number | { id: number; email: string },
  text: string[],
) => ({
  id,
  completed_by: completedBy,
  was_cancelled: false,
  created_at: '2024-05-01T10:05:00.000000Z',
  updated_at: '2024-05-01T10:05:00.000000Z',
  lead_time: 1,
  result: [{ from_name: 'transcription', to_name: 'audio', type: 'textarea', value: { text } }],
});

const TASKS: ExportTask[] = [
  {
    id: 1,
    data: { audio: '/data/upload/3/aa11-speech.wav' },
    annotations: [annotation(11, 7, ['hello world', 'second line'])],
  },
  {
    id: 2,
    data: { audio: 'https://example.com/clips/b%20c.wav?sig=1' },
    annotations: [annotation(12, { id: 8, email: 'ann@example.com' }, ['café "ok"'])],
  },
  { id: 3, data: { audio: '/data/upload/3/cc33-none.wav' }, annotations: [] },
  {
    id: 4,
    data: { audio: '/data/upload/3/aa11-speech.wav' },
    annotations: [annotation(13, 7, ['again'])],
  },
];

describe('ASR_MANIFEST', () => {
  it('copies the audio and writes one manifest line per transcribed item', async () => {
    const speech = wav(8000, 16000, true);
    const media = mediaOf({
      '/data/upload/3/aa11-speech.wav': speech,
      'https://example.com/clips/b%20c.wav?sig=1': wav(22050, 22050),
    });
    const output = new MemoryOutput();
    const context = contextOf(CONFIG, { downloadResources: true, media });
    await ASR_MANIFEST_FORMAT.convert(itemsOf(TASKS, CONFIG), context, output);
    expect(output.text('manifest.json')).toBe(
      '{"audio_filepath": "audio/aa11-speech.wav", "duration": 0.5, "text": "hello world", "annotator": "7"}\n' +
        '{"audio_filepath": "audio/b c.wav", "duration": 1.0, "text": "caf\\u00e9 \\"ok\\"", "annotator": "ann@example.com"}\n' +
        '{"audio_filepath": "audio/aa11-speech.wav", "duration": 0.5, "text": "again", "annotator": "7"}\n',
    );
    expect([...output.files.keys()].sort()).toEqual([
      'audio/aa11-speech.wav',
      'audio/b c.wav',
      'manifest.json',
    ]);
    expect(output.files.get('audio/aa11-speech.wav')).toEqual(speech);
  });

  it('without downloading resources, names the audio by its URL and leaves duration out', async () => {
    const media = mediaOf({ '/data/upload/3/aa11-speech.wav': wav(8000, 16000) });
    const output = new MemoryOutput();
    const context = contextOf(CONFIG, { downloadResources: false, media });
    await ASR_MANIFEST_FORMAT.convert(itemsOf(TASKS.slice(0, 2), CONFIG), context, output);
    expect(media.opened).toEqual([]);
    expect([...output.files.keys()]).toEqual(['manifest.json']);
    expect(output.text('manifest.json')).toBe(
      '{"audio_filepath": "audio/aa11-speech.wav", "text": "hello world", "annotator": "7"}\n' +
        '{"audio_filepath": "audio/b%20c.wav", "text": "caf\\u00e9 \\"ok\\"", "annotator": "ann@example.com"}\n',
    );
  });

  it('gives a second file of the same name a suffix from its URL', async () => {
    const tasks: ExportTask[] = [
      { id: 1, data: { audio: '/a/x.wav' }, annotations: [annotation(1, 7, ['one'])] },
      { id: 2, data: { audio: '/b/x.wav' }, annotations: [annotation(2, 7, ['two'])] },
    ];
    const media = mediaOf({ '/a/x.wav': wav(1, 1), '/b/x.wav': wav(2, 1) });
    const output = new MemoryOutput();
    const context = contextOf(CONFIG, { downloadResources: true, media });
    await ASR_MANIFEST_FORMAT.convert(itemsOf(tasks, CONFIG), context, output);
    const paths = output
      .text('manifest.json')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        return (JSON.parse(line) as { audio_filepath: string }).audio_filepath;
      });
    expect(paths[0]).toBe('audio/x.wav');
    expect(paths[1]).toMatch(/^audio\/x_[0-9a-f]{4}\.wav$/);
    expect(output.files.get(paths[1])).toEqual(wav(2, 1));
  });
});

describe('WavDurationReader', () => {
  it('reads the duration from bytes arriving one at a time', () => {
    const reader = new WavDurationReader();
    for (const byte of wav(4410, 44100, true)) reader.push(Buffer.from([byte]));
    expect(reader.duration).toBe(0.1);
  });

  it('has no duration for what is not PCM WAV', () => {
    const reader = new WavDurationReader();
    reader.push(Buffer.from('ID3\x04 not a wav file at all'));
    expect(reader.duration).toBeNull();
    const float = wav(10, 10);
    float.writeUInt16LE(3, 20);
    const floatReader = new WavDurationReader();
    floatReader.push(float);
    expect(floatReader.duration).toBeNull();
  });
});

describe('supports', () => {
  const supports = (config: string) =>
    AUDIO_EXPORT_FORMATS.map((format) => format.supports(exportConfigOf(config)));

  it('needs Audio (or AudioPlus) and a TextArea on one data key', () => {
    expect(
      supports('<View><Audio name="a" value="$audio"/><TextArea name="t" toName="a"/></View>'),
    ).toEqual([true]);
    expect(
      supports('<View><AudioPlus name="a" value="$audio"/><TextArea name="t" toName="a"/></View>'),
    ).toEqual([true]);
    expect(
      supports(
        '<View><Audio name="a" value="$audio"/><Choices name="c" toName="a"><Choice value="x"/></Choices></View>',
      ),
    ).toEqual([false]);
    expect(
      supports('<View><Image name="a" value="$image"/><TextArea name="t" toName="a"/></View>'),
    ).toEqual([false]);
    expect(
      supports(`<View><Audio name="a" value="$audio"/><Text name="b" value="$text"/>
        <TextArea name="t" toName="a"/><TextArea name="u" toName="b"/></View>`),
    ).toEqual([false]);
  });
});
