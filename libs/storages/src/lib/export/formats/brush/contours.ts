/**
 * Outer contours of a mask as OpenCV's `findContours(mask, RETR_EXTERNAL, CHAIN_APPROX_SIMPLE)`
 * gives them (Suzuki-Abe border following, the algorithm of OpenCV's `icvFetchContour`), so
 * BRUSH_TO_COCO polygons match the SDK's point for point: the same start pixel, direction and
 * corner points, and the contours in OpenCV's order (last found first).
 */

export type Point = [x: number, y: number];

/** Directions 0..7: right, up-right, up, up-left, left, down-left, down, down-right. */
const STEPS: Point[] = [
  [1, 0],
  [1, -1],
  [0, -1],
  [-1, -1],
  [-1, 0],
  [-1, 1],
  [0, 1],
  [1, 1],
];

/** Border marks of traced pixels (OpenCV's `nbd` and `nbd | -128`). */
const BORDER = 2;
const RIGHT_BORDER = -126;

/** The mask with a zero frame (as OpenCV pads it), foreground as 1. */
class Grid {
  readonly stride: number;
  readonly cells: Int8Array;
  readonly neighbour: number[];

  constructor(mask: Uint8Array, width: number, height: number) {
    this.stride = width + 2;
    this.cells = new Int8Array(this.stride * (height + 2));
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (mask[y * width + x] !== 0) this.cells[(y + 1) * this.stride + x + 1] = 1;
      }
    }
    const offsets = STEPS.map(([dx, dy]) => dy * this.stride + dx);
    this.neighbour = [...offsets, ...offsets];
  }

  /** The point (in mask coordinates) of a cell. */
  pointOf(cell: number): Point {
    return [(cell % this.stride) - 1, Math.floor(cell / this.stride) - 1];
  }
}

/** Follows the outer border that starts at `start`, marking it; its corner points in order. */
function traceOuterBorder(grid: Grid, start: number): Point[] {
  const { cells, neighbour } = grid;
  let direction = 4;
  let first = start;
  do {
    direction = (direction - 1) & 7;
    first = start + neighbour[direction];
  } while (cells[first] === 0 && direction !== 4);
  if (direction === 4) {
    cells[start] = RIGHT_BORDER;
    return [grid.pointOf(start)];
  }
  const points: Point[] = [];
  let point = grid.pointOf(start);
  let previousDirection = direction ^ 4;
  let current = start;
  for (;;) {
    const searchedFrom = direction;
    let next = current;
    while (direction < 15) {
      next = current + neighbour[++direction];
      if (cells[next] !== 0) break;
    }
    direction &= 7;
    // The search went past the right neighbour (direction 0) and found it empty.
    if (direction !== 0 && direction - 1 < searchedFrom) cells[current] = RIGHT_BORDER;
    else if (cells[current] === 1) cells[current] = BORDER;
    if (direction !== previousDirection) {
      points.push(point);
      previousDirection = direction;
    }
    point = [point[0] + STEPS[direction][0], point[1] + STEPS[direction][1]];
    if (next === start && current === first) return points;
    current = next;
    direction = (direction + 4) & 7;
  }
}

/** The outer contours of the mask's non-zero pixels (holes and what lies inside them left out). */
export function externalContours(mask: Uint8Array, width: number, height: number): Point[][] {
  const grid = new Grid(mask, width, height);
  const { cells, stride } = grid;
  const contours: Point[][] = [];
  for (let y = 1; y <= height; y++) {
    let previous = 0;
    let lastBorder = y * stride;
    for (let cell = y * stride + 1; cell <= y * stride + width; cell++) {
      let value = cells[cell];
      if (value === previous) continue;
      // An outer border starts here unless the last border to the left is one we are inside.
      if (previous === 0 && value === 1 && cells[lastBorder] <= 0) {
        contours.push(traceOuterBorder(grid, cell));
        lastBorder = cell;
        value = cells[cell];
      }
      previous = value;
      if (value !== 0 && value !== 1) lastBorder = cell;
    }
  }
  return contours.reverse();
}

/** `cv2.boundingRect` of integer points: `[x, y, width, height]`, both ends included. */
export function boundingRect(points: Point[]): [number, number, number, number] {
  let [left, top] = points[0];
  let [right, bottom] = points[0];
  for (const [x, y] of points) {
    [left, right] = [Math.min(left, x), Math.max(right, x)];
    [top, bottom] = [Math.min(top, y), Math.max(bottom, y)];
  }
  return [left, top, right - left + 1, bottom - top + 1];
}

/** `cv2.contourArea`: the shoelace area of the closed polygon. */
export function contourArea(points: Point[]): number {
  let twice = 0;
  let [previousX, previousY] = points[points.length - 1];
  for (const [x, y] of points) {
    twice += previousX * y - previousY * x;
    [previousX, previousY] = [x, y];
  }
  return Math.abs(twice) / 2;
}
