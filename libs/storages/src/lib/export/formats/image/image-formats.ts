import type { ExportFormat } from '../export-format';
import { supportsCocoOrYolo, supportsYoloObb } from './availability';
import { cocoFormat } from './coco.format';
import { VOC_FORMAT } from './voc.format';
import { yoloFormat } from './yolo.format';

const YOLO_TAGS = ['image segmentation', 'object detection', 'keypoints'];
const YOLO_OBB_TAGS = ['image segmentation', 'object detection'];

const YOLO_DESCRIPTION =
  'Popular TXT format is created for each image file. Each txt file contains annotations for ' +
  'the corresponding image file, that is object class, object coordinates, height & width.';

const YOLO_OBB_DESCRIPTION =
  'Popular TXT format is created for each image file. Each txt file contains annotations for ' +
  'the corresponding image file. The YOLO OBB format designates bounding boxes by their four ' +
  'corner points with coordinates normalized between 0 and 1, so it is possible to export ' +
  'rotated objects.';

/** The image formats of the export (COCO, Pascal VOC, YOLO, YOLO OBB), in the SDK's order. */
export const IMAGE_EXPORT_FORMATS: ExportFormat[] = [
  cocoFormat({
    name: 'COCO',
    title: 'COCO',
    description:
      'Popular machine learning format used by the COCO dataset for object detection and image ' +
      'segmentation tasks with polygons and rectangles.',
    withImages: false,
  }),
  cocoFormat({
    name: 'COCO_WITH_IMAGES',
    title: 'COCO with Images',
    description: 'COCO format with images downloaded.',
    withImages: true,
  }),
  VOC_FORMAT,
  yoloFormat({
    name: 'YOLO',
    title: 'YOLO',
    description: YOLO_DESCRIPTION,
    tags: YOLO_TAGS,
    oriented: false,
    withImages: false,
    supports: supportsCocoOrYolo,
  }),
  yoloFormat({
    name: 'YOLO_WITH_IMAGES',
    title: 'YOLO with Images',
    description: 'YOLO format with images downloaded.',
    tags: YOLO_TAGS,
    oriented: false,
    withImages: true,
    supports: supportsCocoOrYolo,
  }),
  yoloFormat({
    name: 'YOLO_OBB',
    title: 'YOLOv8 OBB',
    description: YOLO_OBB_DESCRIPTION,
    tags: YOLO_OBB_TAGS,
    oriented: true,
    withImages: false,
    supports: supportsYoloObb,
  }),
  yoloFormat({
    name: 'YOLO_OBB_WITH_IMAGES',
    title: 'YOLOv8 OBB with Images',
    description: 'YOLOv8 OBB format with images downloaded.',
    tags: YOLO_OBB_TAGS,
    oriented: true,
    withImages: true,
    supports: supportsYoloObb,
  }),
];
