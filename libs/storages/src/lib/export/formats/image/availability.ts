import { inputDataKey } from '@ls/projects';
import type { ExportConfig } from '../export-format';

/** What the SDK's `_get_supported_formats` reads of a config. */
interface ConfigShape {
  controlTypes: Set<string>;
  objectTypes: Set<string>;
  dataKeyCount: number;
  /** An object reads a list of images (`valueList`): one task, many images. */
  multiImage: boolean;
}

function shapeOf(config: ExportConfig): ConfigShape {
  const controlTypes = new Set<string>();
  const objectTypes = new Set<string>();
  const dataKeys = new Set<string>();
  let multiImage = false;
  for (const control of Object.values(config.controls)) {
    controlTypes.add(control.type);
    for (const input of control.inputs) {
      dataKeys.add(inputDataKey(input));
      if (input.valueList) multiImage = true;
      if (input.type === 'Text' && input.valueType === 'url') continue;
      objectTypes.add(input.type);
    }
  }
  return { controlTypes, objectTypes, dataKeyCount: dataKeys.size, multiImage };
}

function hasBoth(shape: ConfigShape, control: string, other: string): boolean {
  return shape.controlTypes.has(control) && shape.controlTypes.has(other);
}

/** Image regions COCO and YOLO can write (the SDK's operator precedence kept as is). */
function hasImageRegions(shape: ConfigShape): boolean {
  const { controlTypes, objectTypes } = shape;
  return (
    (objectTypes.has('Image') &&
      (controlTypes.has('RectangleLabels') ||
        controlTypes.has('PolygonLabels') ||
        controlTypes.has('KeyPointLabels'))) ||
    hasBoth(shape, 'Rectangle', 'Labels') ||
    hasBoth(shape, 'PolygonLabels', 'Labels') ||
    hasBoth(shape, 'KeyPointLabels', 'Labels')
  );
}

/** One image a task: regions of a multi-image object have no one image to refer to. */
function isPlainImageRegionConfig(shape: ConfigShape): boolean {
  return shape.dataKeyCount <= 1 && !shape.multiImage && hasImageRegions(shape);
}

/** COCO and YOLO: keypoints need rectangles to hang on. */
export function supportsCocoOrYolo(config: ExportConfig): boolean {
  const shape = shapeOf(config);
  const keypointsWithoutBoxes =
    shape.controlTypes.has('KeyPointLabels') && !shape.controlTypes.has('RectangleLabels');
  return isPlainImageRegionConfig(shape) && !keypointsWithoutBoxes;
}

/** YOLO OBB: as YOLO without the keypoint rule, but not for video timelines. */
export function supportsYoloObb(config: ExportConfig): boolean {
  const shape = shapeOf(config);
  const videoTimeline = shape.objectTypes.has('Video') && shape.controlTypes.has('TimelineLabels');
  return isPlainImageRegionConfig(shape) && !videoTimeline;
}

/** Pascal VOC: rectangles on a single image. */
export function supportsVoc(config: ExportConfig): boolean {
  const shape = shapeOf(config);
  return (
    shape.dataKeyCount <= 1 &&
    !shape.multiImage &&
    shape.objectTypes.has('Image') &&
    (shape.controlTypes.has('RectangleLabels') || hasBoth(shape, 'Rectangle', 'Labels'))
  );
}

/** The data key holding the image URL: the one key the config's controls read. */
export function imageDataKey(config: ExportConfig): string | undefined {
  for (const control of Object.values(config.controls)) {
    const input = control.inputs[0];
    if (input) return inputDataKey(input);
  }
  return config.dataKeys[0];
}
