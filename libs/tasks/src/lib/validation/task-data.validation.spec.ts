import { taskDataProblems } from './task-data.validation';

describe('taskDataProblems', () => {
  const dataTypes = { text: 'Text', image: 'Image', table: 'Table' };

  it('accepts data that has every key with a value its tag can show', () => {
    expect(
      taskDataProblems({ text: 'hi', image: ['a.jpg', 'b.jpg'], table: { a: 1 } }, dataTypes),
    ).toEqual([]);
    expect(
      taskDataProblems({ text: 42, image: 'a.jpg', table: {}, extra: true }, dataTypes),
    ).toEqual([]);
  });

  it('names a missing key and the tag that needs it', () => {
    expect(taskDataProblems({ image: 'a.jpg', table: {} }, dataTypes)).toEqual([
      `"text" key is expected in task data (the label config's <Text> reads $text)`,
    ]);
  });

  it('names a value of the wrong kind with what the tag expects', () => {
    expect(taskDataProblems({ text: { nested: 1 }, image: 3, table: 'x' }, dataTypes)).toEqual([
      `data['text']={"nested":1} is of type 'object', but the object tag <Text> expects the following types: [string, number]`,
      `data['image']=3 is of type 'number', but the object tag <Image> expects the following types: [string, array]`,
      `data['table']="x" is of type 'string', but the object tag <Table> expects the following types: [object]`,
    ]);
  });

  it('wants a list for a Repeater key and a string for unlisted tags', () => {
    expect(taskDataProblems({ images: 'one.jpg' }, { 'images[{{idx}}]': 'Image' })[0]).toMatch(
      /data\['images'\]="one.jpg" is of type 'string'.*\[array\]/,
    );
    expect(taskDataProblems({ doc: 'x.pdf' }, { doc: 'PDF' })).toEqual([]);
  });

  it("looks for keys named like object properties among the data's own keys only", () => {
    expect(taskDataProblems({ text: 'x' }, { constructor: 'Text' })).toEqual([
      '"constructor" key is expected in task data (the label config\'s <Text> reads $constructor)',
    ]);
    expect(taskDataProblems({ toString: 'x' }, { toString: 'Text' })).toEqual([]);
    expect(taskDataProblems({ text: 'x' }, { text: 'constructor' })).toEqual([]);
  });

  it('refuses data that is not an object', () => {
    expect(taskDataProblems(['x'], dataTypes)).toEqual(['Task data must be an object']);
    expect(taskDataProblems(null, {})).toEqual(['Task data must be an object']);
  });
});
