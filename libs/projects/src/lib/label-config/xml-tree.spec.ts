import { LabelConfigError } from './label-config.error';
import { parseXmlTree, walk, XmlElement } from './xml-tree';

function rejectionOf(config: string): string {
  try {
    parseXmlTree(config);
  } catch (error) {
    expect(error).toBeInstanceOf(LabelConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the config to be rejected');
}

const shape = (element: XmlElement): unknown => ({
  tag: element.tag,
  path: element.path,
  attributes: { ...element.attributes },
  children: element.children.map(shape),
});

describe('parseXmlTree', () => {
  it('builds the tree of tags, attributes and paths; text, comments, CDATA and PIs are dropped', () => {
    const root = parseXmlTree(
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<!-- intro -->\n' +
        '<View style="a > b">\n  some text &amp; a reference\n  <![CDATA[ <Ignored/> ]]>\n' +
        '  <Text name=\'t\' value="$t"/><?editor hint?>\n' +
        '  <Choices name="c" toName="t"><!-- c --><Choice value="A"/></Choices>\n</View>\n<!-- end -->\n',
    );
    expect(shape(root)).toEqual({
      tag: 'View',
      path: 'View',
      attributes: { style: 'a > b' },
      children: [
        { tag: 'Text', path: 'View/Text', attributes: { name: 't', value: '$t' }, children: [] },
        {
          tag: 'Choices',
          path: 'View/Choices',
          attributes: { name: 'c', toName: 't' },
          children: [
            {
              tag: 'Choice',
              path: 'View/Choices/Choice',
              attributes: { value: 'A' },
              children: [],
            },
          ],
        },
      ],
    });
  });

  it('keeps attribute values without surrounding whitespace, with XML entities decoded', () => {
    const root = parseXmlTree('<View a="  x\n y " b = "&lt;b&gt;" c="R&amp;D"/>');
    expect({ ...root.attributes }).toEqual({ a: 'x  y', b: '<b>', c: 'R&D' });
  });

  it('treats __proto__ and constructor as ordinary names', () => {
    const root = parseXmlTree('<View __proto__="p" constructor="c"><__proto__/></View>');
    expect(root.attributes.__proto__).toBe('p');
    expect(root.attributes.constructor).toBe('c');
    expect(Object.keys(root.attributes)).toEqual(['__proto__', 'constructor']);
    expect(root.children[0].tag).toBe('__proto__');
  });

  it.each([
    [
      'Please label these images',
      'Text outside the root tag: a label config is XML, such as <View>…</View>: line 1, column 25',
    ],
    ['', 'Start tag expected: line 1, column 0'],
    [
      '<View>\n  <Text name="t" value="$t">\n</View>',
      'Closing tag does not match the tag opened before it: line 3, column 7',
    ],
    ['<View><Text name="t"/>', 'Tag <View> is not closed: line 1, column 22'],
    ['<View/></View>', 'Closing tag </View> has no open tag: line 1, column 14'],
    ['<View><Header value="x/></View>', 'Disallowed character: line 1, column 25'],
    ['<View a="1" a="2"/>', 'Duplicate attribute: a: line 1, column 19'],
    ['<View a=1/>', 'Unquoted attribute value: line 1, column 9'],
    ['<View a="1"b="2"/>', 'No whitespace between attributes: line 1, column 12'],
    ['<View><Text value/></View>', 'Disallowed character in attribute name: line 1, column 18'],
    ['<View><1a/></View>', 'Disallowed character in tag name: line 1, column 8'],
    ['< View/>', 'Disallowed character in tag name: line 1, column 2'],
    ['<View a="&foo;"/>', 'Undefined entity: line 1, column 14'],
    ['<View>\n<Header', 'Tag <View> is not closed: line 2, column 7'],
  ])('rejects %p: %s', (config, message) => {
    expect(rejectionOf(config)).toBe(message);
  });
});

describe('walk', () => {
  it('yields every element, parents before children, in document order', () => {
    const root = parseXmlTree('<View><A><B/><C/></A><D><E/></D></View>');
    expect([...walk(root)].map((element) => element.tag)).toEqual([
      'View',
      'A',
      'B',
      'C',
      'D',
      'E',
    ]);
  });
});
