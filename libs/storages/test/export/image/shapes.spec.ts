import type { ResultRegion } from '../../../src/lib/export/formats/export-format';
import { exportConfigOf } from '../format-kit';
import {
  annotation,
  box,
  exportItems,
  exportTasks,
  golden,
  goldenJson,
  task,
} from './image-fixtures';

const POLYGON_CONFIG = exportConfigOf(`
<View>
  <Image name="image" value="$image"/>
  <PolygonLabels name="shape" toName="image"><Label value="Roof"/><Label value="Lake"/></PolygonLabels>
</View>`);

function polygon(label: string, points: number[][], size: number[]): ResultRegion {
  return {
    from_name: 'shape',
    to_name: 'image',
    type: 'polygonlabels',
    original_width: size[0],
    original_height: size[1],
    value: { points, closed: true, polygonlabels: [label] },
  };
}

const POLYGON_TASKS = [
  task(1, '/data/upload/3/p1.png', [
    annotation(11, [
      polygon(
        'Roof',
        [
          [10, 10],
          [50, 10],
          [50, 50],
        ],
        [200, 100],
      ),
    ]),
  ]),
];

describe('polygons', () => {
  it('COCO writes the points as segmentation, the min/max box and the shoelace area', async () => {
    const result = JSON.parse(
      (await exportTasks('COCO', POLYGON_CONFIG, POLYGON_TASKS)).text('result.json'),
    );

    expect(result.categories).toEqual([
      { id: 0, name: 'Lake' },
      { id: 1, name: 'Roof' },
    ]);
    expect(result.images).toEqual([{ width: 200, height: 100, id: 0, file_name: 'images/p1.png' }]);
    expect(JSON.stringify(result.annotations[0], null, 2)).toBe(
      goldenJson('polygons/coco-annotation.json'),
    );
  });

  it('YOLO writes the class and the normalised points', async () => {
    const output = await exportTasks('YOLO', POLYGON_CONFIG, POLYGON_TASKS);

    expect(output.text('labels/p1.txt')).toBe(golden('polygons/yolo-p1.txt'));
    expect(output.text('classes.txt')).toBe('Lake\nRoof\n');
  });

  it('YOLO OBB writes polygons as points too', async () => {
    const output = await exportTasks('YOLO_OBB', POLYGON_CONFIG, POLYGON_TASKS);

    expect(output.text('labels/p1.txt')).toBe(golden('polygons/yolo-p1.txt'));
  });
});

describe('category ids', () => {
  const config = exportConfigOf(`
<View>
  <Image name="image" value="$image"/>
  <RectangleLabels name="label" toName="image">
    <Label value="Zebra" category="1"/><Label value="Ant"/><Label value="Cat"/>
  </RectangleLabels>
</View>`);

  it('YOLO keeps a Label category attribute and numbers the others around it', async () => {
    const output = await exportTasks('YOLO', config, [
      task(1, '/data/upload/3/a.jpg', [
        annotation(11, [box('label', 'Zebra', [0, 0, 50, 50], [8, 6])]),
      ]),
    ]);

    expect(JSON.parse(output.text('notes.json')).categories).toEqual([
      { id: 1, name: 'Zebra' },
      { id: 0, name: 'Ant' },
      { id: 2, name: 'Cat' },
    ]);
    expect(output.text('classes.txt')).toBe('Zebra\nAnt\nCat\n');
    expect(output.text('labels/a.txt')).toBe('1 0.25 0.25 0.5 0.5\n');
  });

  it('COCO renumbers categories from 0 in that order, as the SDK', async () => {
    const output = await exportTasks('COCO', config, []);

    expect(JSON.parse(output.text('result.json')).categories).toEqual([
      { id: 0, name: 'Zebra' },
      { id: 1, name: 'Ant' },
      { id: 2, name: 'Cat' },
    ]);
  });
});

