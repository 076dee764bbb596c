import type { ExportFormatName } from '../../../src/lib/export/formats/export-format';
import { IMAGE_EXPORT_FORMATS } from '../../../src/lib/export/formats/image/image-formats';
import { exportConfigOf } from '../format-kit';

function enabledFor(labelConfig: string): ExportFormatName[] {
  const config = exportConfigOf(labelConfig);
  return IMAGE_EXPORT_FORMATS.filter((format) => format.supports(config)).map(
    (format) => format.name,
  );
}

const ALL = [
  'COCO',
  'COCO_WITH_IMAGES',
  'VOC',
  'YOLO',
  'YOLO_WITH_IMAGES',
  'YOLO_OBB',
  'YOLO_OBB_WITH_IMAGES',
];
const WITHOUT_VOC = ALL.filter((name) => name !== 'VOC');
const OBB_ONLY = ['YOLO_OBB', 'YOLO_OBB_WITH_IMAGES'];

describe('which image formats a config enables', () => {
  it.each([
    [
      'rectangle labels on an image',
      '<View><Image name="i" value="$image"/><RectangleLabels name="r" toName="i"><Label value="a"/></RectangleLabels></View>',
      ALL,
    ],
    [
      'polygon labels: no VOC',
      '<View><Image name="i" value="$image"/><PolygonLabels name="p" toName="i"><Label value="a"/></PolygonLabels></View>',
      WITHOUT_VOC,
    ],
    [
      'Rectangle with Labels',
      '<View><Image name="i" value="$image"/><Rectangle name="r" toName="i"/><Labels name="l" toName="i"><Label value="a"/></Labels></View>',
      ALL,
    ],
    [
      'keypoints without rectangles: only OBB',
      '<View><Image name="i" value="$image"/><KeyPointLabels name="k" toName="i"><Label value="a"/></KeyPointLabels></View>',
      OBB_ONLY,
    ],
    [
      'keypoints with rectangles',
      '<View><Image name="i" value="$image"/><RectangleLabels name="r" toName="i"><Label value="a"/></RectangleLabels><KeyPointLabels name="k" toName="i"><Label value="b"/></KeyPointLabels></View>',
      ALL,
    ],
    [
      'two data keys',
      '<View><Image name="i" value="$image"/><Image name="j" value="$other"/><RectangleLabels name="r" toName="i,j"><Label value="a"/></RectangleLabels></View>',
      [],
    ],
    [
      'rectangles on a multi-image object (valueList): no one image per task',
      '<View><Image name="i" valueList="$images"/><RectangleLabels name="r" toName="i"><Label value="a"/></RectangleLabels></View>',
      [],
    ],
    [
      'text spans',
      '<View><Text name="t" value="$text"/><Labels name="l" toName="t"><Label value="a"/></Labels></View>',
      [],
    ],
    [
      'brushes',
      '<View><Image name="i" value="$image"/><BrushLabels name="b" toName="i"><Label value="a"/></BrushLabels></View>',
      [],
    ],
    [
      'choices only',
      '<View><Image name="i" value="$image"/><Choices name="c" toName="i"><Choice value="a"/></Choices></View>',
      [],
    ],
  ])('%s', (_title, labelConfig, expected) => {
    expect(enabledFor(labelConfig)).toEqual(expected);
  });

  it('video timelines take OBB away even where Rectangle + Labels enable COCO', () => {
    const config =
      '<View><Video name="v" value="$video"/><TimelineLabels name="t" toName="v"><Label value="a"/></TimelineLabels>' +
      '<Rectangle name="r" toName="v"/><Labels name="l" toName="v"><Label value="b"/></Labels></View>';

    expect(enabledFor(config)).toEqual(['COCO', 'COCO_WITH_IMAGES', 'YOLO', 'YOLO_WITH_IMAGES']);
  });

  it('lists the formats with the titles and links of the SDK', () => {
    expect(
      IMAGE_EXPORT_FORMATS.map(({ name, title, link, tags }) => ({ name, title, link, tags })),
    ).toEqual([
      {
        name: 'COCO',
        title: 'COCO',
        link: 'https://labelstud.io/guide/export.html#COCO',
        tags: ['image segmentation', 'object detection', 'keypoints'],
      },
      {
        name: 'COCO_WITH_IMAGES',
        title: 'COCO with Images',
        link: 'https://labelstud.io/guide/export.html#COCO',
        tags: ['image segmentation', 'object detection', 'keypoints'],
      },
      {
        name: 'VOC',
        title: 'Pascal VOC XML',
        link: 'https://labelstud.io/guide/export.html#Pascal-VOC-XML',
        tags: ['image segmentation', 'object detection'],
      },
      {
        name: 'YOLO',
        title: 'YOLO',
        link: 'https://labelstud.io/guide/export.html#YOLO',
        tags: ['image segmentation', 'object detection', 'keypoints'],
      },
      {
        name: 'YOLO_WITH_IMAGES',
        title: 'YOLO with Images',
        link: 'https://labelstud.io/guide/export.html#YOLO',
        tags: ['image segmentation', 'object detection', 'keypoints'],
      },
      {
        name: 'YOLO_OBB',
        title: 'YOLOv8 OBB',
        link: 'https://labelstud.io/guide/export.html#YOLO',
        tags: ['image segmentation', 'object detection'],
      },
      {
        name: 'YOLO_OBB_WITH_IMAGES',
        title: 'YOLOv8 OBB with Images',
        link: 'https://labelstud.io/guide/export.html#YOLO',
        tags: ['image segmentation', 'object detection'],
      },
    ]);
  });
});
