import { analyzeLabelConfig } from './label-config';
import { LabelConfigError } from './label-config.error';

const IMAGE_CONFIG = `
<View>
  <!-- a comment is ignored -->
  <Image name="image" value="$image"/>
  <RectangleLabels name="label" toName="image">
    <Label value="Car" background="red"/>
    <Label value="Person"/>
  </RectangleLabels>
  <View>
    <Choices name="quality" toName="image" choice="single">
      <Choice value="good"/>
      <Choice alias="B" value="bad"/>
    </Choices>
  </View>
</View>`;

function errorOf(config: unknown): string {
  try {
    analyzeLabelConfig(config);
  } catch (error) {
    expect(error).toBeInstanceOf(LabelConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the config to be rejected');
}

describe('analyzeLabelConfig', () => {
  it("builds parsed_label_config in Label Studio's shape", () => {
    const { parsed_label_config } = analyzeLabelConfig(IMAGE_CONFIG);
    expect(parsed_label_config).toEqual({
      label: {
        type: 'RectangleLabels',
        to_name: ['image'],
        inputs: [{ type: 'Image', value: 'image', valueType: null }],
        labels: ['Car', 'Person'],
        labels_attrs: {
          Car: { value: 'Car', background: 'red' },
          Person: { value: 'Person' },
        },
      },
      quality: {
        type: 'Choices',
        to_name: ['image'],
        inputs: [{ type: 'Image', value: 'image', valueType: null }],
        labels: ['good', 'B'],
        labels_attrs: { good: { value: 'good' }, B: { alias: 'B', value: 'bad' } },
      },
    });
  });

  it('derives data types, control tag presence, bulk suitability and default weights', () => {
    const analyzed = analyzeLabelConfig(IMAGE_CONFIG);
    expect(analyzed.data_types).toEqual({ image: 'Image' });
    expect(analyzed.config_has_control_tags).toBe(true);
    expect(analyzed.config_suitable_for_bulk_annotation).toBe(false);
    expect(analyzed.control_weights.label).toEqual({
      type: 'RectangleLabels',
      labels: { Car: 1, Person: 1 },
      overall: 1,
    });
  });

  it('keeps weights a user set', () => {
    const { control_weights } = analyzeLabelConfig(IMAGE_CONFIG, {
      label: { overall: 0.5, labels: { Car: 2 } },
    });
    expect(control_weights.label).toEqual({
      type: 'RectangleLabels',
      labels: { Car: 2, Person: 1 },
      overall: 0.5,
    });
  });

  it('accepts the empty default config and text classification in bulk', () => {
    expect(analyzeLabelConfig('<View></View>')).toMatchObject({
      parsed_label_config: {},
      data_types: {},
      config_has_control_tags: false,
    });
    const text = analyzeLabelConfig(
      '<View><Text name="t" value="$text"/><Choices name="s" toName="t"><Choice value="pos"/></Choices></View>',
    );
    expect(text.config_suitable_for_bulk_annotation).toBe(true);
    expect(text.data_types).toEqual({ text: 'Text' });
  });

  it('marks dynamic labels, conditionals and multi-object controls', () => {
    const { parsed_label_config } = analyzeLabelConfig(`
      <View>
        <Image name="left" value="$a"/><Image name="right" value="$b" valueType="url"/>
        <Pairwise name="pick" toName="left,right"/>
        <Labels name="ner" toName="left" value="$options"/>
        <TextArea name="note" toName="left" perRegion="true" whenLabelValue="Car"/>
      </View>`);
    expect(parsed_label_config.pick.to_name).toEqual(['left', 'right']);
    expect(parsed_label_config.pick.inputs[1]).toEqual({
      type: 'Image',
      value: 'b',
      valueType: 'url',
    });
    expect(parsed_label_config.ner.dynamic_labels).toBe(true);
    expect(parsed_label_config.note.conditionals).toEqual({ type: 'label', name: 'Car' });
  });

  it('names the data key of a multi-image object as valueList', () => {
    const { parsed_label_config, data_types } = analyzeLabelConfig(`
      <View>
        <Image name="pages" valueList="$pages"/>
        <RectangleLabels name="box" toName="pages"><Label value="Stamp"/></RectangleLabels>
      </View>`);
    expect(parsed_label_config.box.inputs).toEqual([
      { type: 'Image', valueType: null, valueList: 'pages' },
    ]);
    expect(parsed_label_config.box.inputs[0]).not.toHaveProperty('value');
    expect(data_types).toEqual({});
  });

  it('takes the first $field of a templated value, and Video over Audio on one key', () => {
    const { data_types } = analyzeLabelConfig(`
      <View>
        <HyperText name="h" value="Header: $title and $body"/>
        <Video name="v" value="$media"/><Audio name="a" value="$media"/>
      </View>`);
    expect(data_types).toEqual({ title: 'HyperText', media: 'Video' });
  });

  it.each([
    [null, 'can only parse strings'],
    ['<View><Image name="i" value="$i"></View>', /Closing tag does not match.*line 1/],
    [
      '<Choices name="c" toName="c"/>',
      'The root tag of a label config must be <View>, not <Choices>',
    ],
    [
      '<View><Image name="i" value="$i"/><Choices name="c"><Choice value="a"/></Choices></View>',
      "Validation failed on View/Choices: 'toName' is a required property",
    ],
    [
      '<View><Image name="i"/></View>',
      "Validation failed on View/Image: 'value' is a required property",
    ],
    [
      '<View><Text name="t" value="$t"/><Choices name="c" toName="t"/></View>',
      /<Choices> needs <Choice> children/,
    ],
    [
      '<View><Text name="t" value="$t"/><Text name="t" value="$u"/></View>',
      'Label config contains non-unique names: "t" is used twice',
    ],
    [
      '<View><Text name="t" value="$t"/><Choices name="c" toName="img"><Choice value="a"/></Choices></View>',
      /^toName="img" not found in names: \['c', 't'\]/,
    ],
    [
      '<!DOCTYPE x [<!ENTITY e "boom">]><View/>',
      'DTDs and entity declarations are not allowed in a label config',
    ],
  ])('rejects %p with a message a person can act on', (config, expected) => {
    const message = errorOf(config);
    if (typeof expected === 'string') expect(message).toBe(expected);
    else expect(message).toMatch(expected);
  });

  it('rejects tags the editor cannot show, and controls pointing at a control', () => {
    expect(
      errorOf(
        '<View><Foo name="x"/><Text name="t" value="$t"/><TextArea name="a" toName="t,x"/></View>',
      ),
    ).toBe('Unknown tag <Foo> at View/Foo: the Label Studio editor cannot show it');
    expect(
      errorOf(
        '<View><Text name="t" value="$t"/><Choices name="c" toName="t"><Choice value="a"/></Choices><TextArea name="a" toName="t,c"/></View>',
      ),
    ).toBe(
      '<TextArea name="a"> has toName="c", which is a <Choices>, not an object tag that shows data',
    );
  });

  it.each(['__proto__', 'constructor', 'toString', 'prototype'])(
    'treats %s as an ordinary name of tags, attributes, controls and labels',
    (name) => {
      const inlineHtml = `<View><HyperText name="h" value="$h"><${name}/></HyperText></View>`;
      expect(analyzeLabelConfig(inlineHtml).data_types).toEqual({ h: 'HyperText' });
      const { parsed_label_config } = analyzeLabelConfig(
        `<View><Text name="t" value="$t"/><Labels name="c" toName="t" ${name}="1"><Label value="${name}"/></Labels></View>`,
      );
      expect(Object.keys(parsed_label_config.c.labels_attrs)).toEqual([name]);
      expect(errorOf(`<View><${name}/></View>`)).toMatch(/^Unknown tag/);
    },
  );
});
