import type { OutputValue } from '../export-format';
import type { CategoryTable } from './categories';
import { polygonArea, polygonBoundingBox, roundHalfEven, rotatedBoxEnvelope } from './geometry';
import {
  boxOf,
  hasKey,
  labelsAt,
  numberField,
  pointsOf,
  SourceSize,
  sourceSizeOf,
} from './region-values';

export interface CocoRegionAnnotation {
  id: number;
  image_id: number;
  category_id: number;
  segmentation: number[][];
  bbox: number[];
  ignore: 0;
  iscrowd: 0;
  area: number;
}

export interface CocoKeypointAnnotation {
  id: number;
  image_id: number;
  category_id: number;
  keypoints: number[];
  num_keypoints: number;
  bbox: number[];
  iscrowd: 0;
}

/** Where a region lands: its ids, and the image size to scale percentages by. */
export interface RegionPlacement {
  id: number;
  imageId: number;
  categoryId: number;
  imageSize: SourceSize;
}

/** A (possibly rotated) box: the envelope of the rotated box, scaled by the result's size. */
export function boxAnnotation(
  value: OutputValue,
  placement: RegionPlacement,
): CocoRegionAnnotation | undefined {
  const box = boxOf(value);
  if (!box) return undefined;
  const envelope = rotatedBoxEnvelope(box, numberField(value, 'rotation') ?? 0);
  const size = sourceSizeOf(value) ?? placement.imageSize;
  const x = (envelope.x * size.width) / 100;
  const y = (envelope.y * size.height) / 100;
  const width = (envelope.width * size.width) / 100;
  const height = (envelope.height * size.height) / 100;
  return regionAnnotation(placement, [], [x, y, width, height], width * height);
}

/** A polygon: its points as the segmentation, bounding box and shoelace area. */
export function polygonAnnotation(
  value: OutputValue,
  placement: RegionPlacement,
): CocoRegionAnnotation | undefined {
  const points = pointsOf(value);
  if (!points || points.length === 0) return undefined;
  const { width, height } = placement.imageSize;
  const xs = points.map(([x]) => (x / 100) * width);
  const ys = points.map(([, y]) => (y / 100) * height);
  const segmentation = xs.flatMap((x, index) => [x, ys[index]]);
  return regionAnnotation(
    placement,
    [segmentation],
    polygonBoundingBox(xs, ys),
    polygonArea(xs, ys),
  );
}

function regionAnnotation(
  placement: RegionPlacement,
  segmentation: number[][],
  bbox: number[],
  area: number,
): CocoRegionAnnotation {
  return {
    id: placement.id,
    image_id: placement.imageId,
    category_id: placement.categoryId,
    segmentation,
    bbox,
    ignore: 0,
    iscrowd: 0,
    area,
  };
}

/** Which COCO shape a labelled value is, by the label key it carries. */
export function shapeOf(value: OutputValue): 'box' | 'polygon' | 'keypoint' | undefined {
  if (hasKey(value, 'rectanglelabels') || hasKey(value, 'labels')) return 'box';
  if (hasKey(value, 'polygonlabels')) return 'polygon';
  if (hasKey(value, 'keypointlabels')) return 'keypoint';
  return undefined;
}

/**
 * One annotation for all keypoints of an annotation: `[x, y, v]` per keypoint label in model
 * order (pixels rounded, v=2 when placed, zeros otherwise), with the box around placed points.
 */
export function keypointAnnotation(
  keypointValues: OutputValue[],
  order: string[],
  placement: Omit<RegionPlacement, 'categoryId'>,
  categories: CategoryTable,
): CocoKeypointAnnotation {
  const keypoints = new Array<number>(order.length * 3).fill(0);
  for (const value of keypointValues) {
    const size = sourceSizeOf(value) ?? placement.imageSize;
    const x = numberField(value, 'x');
    const y = numberField(value, 'y');
    const labels = labelsAt(value, 'keypointlabels');
    if (x === undefined || y === undefined) continue;
    for (const label of labels) {
      const index = order.indexOf(label);
      if (index < 0) continue;
      keypoints.splice(
        index * 3,
        3,
        roundHalfEven((x / 100) * size.width),
        roundHalfEven((y / 100) * size.height),
        2,
      );
    }
  }
  const placed = order.map((_, index) => index).filter((index) => keypoints[index * 3 + 2] > 0);
  return {
    id: placement.id,
    image_id: placement.imageId,
    category_id: categories.knownIdOf(order[0]) ?? 0,
    keypoints,
    num_keypoints: placed.length,
    bbox: keypointBox(placed.map((index) => keypoints.slice(index * 3, index * 3 + 2))),
    iscrowd: 0,
  };
}

function keypointBox(points: number[][]): number[] {
  if (points.length === 0) return [0, 0, 0, 0];
  return polygonBoundingBox(
    points.map(([x]) => x),
    points.map(([, y]) => y),
  );
}