describe('rotated boxes', () => {
  it('YOLO OBB writes the corners of a box rotated about its top-left corner', async () => {
    const output = await exportTasks('YOLO_OBB', exportConfigOf(RECTANGLES), [
      task(1, '/data/upload/3/r.jpg', [
        annotation(11, [box('label', 'Car', [10, 10, 20, 20], [200, 100], 30)]),
      ]),
    ]);
    const [classId, ...corners] = output.text('labels/r.txt').trim().split(' ').map(Number);

    // 40x20 px box at (20, 10) turned 30 degrees clockwise on a 200x100 image.
    const cos = Math.sqrt(3) / 2;
    const expected = [
      [20, 10],
      [20 + 40 * cos, 10 + 40 * 0.5],
      [20 + 40 * cos - 20 * 0.5, 10 + 40 * 0.5 + 20 * cos],
      [20 - 20 * 0.5, 10 + 20 * cos],
    ].flatMap(([x, y]) => [x / 200, y / 100]);
    expect(classId).toBe(0);
    expect(corners).toHaveLength(8);
    corners.forEach((value, index) => expect(value).toBeCloseTo(expected[index], 12));
  });

  it('COCO writes the axis-aligned box around a rotated box', async () => {
    const output = await exportTasks('COCO', exportConfigOf(RECTANGLES), [
      task(1, '/data/upload/3/r.jpg', [
        annotation(11, [box('label', 'Car', [50, 50, 10, 10], [100, 100], 90)]),
      ]),
    ]);
    const [annotationEntry] = JSON.parse(output.text('result.json')).annotations;

    // Turned 90 degrees about (50, 50), the square covers x 40..50 and y 50..60.
    [40, 50, 10, 10].forEach((value, index) =>
      expect(annotationEntry.bbox[index]).toBeCloseTo(value, 10),
    );
    expect(annotationEntry.area).toBeCloseTo(100, 10);
  });
});

const RECTANGLES = `
<View>
  <Image name="image" value="$image"/>
  <RectangleLabels name="label" toName="image"><Label value="Car"/></RectangleLabels>
</View>`;

describe('keypoints with rectangles', () => {
  const config = exportConfigOf(`
<View>
  <Image name="image" value="$image"/>
  <RectangleLabels name="box" toName="image"><Label value="Person"/></RectangleLabels>
  <KeyPointLabels name="kp" toName="image">
    <Label value="nose" model_index="0"/><Label value="eye" model_index="1"/>
  </KeyPointLabels>
</View>`);

  function keypoint(label: string, x: number, y: number, parentID?: string): ResultRegion {
    return {
      from_name: 'kp',
      to_name: 'image',
      type: 'keypointlabels',
      original_width: 400,
      original_height: 200,
      ...(parentID ? { parentID } : {}),
      value: { x, y, width: 0.5, keypointlabels: [label] },
    };
  }

  const tasks = [
    task(1, '/data/upload/3/k.jpg', [
      annotation(11, [
        box('box', 'Person', [10, 10, 50, 50], [400, 200]),
        keypoint('nose', 25, 25),
        keypoint('eye', 30, 20),
      ]),
    ]),
  ];

  it('COCO merges keypoint labels into a default category and writes one keypoint annotation', async () => {
    const result = JSON.parse((await exportTasks('COCO', config, tasks)).text('result.json'));

    expect(result.categories).toEqual([
      { id: 0, name: 'Person' },
      {
        id: 1,
        name: 'default',
        supercategory: 'default',
        keypoints: ['nose', 'eye'],
        skeleton: [],
      },
    ]);
    expect(result.annotations).toEqual([
      {
        id: 0,
        image_id: 0,
        category_id: 0,
        segmentation: [],
        bbox: [40, 20, 200, 100],
        ignore: 0,
        iscrowd: 0,
        area: 20000,
      },
      {
        id: 1,
        image_id: 0,
        category_id: 1,
        keypoints: [100, 50, 2, 120, 40, 2],
        num_keypoints: 2,
        bbox: [100, 40, 20, 10],
        iscrowd: 0,
      },
    ]);
  });

  it('YOLO writes each box with its keypoints in model order (region ids in the values)', async () => {
    const value = (region: ResultRegion, id: string, parentID?: string) => ({
      ...region.value,
      type: region.from_name === 'box' ? 'RectangleLabels' : 'KeyPointLabels',
      original_width: 400,
      original_height: 200,
      id,
      ...(parentID ? { parentID } : {}),
    });
    const item = {
      id: 1,
      input: { image: '/data/upload/3/k.jpg' },
      output: {
        box: [value(box('box', 'Person', [10, 10, 50, 50], [400, 200]), 'b1')],
        kp: [
          value(keypoint('nose', 25, 25), 'k1', 'b1'),
          value(keypoint('eye', 30, 20), 'k2', 'zz'),
        ],
      },
      completed_by: 7,
      annotation_id: 11,
      created_at: null,
      updated_at: null,
      lead_time: null,
      history: null,
      was_cancelled: false,
    };
    const output = await exportItems('YOLO', config, [item]);

    expect(output.text('labels/k.txt')).toBe('0 0.35 0.35 0.5 0.5 0.25 0.25 2 0.0 0.0 0');
    expect(output.text('classes.txt')).toBe('Person\n');
    expect(JSON.parse(output.text('notes.json')).categories).toEqual([
      { id: 0, name: 'Person', keypoints: ['nose', 'eye'] },
    ]);
  });
});
