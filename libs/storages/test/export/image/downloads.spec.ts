import { contextOf, itemsOf, mediaOf, MemoryOutput } from '../format-kit';
import type { ResultRegion } from '../../../src/lib/export/formats/export-format';
import { annotation, BOXES_CONFIG, exportTasks, formatNamed, pngOf, task } from './image-fixtures';

/** A box from a prediction-like result that carries no image size. */
function unsizedBox(label: string, [x, y, width, height]: number[]): ResultRegion {
  return {
    from_name: 'label',
    to_name: 'image',
    type: 'rectanglelabels',
    value: { x, y, width, height, rotation: 0, rectanglelabels: [label] },
  };
}

const PNG_URL = '/data/upload/3/dd44-tiny.png';
const tiny = pngOf(4, 3);
const tasks = [task(1, PNG_URL, [annotation(11, [unsizedBox('Car', [25, 0, 50, 100])])])];

describe('downloaded images', () => {
  it('COCO copies the image and reads its size from the bytes', async () => {
    const media = mediaOf({ [PNG_URL]: tiny });
    const output = await exportTasks('COCO', BOXES_CONFIG, tasks, {
      downloadResources: true,
      media,
    });
    const result = JSON.parse(output.text('result.json'));

    expect(output.files.get('images/dd44-tiny.png')).toEqual(tiny);
    expect(result.images).toEqual([
      { width: 4, height: 3, id: 0, file_name: 'images/dd44-tiny.png' },
    ]);
    expect(result.annotations[0].bbox).toEqual([1, 0, 2, 3]);
    expect(media.opened).toEqual([PNG_URL]);
  });

  it('COCO without downloads opens no media and skips boxes without a size', async () => {
    const media = mediaOf({ [PNG_URL]: tiny });
    const output = await exportTasks('COCO', BOXES_CONFIG, tasks, { media });
    const result = JSON.parse(output.text('result.json'));

    expect(media.opened).toEqual([]);
    expect([...output.files.keys()]).toEqual(['result.json']);
    expect(result.images).toEqual([]);
    expect(result.annotations).toEqual([]);
  });

  it('the *_WITH_IMAGES formats download even when the export does not ask to', async () => {
    const output = new MemoryOutput();
    const context = contextOf(BOXES_CONFIG, {
      downloadResources: false,
      media: mediaOf({ [PNG_URL]: tiny }),
    });
    await formatNamed('YOLO_WITH_IMAGES').convert(itemsOf(tasks, BOXES_CONFIG), context, output);

    expect([...output.files.keys()].sort()).toEqual([
      'classes.txt',
      'images/dd44-tiny.png',
      'labels/dd44-tiny.txt',
      'notes.json',
    ]);
    expect(output.text('labels/dd44-tiny.txt')).toBe('0 0.5 0.5 0.5 1.0\n');
  });

  it('writes an image shared by several annotations once', async () => {
    const twice = [
      task(1, PNG_URL, [
        annotation(11, [unsizedBox('Car', [0, 0, 50, 50])], '2024-05-01T10:00:00Z'),
        annotation(12, [unsizedBox('Car', [0, 0, 50, 50])], '2024-05-02T10:00:00Z'),
      ]),
    ];
    const output = await exportTasks('COCO_WITH_IMAGES', BOXES_CONFIG, twice, {
      media: mediaOf({ [PNG_URL]: tiny }),
    });

    expect([...output.files.keys()].sort()).toEqual(['images/dd44-tiny.png', 'result.json']);
    expect(JSON.parse(output.text('result.json')).images).toHaveLength(2);
  });

  it('VOC takes the depth from the downloaded image', async () => {
    const rgbUrl = '/data/upload/3/rgb.png';
    const sized = (url: string) =>
      task(1, url, [
        annotation(11, [
          {
            ...unsizedBox('Car', [0, 0, 50, 50]),
            original_width: 4,
            original_height: 3,
          },
        ]),
      ]);
    const media = mediaOf({ [PNG_URL]: tiny, [rgbUrl]: pngOf(4, 3, false) });
    const rgba = await exportTasks('VOC', BOXES_CONFIG, [sized(PNG_URL)], {
      downloadResources: true,
      media,
    });
    const rgb = await exportTasks('VOC', BOXES_CONFIG, [sized(rgbUrl)], {
      downloadResources: true,
      media,
    });

    expect(rgba.text('Annotations/dd44-tiny.xml')).toContain('<depth>4</depth>');
    expect(rgb.text('Annotations/rgb.xml')).toContain('<depth>3</depth>');
    expect(rgb.files.has('images/rgb.png')).toBe(true);
  });

  it('goes on without an image that cannot be read', async () => {
    const output = await exportTasks('COCO_WITH_IMAGES', BOXES_CONFIG, [
      task(1, 'https://example.com/x/missing.jpg', [
        annotation(11, [
          { ...unsizedBox('Car', [0, 0, 50, 50]), original_width: 8, original_height: 6 },
        ]),
      ]),
    ]);
    const result = JSON.parse(output.text('result.json'));

    expect([...output.files.keys()]).toEqual(['result.json']);
    expect(result.images).toEqual([
      { width: 8, height: 6, id: 0, file_name: 'https://example.com/x/missing.jpg' },
    ]);
  });

  it('YOLO writes no label for a cloud image it could not download', async () => {
    const output = await exportTasks('YOLO_WITH_IMAGES', BOXES_CONFIG, [
      task(1, 's3://bucket/a.jpg', [annotation(11, [unsizedBox('Car', [0, 0, 50, 50])])]),
    ]);

    expect([...output.files.keys()].sort()).toEqual(['classes.txt', 'notes.json']);
  });
});
