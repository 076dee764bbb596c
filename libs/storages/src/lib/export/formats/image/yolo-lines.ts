import type { OutputValue } from '../export-format';
import type { CategoryTable } from './categories';
import { orientedBoxCorners } from './geometry';
import { pythonFloat } from '../python-text';
import {
  boxOf,
  firstLabel,
  hasKey,
  labelsAt,
  numberField,
  pointsOf,
  sourceSizeOf,
} from './region-values';

const LABEL_KEYS = ['rectanglelabels', 'polygonlabels', 'labels'] as const;
const BOX_KEYS = ['rectanglelabels', 'rectangle', 'labels'] as const;
const POLYGON_KEYS = ['polygonlabels', 'polygon'] as const;

/** A line of a YOLO label file: the class id, then normalised coordinates. */
function line(classId: number, coordinates: number[]): string {
  return [String(classId), ...coordinates.map(pythonFloat)].join(' ');
}

/** `x_center y_center width height`, normalised. */
function boxCoordinates(value: OutputValue): number[] | undefined {
  const box = boxOf(value);
  if (!box) return undefined;
  return [
    (box.x + box.width / 2) / 100,
    (box.y + box.height / 2) / 100,
    box.width / 100,
    box.height / 100,
  ];
}

/** The four corners of the rotated box, normalised; the SDK needs the size and a rotation. */
function orientedCoordinates(value: OutputValue): number[] | undefined {
  const box = boxOf(value);
  const size = sourceSizeOf(value);
  const rotation = numberField(value, 'rotation');
  if (!box || !size || rotation === undefined) return undefined;
  return orientedBoxCorners(box, rotation, size.width, size.height).flat();
}

function polygonCoordinates(value: OutputValue): number[] | undefined {
  return pointsOf(value)?.flatMap(([x, y]) => [x / 100, y / 100]);
}

function coordinatesOf(value: OutputValue, oriented: boolean): number[] | undefined {
  if (BOX_KEYS.some((key) => hasKey(value, key))) {
    return oriented ? orientedCoordinates(value) : boxCoordinates(value);
  }
  if (POLYGON_KEYS.some((key) => hasKey(value, key))) return polygonCoordinates(value);
  return undefined;
}

/**
 * The label file of an annotation: a line per label of each box or polygon (a region with
 * several labels gives several lines), labels the config lacks added to the categories.
 */
export function yoloLabelFile(
  values: OutputValue[],
  categories: CategoryTable,
  oriented: boolean,
): string {
  const lines: string[] = [];
  for (const value of values) {
    const names = LABEL_KEYS.flatMap((key) => labelsAt(value, key));
    for (const name of names) {
      const classId = categories.idOf(name);
      const coordinates = coordinatesOf(value, oriented);
      if (coordinates) lines.push(line(classId, coordinates));
    }
  }
  return lines.map((text) => `${text}\n`).join('');
}

interface PoseBox {
  classId: number;
  box: number[];
  keypoints: Map<string, number[]>;
}

/** Region ids, which only reach the values when the export keeps them (keypoint projects). */
function regionId(value: OutputValue, key: 'id' | 'parentID'): unknown {
  return value[key];
}

function poseBoxes(values: OutputValue[], categories: CategoryTable): Map<unknown, PoseBox> {
  const boxes = new Map<unknown, PoseBox>();
  for (const value of values) {
    if (value.type.toLowerCase() !== 'rectanglelabels') continue;
    const label = firstLabel(value, ['rectanglelabels']);
    const classId = label === undefined ? undefined : categories.knownIdOf(label);
    const box = boxOf(value);
    if (classId === undefined || !box) continue;
    const x = box.x / 100;
    const y = box.y / 100;
    const width = box.width / 100;
    const height = box.height / 100;
    const center = [x + width / 2, y + height / 2, width, height];
    boxes.set(regionId(value, 'id'), { classId, box: center, keypoints: new Map() });
  }
  return boxes;
}

/**
 * The label file of a keypoint (pose) project: per box, its class and box, then for each
 * keypoint label in model order `x y 2` when the box has that point, else `0.0 0.0 0`.
 */
export function yoloPoseFile(
  values: OutputValue[],
  categories: CategoryTable,
  keypointOrder: string[],
): string {
  const boxes = poseBoxes(values, categories);
  for (const value of values) {
    if (value.type.toLowerCase() !== 'keypointlabels') continue;
    const parent = boxes.get(regionId(value, 'parentID'));
    const label = firstLabel(value, ['keypointlabels']);
    const x = numberField(value, 'x');
    const y = numberField(value, 'y');
    if (!parent || label === undefined || x === undefined || y === undefined) continue;
    parent.keypoints.set(label, [x / 100, y / 100]);
  }
  const lines = [...boxes.values()].map((pose) => {
    const points = keypointOrder.map((name) => {
      const point = pose.keypoints.get(name);
      return point ? `${pythonFloat(point[0])} ${pythonFloat(point[1])} 2` : '0.0 0.0 0';
    });
    return [line(pose.classId, pose.box), ...points].join(' ');
  });
  // The SDK joins pose lines without a final newline.
  return lines.join('\n');
}
