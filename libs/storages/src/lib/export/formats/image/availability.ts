import type { ExportConfig } from '../export-format';

/** What the SDK's `_get_supported_formats` reads of a config. */
interface ConfigShape {
  controlTypes: Set<string>;
  objectTypes: Set<string>;
  dataKeyCount: number;
}

function shapeOf(config: ExportConfig): ConfigShape {
  const controlTypes = new Set<string>();
  const objectTypes = new Set<string>();
  const dataKeys = new Set<string>();
  for (const control of Object.values(config.controls)) {
    controlTypes.add(control.type);
    for (const input of control.inputs) {
      dataKeys.add(input.value);
      if (input.type === 'Text' && input.valueType === 'url') continue;
      objectTypes.add(input.type);
    }
  }
  return { controlTypes, objectTypes, dataKeyCount: dataKeys.size };
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

/**
 * The SDK also turns these formats off for multi-image objects (`valueList`), which the parsed
 * config does not tell apart from `value`: such configs stay enabled here.
 */
function isPlainImageRegionConfig(shape: ConfigShape): boolean {
  return shape.dataKeyCount <= 1 && hasImageRegions(shape);
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
    shape.objectTypes.has('Image') &&
    (shape.controlTypes.has('RectangleLabels') || hasBoth(shape, 'Rectangle', 'Labels'))
  );
}

/** The data key holding the image URL: the one key the config's controls read. */
export function imageDataKey(config: ExportConfig): string | undefined {
  for (const control of Object.values(config.controls)) {
    const input = control.inputs[0];
    if (input) return input.value;
  }
  return config.dataKeys[0];
}
