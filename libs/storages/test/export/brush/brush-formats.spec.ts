import { PNG } from 'pngjs';
import { ExportTask } from '../../../src/lib/export/formats/converter-items';
import {
  BRUSH_EXPORT_FORMATS,
  BRUSH_TO_COCO_FORMAT,
  BRUSH_TO_NUMPY_FORMAT,
  BRUSH_TO_PNG_FORMAT,
} from '../../../src/lib/export/formats/brush';
import { contextOf, exportConfigOf, itemsOf, MemoryOutput } from '../format-kit';
import { encodeBrushRle, rgbaOf } from './rle-encoder';

const CONFIG = exportConfigOf(`<View>
  <Image name="image" value="$image"/>
  <BrushLabels name="tag" toName="image"><Label value="Car"/><Label value="Road/Lane"/></BrushLabels>
  <PolygonLabels name="poly" toName="image"><Label value="Car"/></PolygonLabels>
  <Choices name="quality" toName="image"><Choice value="good"/></Choices>
</View>`);

const SQUARE = [
  [0, 255, 255, 0],
  [0, 255, 255, 0],
  [0, 0, 0, 0],
];
/** Three parts: a 3x3 block (4 corner points), a 2-pixel line and a single pixel. */
const PARTS = [
  [0, 0, 0, 0, 7, 7],
  [1, 1, 1, 0, 0, 0],
  [1, 1, 1, 0, 0, 0],
  [1, 1, 1, 0, 0, 0],
  [0, 0, 0, 0, 0, 1],
];

function brush(mask: number[][], labels: string[] | null, extra: Record<string, unknown> = {}) {
  const value: Record<string, unknown> = { format: 'rle', rle: encodeBrushRle(rgbaOf(mask)) };
  if (labels) value['brushlabels'] = labels;
  return {
    from_name: 'tag',
    to_name: 'image',
    type: 'brushlabels',
    original_width: mask[0].length,
    original_height: mask.length,
    value,
    ...extra,
  };
}

const annotation = (id: number, completedBy: ExportTask['annotations'][0]['completed_by']) => ({
  id,
  completed_by: completedBy,
  was_cancelled: false,
  created_at: `2024-05-01T10:0${id % 10}:00.000000Z`,
  updated_at: '2024-05-01T10:05:00.000000Z',
  lead_time: 1,
});

const TASKS: ExportTask[] = [
  {
    id: 1,
    data: { image: '/data/upload/3/aa11-cat.jpg' },
    annotations: [
      {
        ...annotation(11, 7),
        result: [
          brush(SQUARE, ['Car']),
          brush(PARTS, ['Car']),
          brush(SQUARE, ['Road/Lane', 'Car']),
          {
            from_name: 'quality',
            to_name: 'image',
            type: 'choices',
            value: { choices: ['good'] },
          },
        ],
      },
    ],
  },
  {
    id: 2,
    data: { image: '/data/upload/3/bb22-dog.png' },
    annotations: [
      {
        ...annotation(12, { id: 8, email: 'Ann+Lee@example.com' }),
        result: [brush(SQUARE, null), brush(SQUARE, ['Car'], { value: { format: 'rle' } })],
      },
    ],
  },
  { id: 3, data: { image: '/data/upload/3/cc33.jpg' }, annotations: [] },
];

async function convert(format: typeof BRUSH_TO_PNG_FORMAT): Promise<MemoryOutput> {
  const output = new MemoryOutput();
  await format.convert(itemsOf(TASKS, CONFIG), contextOf(CONFIG), output);
  return output;
}

const FILE_STEMS = [
  'task-1-annotation-11-by-7-tag-Car-0',
  'task-1-annotation-11-by-7-tag-Car-1',
  'task-1-annotation-11-by-7-tag-Road-Lane-Car-0',
  'task-2-annotation-12-by-AnnLee@example.com-tag-no_label-0',
];

describe('BRUSH_TO_NUMPY', () => {
  it('writes one .npy per brush region, named as the SDK names them', async () => {
    const output = await convert(BRUSH_TO_NUMPY_FORMAT);
    expect([...output.files.keys()]).toEqual(FILE_STEMS.map((stem) => `${stem}.npy`));
    const square = output.files.get(`${FILE_STEMS[0]}.npy`) as Buffer;
    expect(square.subarray(10, 69).toString('latin1')).toBe(
      "{'descr': '|u1', 'fortran_order': False, 'shape': (3, 4), }",
    );
    expect([...square.subarray(128)]).toEqual(SQUARE.flat());
    const parts = output.files.get(`${FILE_STEMS[1]}.npy`) as Buffer;
    expect([...parts.subarray(128)]).toEqual(PARTS.flat());
  });
});

describe('BRUSH_TO_PNG', () => {
  it('writes one grayscale .png per brush region', async () => {
    const output = await convert(BRUSH_TO_PNG_FORMAT);
    expect([...output.files.keys()]).toEqual(FILE_STEMS.map((stem) => `${stem}.png`));
    const png = PNG.sync.read(output.files.get(`${FILE_STEMS[1]}.png`) as Buffer);
    expect([png.width, png.height]).toEqual([6, 5]);
    expect([...png.data].filter((_, index) => index % 4 === 0)).toEqual(PARTS.flat());
  });
});

