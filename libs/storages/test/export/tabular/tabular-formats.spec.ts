import { CSV_FORMAT, TSV_FORMAT } from '../../../src/lib/export/formats/tabular/csv.format';
import { JSON_MIN_FORMAT } from '../../../src/lib/export/formats/tabular/json-min.format';
import { contextOf, exportConfigOf, itemsOf, MemoryOutput } from '../format-kit';
import { WORKED_CONFIG, WORKED_TASKS } from '../worked-example';

const config = exportConfigOf(WORKED_CONFIG);

async function converted(format: typeof CSV_FORMAT, tasks = WORKED_TASKS): Promise<string> {
  const output = new MemoryOutput();
  await format.convert(itemsOf(tasks, config), contextOf(config), output);
  expect([...output.files.keys()]).toEqual([
    'result.' + (format === JSON_MIN_FORMAT ? 'json' : 'csv'),
  ]);
  return output.text([...output.files.keys()][0]);
}

describe('JSON_MIN, CSV and TSV exports', () => {
  it('writes JSON_MIN records as Label Studio: data, id, pretty values, annotation fields', async () => {
    const expected = `[
{
  "image": "/data/upload/3/aa11-cat.jpg",
  "id": 1,
  "label": [
    {
      "x": 10,
      "y": 20,
      "width": 30,
      "height": 40,
      "rotation": 0,
      "rectanglelabels": [
        "Car"
      ],
      "original_width": 800,
      "original_height": 600
    }
  ],
  "quality": "good",
  "annotator": 7,
  "annotation_id": 11,
  "created_at": "2024-05-01T10:05:00.000000Z",
  "updated_at": "2024-05-01T10:05:00.000000Z",
  "lead_time": 12.5
},
{
  "image": "/data/upload/3/bb22-dog.jpg",
  "id": 2,
  "label": [
    {
      "x": 50,
      "y": 50,
      "width": 10,
      "height": 20,
      "rotation": 0,
      "rectanglelabels": [
        "Person"
      ],
      "original_width": 1000,
      "original_height": 500
    }
  ],
  "quality": "bad",
  "annotator": 7,
  "annotation_id": 12,
  "created_at": "2024-05-01T10:05:00.000000Z",
  "updated_at": "2024-05-01T10:05:00.000000Z",
  "lead_time": 12.5
}
]`;
    expect(await converted(JSON_MIN_FORMAT)).toBe(expected);
  });

  it('writes CSV with the sorted columns, non-numeric cells quoted, nested values as JSON', async () => {
    const label = (x: number, y: number, w: number, h: number, name: string, size: number[]) =>
      `"[{""x"":${x},""y"":${y},""width"":${w},""height"":${h},""rotation"":0,""rectanglelabels"":[""${name}""],""original_width"":${size[0]},""original_height"":${size[1]}}]"`;
    const at = '"2024-05-01T10:05:00.000000Z"';
    const expected =
      '"annotation_id","annotator","created_at","id","image","label","lead_time","quality","updated_at"\r\n' +
      `11,"7",${at},1,"/data/upload/3/aa11-cat.jpg",${label(10, 20, 30, 40, 'Car', [800, 600])},12.5,"good",${at}\r\n` +
      `12,"7",${at},2,"/data/upload/3/bb22-dog.jpg",${label(50, 50, 10, 20, 'Person', [1000, 500])},12.5,"bad",${at}\r\n`;
    expect(await converted(CSV_FORMAT)).toBe(expected);
  });

  it('writes TSV with tabs, a task without annotations as a row of empty annotation cells', async () => {
    const tasks = [
      { id: 5, data: { image: 'a.jpg', flag: true, meta: { n: 1 } }, annotations: [] },
    ];
    const text = await converted(TSV_FORMAT, tasks);
    expect(text).toBe(
      '"annotation_id"\t"annotator"\t"created_at"\t"flag"\t"id"\t"image"\t"lead_time"\t"meta"\t"updated_at"\r\n' +
        '""\t""\t""\tTrue\t5\t"a.jpg"\t""\t"{""n"":1}"\t""\r\n',
    );
  });

  it('skips cancelled annotations and writes the newest annotation first', async () => {
    const [task] = structuredClone(WORKED_TASKS);
    const older = { ...task.annotations[0], id: 10, created_at: '2024-04-01T00:00:00.000000Z' };
    const cancelled = { ...task.annotations[0], id: 9, was_cancelled: true };
    task.annotations.push(older, cancelled);
    const ids: (number | null)[] = [];
    for await (const item of itemsOf([task], config)()) ids.push(item.annotation_id);
    expect(ids).toEqual([11, 10]);
  });
});
