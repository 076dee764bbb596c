import { ExportTask } from '../../../src/lib/export/formats/converter-items';
import { CONLL2003_FORMAT, TEXT_EXPORT_FORMATS } from '../../../src/lib/export/formats/text';
import { treebankTokens } from '../../../src/lib/export/formats/text/treebank-tokenizer';
import { contextOf, exportConfigOf, itemsOf, MemoryOutput } from '../format-kit';

const CONFIG = exportConfigOf(`<View>
  <Text name="text" value="$text"/>
  <Labels name="ner" toName="text"><Label value="PER"/><Label value="LOC"/></Labels>
  <Choices name="sentiment" toName="text"><Choice value="positive"/></Choices>
</View>`);

const span = (start: number, end: number, text: string, label: string) => ({
  from_name: 'ner',
  to_name: 'text',
  type: 'labels',
  value: { start, end, text, labels: [label] },
});

const annotated = (id: number, result: ExportTask['annotations'][0]['result']) => ({
  id,
  completed_by: 7,
  was_cancelled: false,
  created_at: '2024-05-01T10:05:00.000000Z',
  updated_at: '2024-05-01T10:05:00.000000Z',
  lead_time: 1,
  result,
});

async function conllOf(tasks: ExportTask[]): Promise<string> {
  const output = new MemoryOutput();
  await CONLL2003_FORMAT.convert(itemsOf(tasks, CONFIG), contextOf(CONFIG), output);
  expect([...output.files.keys()]).toEqual(['result.conll']);
  return output.text('result.conll');
}

describe('CONLL2003', () => {
  it('writes BIO tags of two spans, a task without annotations all O', async () => {
    const text = 'John Smith lives in New York.';
    const tasks: ExportTask[] = [
      {
        id: 1,
        data: { text },
        annotations: [
          annotated(11, [
            span(20, 28, 'New York', 'LOC'),
            span(0, 10, 'John Smith', 'PER'),
            {
              from_name: 'sentiment',
              to_name: 'text',
              type: 'choices',
              value: { choices: ['positive'] },
            },
          ]),
        ],
      },
      { id: 2, data: { text: "Don't go." }, annotations: [] },
    ];
    expect(await conllOf(tasks)).toBe(
      '-DOCSTART- -X- O\n' +
        'John -X- _ B-PER\n' +
        'Smith -X- _ I-PER\n' +
        'lives -X- _ O\n' +
        'in -X- _ O\n' +
        'New -X- _ B-LOC\n' +
        'York -X- _ I-LOC\n' +
        '. -X- _ O\n' +
        '\n' +
        'Do -X- _ O\n' +
        "n't -X- _ O\n" +
        'go -X- _ O\n' +
        '. -X- _ O\n' +
        '\n',
    );
  });

  it('tags tokens a span only partly covers, and splits punctuation as the SDK does', async () => {
    const text = 'Visit Paris/London, "today"!';
    const tasks: ExportTask[] = [
      { id: 3, data: { text }, annotations: [annotated(12, [span(8, 17, 'ris/Londo', 'LOC')])] },
    ];
    expect(await conllOf(tasks)).toBe(
      '-DOCSTART- -X- O\n' +
        'Visit -X- _ O\n' +
        'Paris -X- _ B-LOC\n' +
        '/ -X- _ I-LOC\n' +
        'London -X- _ I-LOC\n' +
        ', -X- _ O\n' +
        '" -X- _ O\n' +
        'today -X- _ O\n' +
        '" -X- _ O\n' +
        '! -X- _ O\n' +
        '\n',
    );
  });

  it('counts offsets in code points, as Python does', async () => {
    const text = '😀 Ann met Bob';
    const tasks: ExportTask[] = [
      { id: 4, data: { text }, annotations: [annotated(13, [span(10, 13, 'Bob', 'PER')])] },
    ];
    expect(await conllOf(tasks)).toBe(
      '-DOCSTART- -X- O\n😀 -X- _ O\nAnn -X- _ O\nmet -X- _ O\nBob -X- _ B-PER\n\n',
    );
  });
});

describe('treebankTokens', () => {
  it('follows the Penn Treebank rules with the SDK punctuation', () => {
    expect(treebankTokens("I can't pay $3.88 (or 2,500) -- they'll see... OK?")).toEqual([
      'I',
      'ca',
      "n't",
      'pay',
      '$',
      '3.88',
      '(',
      'or',
      '2,500',
      ')',
      '--',
      'they',
      "'ll",
      'see',
      '...',
      'OK',
      '?',
    ]);
  });
});

describe('supports', () => {
  const supports = (config: string) =>
    TEXT_EXPORT_FORMATS.map((format) => format.supports(exportConfigOf(config)));

  it('needs a Text object and a Labels control on one data key', () => {
    expect(
      supports(
        '<View><Text name="t" value="$text"/><Labels name="l" toName="t"><Label value="A"/></Labels></View>',
      ),
    ).toEqual([true]);
    expect(
      supports(
        '<View><Text name="t" value="$text"/><Choices name="c" toName="t"><Choice value="A"/></Choices></View>',
      ),
    ).toEqual([false]);
    expect(
      supports(
        '<View><HyperText name="t" value="$html"/><Labels name="l" toName="t"><Label value="A"/></Labels></View>',
      ),
    ).toEqual([false]);
    expect(
      supports(`<View><Text name="t" value="$text"/><Text name="u" value="$title"/>
        <Labels name="l" toName="t"><Label value="A"/></Labels><Labels name="m" toName="u"><Label value="A"/></Labels></View>`),
    ).toEqual([false]);
    expect(
      supports(
        '<View><Text name="t" value="$url" valueType="url"/><Labels name="l" toName="t"><Label value="A"/></Labels></View>',
      ),
    ).toEqual([false]);
  });

  it('is listed as Label Studio lists it', () => {
    const { name, title, description, link, tags } = CONLL2003_FORMAT;
    expect({ name, title, description, link, tags }).toEqual({
      name: 'CONLL2003',
      title: 'CONLL2003',
      description: 'Popular format used for the CoNLL-2003 named entity recognition challenge.',
      link: 'https://labelstud.io/guide/export.html#CONLL2003',
      tags: ['sequence labeling', 'text tagging', 'named entity recognition'],
    });
  });
});
