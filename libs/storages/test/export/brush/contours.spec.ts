import {
  boundingRect,
  contourArea,
  externalContours,
} from '../../../src/lib/export/formats/brush/contours';

const contoursOf = (rows: number[][]) =>
  externalContours(Uint8Array.from(rows.flat()), rows[0].length, rows.length);

describe('externalContours (as OpenCV RETR_EXTERNAL + CHAIN_APPROX_SIMPLE)', () => {
  it('gives the corners of a block, down the left side first', () => {
    expect(
      contoursOf([
        [0, 0, 0],
        [0, 1, 1],
        [0, 1, 1],
      ]),
    ).toEqual([
      [
        [1, 1],
        [1, 2],
        [2, 2],
        [2, 1],
      ],
    ]);
  });

  it('leaves out holes and what lies inside them', () => {
    const ring = [
      [1, 1, 1, 1, 1],
      [1, 0, 0, 0, 1],
      [1, 0, 1, 0, 1],
      [1, 0, 0, 0, 1],
      [1, 1, 1, 1, 1],
    ];
    expect(contoursOf(ring)).toEqual([
      [
        [0, 0],
        [0, 4],
        [4, 4],
        [4, 0],
      ],
    ]);
  });

  it('walks a U shape around, its inner side included', () => {
    expect(
      contoursOf([
        [1, 0, 0, 1],
        [1, 0, 0, 1],
        [1, 1, 1, 1],
      ]),
    ).toEqual([
      [
        [0, 0],
        [0, 2],
        [3, 2],
        [3, 0],
        [3, 1],
        [2, 2],
        [1, 2],
        [0, 1],
      ],
    ]);
  });

  it('keeps diagonal lines and single pixels, last found first', () => {
    expect(
      contoursOf([
        [1, 0, 0, 0, 1],
        [0, 1, 0, 0, 0],
        [0, 0, 1, 0, 0],
      ]),
    ).toEqual([
      [[4, 0]],
      [
        [0, 0],
        [2, 2],
      ],
    ]);
  });

  it('measures as cv2.boundingRect and cv2.contourArea', () => {
    const contour: [number, number][] = [
      [0, 0],
      [0, 2],
      [3, 2],
      [3, 0],
    ];
    expect(boundingRect(contour)).toEqual([0, 0, 4, 3]);
    expect(contourArea(contour)).toBe(6);
  });
});