describe('BRUSH_TO_COCO', () => {
  it('writes result_coco.json with one polygon per outer contour of at least 3 points', async () => {
    const output = await convert(BRUSH_TO_COCO_FORMAT);
    expect([...output.files.keys()]).toEqual(['result_coco.json']);
    const text = output.text('result_coco.json').replace(/"#[0-9a-f]{6}"/g, '"#color"');
    const annotationOf = (id: number, imageId: number, category: number, shape: string) =>
      `    {\n      "id": ${id},\n      "image_id": ${imageId},\n      "category_id": ${category},\n` +
      shape +
      `,\n      "iscrowd": 0,\n      "annotator": "${imageId === 0 ? '7' : 'Ann+Lee@example.com'}"\n    }`;
    const square =
      '      "segmentation": [\n        [\n          1,\n          0,\n          1,\n          1,\n' +
      '          2,\n          1,\n          2,\n          0\n        ]\n      ],\n' +
      '      "area": 1,\n      "bbox": [\n        1,\n        0,\n        2,\n        2\n      ]';
    const block =
      '      "segmentation": [\n        [\n          0,\n          1,\n          0,\n          3,\n' +
      '          2,\n          3,\n          2,\n          1\n        ]\n      ],\n' +
      '      "area": 4,\n      "bbox": [\n        0,\n        1,\n        3,\n        3\n      ]';
    const category = (id: number, name: string) =>
      `    {\n      "id": ${id},\n      "name": "${name}",\n      "supercategory": "",\n` +
      `      "color": "#color",\n      "metadata": {}\n    }`;
    const expected =
      '{\n  "images": [\n' +
      '    {\n      "id": 0,\n      "file_name": "aa11-cat.jpg",\n' +
      '      "path": "/data/upload/3/aa11-cat.jpg",\n      "width": 4,\n      "height": 3\n    }\n' +
      '  ],\n  "annotations": [\n' +
      [
        annotationOf(0, 0, 1, square),
        annotationOf(1, 0, 1, block),
        annotationOf(2, 0, 2, square),
        annotationOf(3, 0, 1, square),
      ].join(',\n') +
      '\n  ],\n  "categories": [\n' +
      [category(1, 'Car'), category(2, 'Road/Lane')].join(',\n') +
      '\n  ],\n  "info": {\n    "year": 2024,\n    "version": "1.0",\n' +
      '    "description": "Converted from Label Studio",\n' +
      '    "contributor": "Label Studio Converter",\n' +
      '    "date_created": "2024-05-01 10:10:00"\n  }\n}';
    expect(text).toBe(expected);
  });

  it('writes polygons with rounded pixels and rectangles as floats, ids counting every item', async () => {
    const tasks: ExportTask[] = [
      {
        id: 5,
        data: { text: 'no image here' },
        annotations: [{ ...annotation(1, 7), result: [] }],
      },
      {
        id: 6,
        data: { image: 'https://example.com/a/b.PNG?x=1', second: 'c.jpg' },
        annotations: [
          {
            ...annotation(2, 7),
            result: [
              {
                from_name: 'poly',
                to_name: 'image',
                type: 'polygonlabels',
                original_width: 200,
                original_height: 100,
                value: {
                  points: [
                    [1.25, 10],
                    [10, 10.5],
                    [10, 30],
                  ],
                  polygonlabels: ['Car'],
                },
              },
            ],
          },
        ],
      },
    ];
    const output = new MemoryOutput();
    await BRUSH_TO_COCO_FORMAT.convert(itemsOf(tasks, CONFIG), contextOf(CONFIG), output);
    const coco = JSON.parse(output.text('result_coco.json')) as Record<string, unknown[]>;
    expect(coco['images']).toEqual([
      { id: 1, file_name: 'c.jpg', path: 'c.jpg', width: 200, height: 100 },
    ]);
    // x 1.25% of 200 = 2.5 -> 2 (ties to even), y 10.5% of 100 = 10.5 -> 10.
    expect(coco['annotations']).toEqual([
      {
        id: 0,
        image_id: 1,
        category_id: 1,
        segmentation: [[2, 10, 20, 10, 20, 30]],
        area: 180,
        bbox: [2, 10, 19, 21],
        iscrowd: 0,
        annotator: '7',
      },
    ]);
  });
});

describe('supports', () => {
  const supported = (config: string) =>
    BRUSH_EXPORT_FORMATS.map((format) => format.supports(exportConfigOf(config)));

  it('needs an Image and BrushLabels (or Brush with Labels) on one data key', () => {
    expect(
      supported(`<View><Image name="i" value="$image"/>
      <BrushLabels name="b" toName="i"><Label value="A"/></BrushLabels></View>`),
    ).toEqual([true, true, true]);
    expect(
      supported(`<View><Image name="i" value="$image"/>
      <RectangleLabels name="b" toName="i"><Label value="A"/></RectangleLabels></View>`),
    ).toEqual([false, false, false]);
    expect(
      supported(`<View><Text name="t" value="$text"/>
      <Labels name="b" toName="t"><Label value="A"/></Labels></View>`),
    ).toEqual([false, false, false]);
    expect(
      supported(`<View><Image name="i" value="$image"/><Image name="j" value="$other"/>
      <BrushLabels name="b" toName="i"><Label value="A"/></BrushLabels>
      <BrushLabels name="c" toName="j"><Label value="A"/></BrushLabels></View>`),
    ).toEqual([false, false, false]);
  });

  it('lists the formats with the titles Label Studio gives them', () => {
    expect(BRUSH_EXPORT_FORMATS.map(({ name, title, tags }) => [name, title, tags])).toEqual([
      ['BRUSH_TO_NUMPY', 'Brush labels to NumPy', ['image segmentation']],
      ['BRUSH_TO_PNG', 'Brush labels to PNG', ['image segmentation']],
      ['BRUSH_TO_COCO', 'Brush labels to COCO', ['image segmentation', 'brush annotations']],
    ]);
  });
});
