import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { once } from 'node:events';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { csvCell } from './csv-tasks';
import { readJsonTasks, WHOLE_JSON_MAX_BYTES } from './json-tasks';
import { ImportFormatError, readTasks, ReadTasksOptions, UNDEFINED_DATA_KEY } from './read-tasks';
import { formatOf, isSingleAssetFormat, isTasksListFormat } from './supported-formats';

const URL = '/data/upload/1/0123abcd-file';
const LIST: ReadTasksOptions = { filesAsTasksList: true };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'read-tasks-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let fileCount = 0;
async function fileWith(name: string, content: string | Buffer) {
  const path = join(dir, `${++fileCount}-${name}`);
  await writeFile(path, content);
  return { path, name, url: URL };
}

async function batchesOf(source: AsyncIterable<unknown[]>): Promise<unknown[][]> {
  const batches: unknown[][] = [];
  for await (const batch of source) batches.push(batch);
  return batches;
}

async function itemsOf(name: string, content: string | Buffer, options = LIST) {
  return (await batchesOf(readTasks(await fileWith(name, content), options))).flat();
}

async function failureOf(source: AsyncIterable<unknown[]>): Promise<Error> {
  try {
    await batchesOf(source);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the file to be refused');
}

const asset = (value: string) => ({ data: { [UNDEFINED_DATA_KEY]: value } });

describe('supported formats', () => {
  it('gives the lower-cased extension of supported names only', () => {
    expect(formatOf('Tasks.JSON')).toBe('.json');
    expect(formatOf('a.b.jsonl')).toBe('.jsonl');
    expect(formatOf('photo.jpeg')).toBe('.jpeg');
    expect(formatOf('archive.zip')).toBeNull();
    expect(formatOf('json')).toBeNull();
    expect(formatOf('.json')).toBeNull();
  });

  it('tells lists of tasks from single assets', () => {
    expect(['.csv', '.tsv', '.txt'].every(isTasksListFormat)).toBe(true);
    expect(isTasksListFormat('.json')).toBe(false);
    expect(
      ['.html', '.htm', '.xml', '.mp3', '.png', '.pdf', '.webm'].every(isSingleAssetFormat),
    ).toBe(true);
    expect(['.json', '.jsonl', '.csv', '.tsv', '.txt', '.zip'].some(isSingleAssetFormat)).toBe(
      false,
    );
  });
});

describe('readTasks: JSON', () => {
  it('gives the items of a top-level array as they are', async () => {
    const items = [{ data: { text: 'a' }, annotations: [] }, { text: 'bare' }, 3, { data: 'x' }];
    expect(await itemsOf('tasks.json', JSON.stringify(items))).toEqual(items);
  });

  it('makes a top-level object one item', async () => {
    expect(await itemsOf('task.json', '\uFEFF {"data": {"image": "x.png"}}\n')).toEqual([
      { data: { image: 'x.png' } },
    ]);
  });

  it('gives nothing for an empty array', async () => {
    expect(await itemsOf('empty.json', '[]')).toEqual([]);
  });

  it('refuses what is not JSON, naming the file and the line', async () => {
    const file = await fileWith('data.json', '[\n  {"a": 1},\n  {"a": x}\n]');
    const error = await failureOf(readTasks(file, LIST));
    expect(error).toBeInstanceOf(ImportFormatError);
    expect(error.message).toBe(
      "Can't parse JSON from file data.json: Unexpected token 'x' at line 3",
    );
  });

  it('places a missing end on the last line with content', async () => {
    const error = await failureOf(
      readTasks(await fileWith('cut.json', '[\n{"a": 1},\n{"a"\n\n'), LIST),
    );
    expect(error.message).toMatch(/^Can't parse JSON from file cut\.json: .+ at line 3$/);
  });

  it('refuses an empty file', async () => {
    const error = await failureOf(readTasks(await fileWith('nothing.json', ''), LIST));
    expect(error.message).toBe(
      "Can't parse JSON from file nothing.json: Unexpected end of JSON input at line 1",
    );
  });

  it('refuses a scalar root', async () => {
    const error = await failureOf(readTasks(await fileWith('data.json', '"text"'), LIST));
    expect(error).toBeInstanceOf(ImportFormatError);
    expect(error.message).toBe('data.json: Data root must be a list or an object');
  });
});

describe('readJsonTasks: the streaming path', () => {
  const streamed = async (content: string) =>
    readJsonTasks(await fileWith('big.json', content), 2, 0);

  it('gives array items in batches, in order', async () => {
    const items = [{ a: 1 }, { data: { b: 'ü€😀' } }, [1], 'x', { c: null }];
    expect(await batchesOf(await streamed(` \n${JSON.stringify(items, null, 2)}\n`))).toEqual([
      items.slice(0, 2),
      items.slice(2, 4),
      items.slice(4),
    ]);
  });

  it('makes a top-level object one item', async () => {
    expect(await batchesOf(await streamed('\uFEFF{"data": {"x": [1, 2]}}'))).toEqual([
      [{ data: { x: [1, 2] } }],
    ]);
  });

  it('refuses a scalar root', async () => {
    const error = await failureOf(await streamed('12'));
    expect(error.message).toBe('big.json: Data root must be a list or an object');
  });

  it('refuses bad JSON with its line', async () => {
    const error = await failureOf(await streamed('[\n{"a": 1},\n{"a": 2,}\n]'));
    expect(error).toBeInstanceOf(ImportFormatError);
    expect(error.message).toBe(
      `Can't parse JSON from file big.json: Unexpected token "}" at line 3`,
    );
  });

  it('refuses content after the root', async () => {
    const error = await failureOf(await streamed('[1]\n\n x'));
    expect(error.message).toBe(
      `Can't parse JSON from file big.json: Unexpected character "x" at line 3`,
    );
  });

  it('refuses a file cut short', async () => {
    const error = await failureOf(await streamed('[{"a": 1},\n{"a": '));
    expect(error.message).toBe(
      "Can't parse JSON from file big.json: Unexpected end of JSON input at line 2",
    );
  });
});

describe('readTasks: JSONL', () => {
  it('gives one item per non-blank line', async () => {
    expect(await itemsOf('t.jsonl', '{"data": {"a": 1}}\r\n\n{"b": "x"}\n  \n{"c": [1]}')).toEqual([
      { data: { a: 1 } },
      { b: 'x' },
      { c: [1] },
    ]);
  });

  it('refuses a bad line, naming it', async () => {
    const file = await fileWith('t.jsonl', '{"a": 1}\n\n{"a": 2\n{"a": 3}\n');
    const error = await failureOf(readTasks(file, LIST));
    expect(error).toBeInstanceOf(ImportFormatError);
    expect(error.message).toMatch(/^Can't parse JSONL from file t\.jsonl: .+ at line 3$/);
  });
});

describe('readTasks: CSV and TSV', () => {
  it('makes each row a task, with numbers cast and empty cells as ""', async () => {
    const csv = 'text,score,id,note\nhello,1.5,007,\n"a, b",12,-3,x\n';
    expect(await itemsOf('t.csv', csv)).toEqual([
      { data: { text: 'hello', score: 1.5, id: 7, note: '' } },
      { data: { text: 'a, b', score: 12, id: -3, note: 'x' } },
    ]);
  });

  it('keeps quotes, separators and line breaks inside quoted cells', async () => {
    const csv = 'text,n\r\n"line one\r\nline ""two""",1\r\n"x,y;z",2\r\n';
    expect(await itemsOf('q.csv', csv)).toEqual([
      { data: { text: 'line one\r\nline "two"', n: 1 } },
      { data: { text: 'x,y;z', n: 2 } },
    ]);
  });

  it('uses ";" when the header line has more of them than commas', async () => {
    const csv = 'text;price;tags\n"Hello, world";3,5;a\nbye;4;b,c\n';
    expect(await itemsOf('semi.csv', csv)).toEqual([
      { data: { text: 'Hello, world', price: '3,5', tags: 'a' } },
      { data: { text: 'bye', price: 4, tags: 'b,c' } },
    ]);
  });

  it('reads TSV with tabs', async () => {
    expect(await itemsOf('t.tsv', 'a\tb\n1,5\t"x\ty"\n\n2\t\n')).toEqual([
      { data: { a: '1,5', b: 'x\ty' } },
      { data: { a: 2, b: '' } },
    ]);
  });

  it('fills short rows, skips blank lines, names columns as pandas does', async () => {
    expect(await itemsOf('s.csv', '\uFEFFa,,a\n1\n\n2,3,4\n')).toEqual([
      { data: { a: 1, 'Unnamed: 1': '', 'a.1': '' } },
      { data: { a: 2, 'Unnamed: 1': 3, 'a.1': 4 } },
    ]);
  });

  it('gives nothing for a header alone and refuses an empty file', async () => {
    expect(await itemsOf('h.csv', 'a,b\n')).toEqual([]);
    const error = await failureOf(readTasks(await fileWith('e.csv', ''), LIST));
    expect(error).toBeInstanceOf(ImportFormatError);
    expect(error.message).toBe("Can't parse CSV from file e.csv: No columns to parse");
  });

  it('refuses a row with more cells than the header, naming its line', async () => {
    const file = await fileWith('long.csv', 'a,b\n1,2\n"x\ny",3\n4,5,6\n');
    const error = await failureOf(readTasks(file, LIST));
    expect(error).toBeInstanceOf(ImportFormatError);
    expect(error.message).toBe(
      "Can't parse CSV from file long.csv: Expected 2 fields in row 3, saw 3",
    );
  });

  it('refuses an unclosed quote', async () => {
    const error = await failureOf(readTasks(await fileWith('q.csv', 'a,b\n1,"open\n'), LIST));
    expect(error).toBeInstanceOf(ImportFormatError);
    expect(error.message).toMatch(/^Can't parse CSV from file q\.csv: /);
  });

  it('is one asset task when files are not tasks lists', async () => {
    const options = { filesAsTasksList: false };
    expect(await itemsOf('t.csv', 'a,b\n1,2\n', options)).toEqual([asset(URL)]);
    expect(await itemsOf('t.tsv', 'a\tb\n1\t2\n', options)).toEqual([asset(URL)]);
    expect(await itemsOf('t.txt', 'one\ntwo\n', options)).toEqual([asset(URL)]);
  });

  it('casts plain decimal numbers only', () => {
    const cases: [string, string | number][] = [
      ['12', 12],
      ['007', 7],
      ['-3', -3],
      ['+4', 4],
      ['1.5', 1.5],
      ['.5', 0.5],
      ['5.', 5],
      ['1e3', 1000],
      ['-2.5E-1', -0.25],
      ['', ''],
      ['abc', 'abc'],
      ['12abc', '12abc'],
      [' 12', ' 12'],
      ['0x10', '0x10'],
      ['Infinity', 'Infinity'],
      ['NaN', 'NaN'],
      ['1e999', '1e999'],
      ['12345678901234567890', '12345678901234567890'],
      ['1,5', '1,5'],
      ['-', '-'],
      ['.', '.'],
    ];
    for (const [text, expected] of cases) expect([text, csvCell(text)]).toEqual([text, expected]);
  });
});

describe('readTasks: TXT, HTML, XML, media', () => {
  it('makes each line a task, handling CRLF and a final line break', async () => {
    expect(await itemsOf('t.txt', 'first\r\nsecond\n\nfourth\rfifth\r\n')).toEqual(
      ['first', 'second', '', 'fourth', 'fifth'].map(asset),
    );
    expect(await itemsOf('u.txt', 'no final break')).toEqual([asset('no final break')]);
  });

  it('handles CRLF and multi-byte characters across read chunks', async () => {
    const head = 'x'.repeat(64 * 1024 - 1);
    const content = `${head}\r\n${'é'.repeat(40_000)}\n€€€\r`;
    expect(await itemsOf('chunks.txt', content)).toEqual(
      [head, 'é'.repeat(40_000), '€€€'].map(asset),
    );
  });

  it('makes the whole of an HTML or XML file one task', async () => {
    const html = '<html>\n<body><p>Ünïcode</p></body>\n</html>\n';
    expect(await itemsOf('page.html', html)).toEqual([asset(html)]);
    expect(await itemsOf('page.HTM', html)).toEqual([asset(html)]);
    expect(await itemsOf('doc.xml', '<a><b/></a>')).toEqual([asset('<a><b/></a>')]);
  });

  it('makes a media file one task with its URL', async () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0x00]);
    expect(await itemsOf('photo.JPG', bytes)).toEqual([asset(URL)]);
    expect(await itemsOf('song.mp3', bytes, { filesAsTasksList: false })).toEqual([asset(URL)]);
    expect(await itemsOf('paper.pdf', bytes)).toEqual([asset(URL)]);
  });

  it('refuses an unsupported extension', async () => {
    const error = await failureOf(readTasks(await fileWith('a.zip', 'x'), LIST));
    expect(error).toBeInstanceOf(ImportFormatError);
    expect(error.message).toBe('.zip extension is not supported');
  });
});

describe('readTasks: batches', () => {
  const sizes = (batches: unknown[][]) => batches.map((batch) => batch.length);
  const rows = Array.from({ length: 2500 }, (_, i) => i);

  it('batches CSV rows in order', async () => {
    const file = await fileWith('n.csv', `i,t\n${rows.map((i) => `${i},row ${i}`).join('\n')}\n`);
    const batches = await batchesOf(readTasks(file, { ...LIST, batchSize: 1000 }));
    expect(sizes(batches)).toEqual([1000, 1000, 500]);
    expect(batches.flat()).toEqual(rows.map((i) => ({ data: { i, t: `row ${i}` } })));
  });

  it('batches JSON items in order, read whole or streamed', async () => {
    const file = await fileWith('n.json', JSON.stringify(rows.map((i) => ({ i }))));
    const expected = rows.map((i) => ({ i }));
    for (const source of [
      readTasks(file, { ...LIST, batchSize: 1000 }),
      readJsonTasks(file, 1000, 0),
    ]) {
      const batches = await batchesOf(source);
      expect(sizes(batches)).toEqual([1000, 1000, 500]);
      expect(batches.flat()).toEqual(expected);
    }
  });

  it('batches TXT and JSONL lines by the default size', async () => {
    const txt = await batchesOf(readTasks(await fileWith('n.txt', rows.join('\n')), LIST));
    expect(sizes(txt)).toEqual([1000, 1000, 500]);
    expect(txt.flat()).toEqual(rows.map((i) => asset(String(i))));
    const jsonl = await fileWith('n.jsonl', rows.map((i) => `{"i": ${i}}`).join('\n'));
    expect(sizes(await batchesOf(readTasks(jsonl, LIST)))).toEqual([1000, 1000, 500]);
  });

  it('stops reading when the consumer stops', async () => {
    const file = await fileWith('stop.csv', `i\n${rows.join('\n')}\n`);
    const source = readTasks(file, { ...LIST, batchSize: 100 });
    for await (const batch of source) {
      expect(batch).toHaveLength(100);
      break;
    }
    expect(await source.next()).toEqual({ done: true, value: undefined });
  });

  it('refuses a batch size below 1', async () => {
    const file = await fileWith('x.csv', 'a\n1\n');
    await expect(failureOf(readTasks(file, { ...LIST, batchSize: 0 }))).resolves.toBeInstanceOf(
      RangeError,
    );
  });
});

describe('readTasks: a JSON file above the whole-file bound', () => {
  // One multi-byte character per item: some of them straddle read chunks.
  const text = (i: number) => `${i} ${'lorem ipsum dolor sit amet '.repeat(7)}€`;

  it('streams it, item by item, in order', async () => {
    const path = join(dir, 'large.json');
    const out = createWriteStream(path);
    const count = 300_000;
    const chunk = 10_000;
    out.write('[\n');
    for (let start = 0; start < count; start += chunk) {
      const lines: string[] = [];
      for (let i = start; i < start + chunk; i++) {
        lines.push(JSON.stringify({ data: { text: text(i), i } }));
      }
      const last = start + chunk >= count;
      if (!out.write(`${lines.join(',\n')}${last ? '\n' : ',\n'}`)) {
        await once(out, 'drain');
      }
    }
    out.end(']\n');
    await finished(out);
    expect((await stat(path)).size).toBeGreaterThan(WHOLE_JSON_MAX_BYTES * 2);

    let seen = 0;
    let mismatches = 0;
    for await (const batch of readTasks({ path, name: 'large.json', url: URL }, LIST)) {
      expect(batch.length === 1000 || seen + batch.length === count).toBe(true);
      for (const item of batch as { data: { text: string; i: number } }[]) {
        if (item.data.i !== seen || item.data.text !== text(seen)) mismatches++;
        seen++;
      }
    }
    expect(mismatches).toBe(0);
    expect(seen).toBe(count);
  }, 60_000);
});
