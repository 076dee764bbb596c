import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { roundHalfEven } from '../../../src/lib/export/formats/image/geometry';
import { imageBasename } from '../../../src/lib/export/formats/image/image-files';
import {
  compareCodePoints,
  pythonFloat,
  withoutExtension,
} from '../../../src/lib/export/formats/python-text';
import { annotation, box, BOXES_CONFIG, exportTasks, task } from './image-fixtures';

describe('Python text of numbers and names', () => {
  it.each([
    [0.25, '0.25'],
    [1, '1.0'],
    [0, '0.0'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [1e16, '1e+16'],
    [0.1 + 0.2, '0.30000000000000004'],
  ])('repr(%p) is %s', (value, text) => {
    expect(pythonFloat(value)).toBe(text);
  });

  it('rounds halves to even as round() does', () => {
    expect([0.5, 1.5, 2.5, 2.4, 2.6].map(roundHalfEven)).toEqual([0, 2, 2, 2, 3]);
  });

  it('drops the last extension as os.path.splitext does', () => {
    expect(['a.tar.gz', '.hidden', 'noext', 'x.'].map(withoutExtension)).toEqual([
      'a.tar',
      '.hidden',
      'noext',
      'x',
    ]);
  });

  it('sorts by code point', () => {
    expect(['b', 'B', 'a', 'Ä'].sort(compareCodePoints)).toEqual(['B', 'a', 'b', 'Ä']);
  });

  it('names files by the URL path, or by the local-files path', () => {
    expect(imageBasename('/data/upload/3/aa11-cat.jpg')).toBe('aa11-cat.jpg');
    expect(imageBasename('/data/local-files/?d=photos/my%20dog.png')).toBe('my dog.png');
    expect(imageBasename('https://example.com/a/b.jpg?sig=1')).toBe('b.jpg');
    expect(imageBasename('s3://bucket/dir/c.jpeg')).toBe('c.jpeg');
  });
});

describe('COCO on many tasks', () => {
  const leftovers = () =>
    readdirSync(tmpdir()).filter((name) => name.startsWith('ls-coco-export-'));

  it('streams thousands of annotations through its temporary files and removes them', async () => {
    const before = leftovers();
    const tasks = Array.from({ length: 3000 }, (_, index) =>
      task(index + 1, `/data/upload/3/img-${index}.jpg`, [
        annotation(index + 1, [box('label', 'Car', [10, 20, 30, 40], [800, 600])]),
      ]),
    );
    const output = await exportTasks('COCO', BOXES_CONFIG, tasks);
    const result = JSON.parse(output.text('result.json'));

    expect(result.images).toHaveLength(3000);
    expect(result.annotations.at(-1)).toMatchObject({ id: 2999, image_id: 2999 });
    expect(output.text('result.json')).toBe(JSON.stringify(result, null, 2));
    expect(leftovers()).toEqual(before);
  });
});
