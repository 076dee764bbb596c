/**
 * Geometry of Label Studio image regions. Regions store percentages of the image size; the
 * arithmetic keeps the SDK converter's order of operations so the floats come out the same.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Point = [number, number];

/**
 * The axis-aligned envelope (still in percent) of a rectangle rotated by `rotation` degrees about
 * its top-left corner, as the SDK's COCO export computes it (in percent space, like the SDK).
 */
export function rotatedBoxEnvelope(box: Box, rotation: number): Box {
  if (Math.abs(rotation) === 0) return box;
  const alpha = Math.atan(box.height / box.width);
  const beta = Math.PI * (rotation / 180);
  const radius = Math.sqrt((box.width / 2) ** 2 + (box.height / 2) ** 2);
  const centerX =
    box.x - radius * (Math.cos(Math.PI - alpha - beta) - Math.cos(Math.PI - alpha)) + box.width / 2;
  const centerY =
    box.y +
    radius * (Math.sin(Math.PI - alpha - beta) - Math.sin(Math.PI - alpha)) +
    box.height / 2;
  const angles = [
    alpha + beta,
    Math.PI - alpha + beta,
    Math.PI + alpha + beta,
    2 * Math.PI - alpha + beta,
  ];
  const xs = angles.map((angle) => centerX + radius * Math.cos(angle));
  const ys = angles.map((angle) => centerY + radius * Math.sin(angle));
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/**
 * The corners (top-left, top-right, bottom-right, bottom-left before rotation) of a rectangle
 * rotated by `rotation` degrees clockwise about its top-left corner, normalised to 0..1.
 */
export function orientedBoxCorners(
  box: Box,
  rotation: number,
  imageWidth: number,
  imageHeight: number,
): Point[] {
  const x = (box.x / 100) * imageWidth;
  const y = (box.y / 100) * imageHeight;
  const w = (box.width / 100) * imageWidth;
  const h = (box.height / 100) * imageHeight;
  const radians = rotation * (Math.PI / 180);
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const corners: Point[] = [
    [x, y],
    [x + w * cos, y + w * sin],
    [x + w * cos - h * sin, y + w * sin + h * cos],
    [x - h * sin, y + h * cos],
  ];
  return corners.map(([cornerX, cornerY]) => [cornerX / imageWidth, cornerY / imageHeight]);
}

/** Polygon area by the shoelace formula. */
export function polygonArea(xs: number[], ys: number[]): number {
  let forward = 0;
  let backward = 0;
  for (let index = 0; index < xs.length; index++) {
    const previous = (index + xs.length - 1) % xs.length;
    forward += xs[index] * ys[previous];
    backward += ys[index] * xs[previous];
  }
  return 0.5 * Math.abs(forward - backward);
}

/** `[x, y, width, height]` of the smallest box around the points. */
export function polygonBoundingBox(xs: number[], ys: number[]): number[] {
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  return [minX, minY, Math.max(...xs) - minX, Math.max(...ys) - minY];
}

/** Python's `round()`: halves go to the even neighbour. */
export function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
