import { PyFloat, pyFloat, pyJson } from '../../../src/lib/export/formats/python-json';

describe('pyFloat', () => {
  it("writes floats as Python's repr does", () => {
    const values = [
      1,
      0.5,
      1e16,
      1e15,
      0.0001,
      1e-5,
      123456789.125,
      -2.5,
      1 / 3,
      1.5e-7,
      2.5e20,
      -0,
    ];
    expect(values.map(pyFloat)).toEqual([
      '1.0',
      '0.5',
      '1e+16',
      '1000000000000000.0',
      '0.0001',
      '1e-05',
      '123456789.125',
      '-2.5',
      '0.3333333333333333',
      '1.5e-07',
      '2.5e+20',
      '-0.0',
    ]);
  });
});

describe('pyJson', () => {
  it('writes json.dump(indent=2) layout with ASCII escapes', () => {
    const value = { a: [1, { b: [] }], c: {}, d: 'é\x7f\n' };
    expect(pyJson(value, { indent: 2, ensureAscii: true })).toBe(
      '{\n  "a": [\n    1,\n    {\n      "b": []\n    }\n  ],\n  "c": {},\n  "d": "\\u00e9\\u007f\\n"\n}',
    );
  });

  it('writes the one-line layout, floats marked as such, astral characters as surrogates', () => {
    const value = { a: [new PyFloat(1), {}], d: 'é😀' };
    expect(pyJson(value, { ensureAscii: true })).toBe(
      '{"a": [1.0, {}], "d": "\\u00e9\\ud83d\\ude00"}',
    );
    expect(pyJson(value, { ensureAscii: false })).toBe('{"a": [1.0, {}], "d": "é😀"}');
  });
});
