import {
  annotation,
  box,
  BOXES_CONFIG,
  BOXES_TASKS,
  choice,
  exportTasks,
  golden,
  goldenJson,
  task,
} from './image-fixtures';

describe('image formats on the worked example of behavior.md 5.4', () => {
  it('COCO writes result.json with pixel boxes, categories of the region labels, and info', async () => {
    const output = await exportTasks('COCO', BOXES_CONFIG, BOXES_TASKS);

    expect([...output.files.keys()]).toEqual(['result.json']);
    expect(output.text('result.json')).toBe(goldenJson('boxes/coco-result.json'));
  });

  it('COCO result.json is the JSON text JSON.stringify gives the same object', async () => {
    const output = await exportTasks('COCO', BOXES_CONFIG, BOXES_TASKS);
    const text = output.text('result.json');

    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2));
  });

  it('YOLO writes a label file per image, classes.txt and notes.json', async () => {
    const output = await exportTasks('YOLO', BOXES_CONFIG, BOXES_TASKS);

    expect([...output.files.keys()].sort()).toEqual([
      'classes.txt',
      'labels/aa11-cat.txt',
      'labels/bb22-dog.txt',
      'notes.json',
    ]);
    expect(output.text('labels/aa11-cat.txt')).toBe(golden('boxes/yolo-aa11-cat.txt'));
    expect(output.text('labels/bb22-dog.txt')).toBe(golden('boxes/yolo-bb22-dog.txt'));
    expect(output.text('classes.txt')).toBe(golden('boxes/yolo-classes.txt'));
    expect(output.text('notes.json')).toBe(goldenJson('boxes/yolo-notes.json'));
  });

  it('YOLO OBB writes the four corners of an unrotated box', async () => {
    const output = await exportTasks('YOLO_OBB', BOXES_CONFIG, BOXES_TASKS);

    expect(output.text('labels/aa11-cat.txt')).toBe('0 0.1 0.2 0.4 0.2 0.4 0.6 0.1 0.6\n');
    expect(output.text('classes.txt')).toBe(golden('boxes/yolo-classes.txt'));
  });

  it('VOC writes Annotations/<image>.xml with integer corners', async () => {
    const output = await exportTasks('VOC', BOXES_CONFIG, BOXES_TASKS);

    expect([...output.files.keys()].sort()).toEqual([
      'Annotations/aa11-cat.xml',
      'Annotations/bb22-dog.xml',
    ]);
    expect(output.text('Annotations/aa11-cat.xml')).toBe(golden('boxes/voc-aa11-cat.xml'));
    expect(output.text('Annotations/bb22-dog.xml')).toContain(
      '<bndbox>\n<xmin>500</xmin>\n<ymin>250</ymin>\n<xmax>600</xmax>\n<ymax>350</ymax>\n</bndbox>',
    );
  });

  it('VOC escapes label text and names an expanded annotator by email', async () => {
    const config = BOXES_CONFIG;
    const tasks = [
      task(1, '/data/upload/3/a.jpg', [
        {
          ...annotation(11, [box('label', 'Car & <Bus>', [10, 20, 30, 40], [800, 600])]),
          completed_by: { id: 7, email: 'user7@example.com' },
        },
      ]),
    ];
    const xml = (await exportTasks('VOC', config, tasks)).text('Annotations/a.xml');

    expect(xml).toContain('<name>Car &amp; &lt;Bus&gt;</name>');
    expect(xml).toContain('<annotator>user7@example.com</annotator>');
  });

  it('truncates VOC pixels towards zero and keeps xmax = xmin + width', async () => {
    const tasks = [
      task(1, '/data/upload/3/a.jpg', [
        annotation(11, [box('label', 'Car', [10.07, 20.09, 30.05, 40.01], [333, 333])]),
      ]),
    ];
    const xml = (await exportTasks('VOC', BOXES_CONFIG, tasks)).text('Annotations/a.xml');

    // 33.53 -> 33, 66.89 -> 66, width 100.06 -> 100, height 133.23 -> 133
    expect(xml).toContain('<xmin>33</xmin>\n<ymin>66</ymin>\n<xmax>133</xmax>\n<ymax>199</ymax>');
  });

  it('gives a task without annotations an empty YOLO label file and a COCO image without size', async () => {
    const tasks = [...BOXES_TASKS, task(3, '/data/upload/3/cc33-empty.png', [])];

    const yolo = await exportTasks('YOLO', BOXES_CONFIG, tasks);
    expect(yolo.text('labels/cc33-empty.txt')).toBe('');

    const coco = JSON.parse((await exportTasks('COCO', BOXES_CONFIG, tasks)).text('result.json'));
    expect(coco.images[2]).toEqual({
      width: null,
      height: null,
      id: 2,
      file_name: 'images/cc33-empty.png',
    });
  });

  it('skips in VOC and COCO an annotation with only a choice, but YOLO writes its empty file', async () => {
    const tasks = [task(1, '/data/upload/3/a.jpg', [annotation(11, [choice('good')])])];

    expect((await exportTasks('VOC', BOXES_CONFIG, tasks)).files.size).toBe(0);
    const coco = JSON.parse((await exportTasks('COCO', BOXES_CONFIG, tasks)).text('result.json'));
    expect(coco.images).toEqual([]);
    expect((await exportTasks('YOLO', BOXES_CONFIG, tasks)).text('labels/a.txt')).toBe('');
  });

  it('gives every annotation of a task its own COCO image; YOLO keeps the oldest one', async () => {
    const tasks = [
      task(1, '/data/upload/3/a.jpg', [
        annotation(11, [box('label', 'Car', [10, 20, 30, 40], [800, 600])], '2024-05-01T10:00:00Z'),
        annotation(
          12,
          [box('label', 'Person', [0, 0, 50, 50], [800, 600])],
          '2024-05-02T10:00:00Z',
        ),
      ]),
    ];

    const coco = JSON.parse((await exportTasks('COCO', BOXES_CONFIG, tasks)).text('result.json'));
    expect(coco.images.map((image: { id: number }) => image.id)).toEqual([0, 1]);
    expect(coco.annotations.map((entry: { category_id: number }) => entry.category_id)).toEqual([
      1, 0,
    ]);
    // Newest first, each item rewrites the file: the oldest annotation's boxes remain.
    const yolo = await exportTasks('YOLO', BOXES_CONFIG, tasks);
    expect(yolo.text('labels/a.txt')).toBe('0 0.25 0.4 0.3 0.4\n');
  });

  it('writes whole-number YOLO coordinates as Python floats', async () => {
    const tasks = [
      task(1, '/data/upload/3/a.jpg', [
        annotation(11, [box('label', 'Car', [0, 0, 100, 100], [8, 6])]),
      ]),
    ];
    const output = await exportTasks('YOLO', BOXES_CONFIG, tasks);

    expect(output.text('labels/a.txt')).toBe('0 0.5 0.5 1.0 1.0\n');
  });

  it('appends labels the config does not list to the categories', async () => {
    const tasks = [
      task(1, '/data/upload/3/a.jpg', [
        annotation(11, [box('label', 'Truck', [0, 0, 50, 50], [8, 6])]),
      ]),
    ];
    const yolo = await exportTasks('YOLO', BOXES_CONFIG, tasks);

    expect(yolo.text('classes.txt')).toBe('Car\nPerson\nTruck\n');
    expect(yolo.text('labels/a.txt')).toBe('2 0.25 0.25 0.5 0.5\n');
  });
});
