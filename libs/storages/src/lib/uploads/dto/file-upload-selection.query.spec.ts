import { parseUploadIds } from './file-upload-selection.query';

describe('parseUploadIds', () => {
  it.each([
    ['[1,2]', [1, 2]],
    [' [3, "4"] ', [3, 4]],
    [
      ['1', '2'],
      [1, 2],
    ],
    ['5,6', [5, 6]],
    ['7', [7]],
    ['', []],
    ['[]', []],
  ])('%j -> %j', (value, ids) => {
    expect(parseUploadIds(value)).toEqual(ids);
  });

  it.each(['[1,', 'a', '{"a":1}', '1,,2'])('%j is not a list of ids', (value) => {
    expect(parseUploadIds(value).every(Number.isInteger)).toBe(false);
  });
});
