import { analyzeLabelConfig } from '@ls/projects';
import { checkedResult } from './result-input';
import { resultProblems } from './result-validation';

const config = analyzeLabelConfig(`<View>
  <Image name="image" value="$image"/>
  <RectangleLabels name="box" toName="image"><Label value="Car"/><Label value="Bus"/></RectangleLabels>
  <Choices name="kind" toName="image"><Choice value="Day"/><Choice value="Night"/></Choices>
  <Choices name="tags" toName="image" value="$options"/>
  <TextArea name="note" toName="image"/>
</View>`).parsed_label_config;

const box = (labels: unknown[], type = 'rectanglelabels') => ({
  from_name: 'box',
  to_name: 'image',
  type,
  value: { x: 1, y: 1, width: 2, height: 2, rectanglelabels: labels },
});

describe('resultProblems', () => {
  it('accepts items that fit the config, including split regions, relations and free text', () => {
    expect(
      resultProblems(
        [
          box(['Car']),
          { ...box([]), type: 'rectangle', value: { x: 1, y: 1, width: 2, height: 2 } },
          { from_name: 'kind', to_name: 'image', type: 'choices', value: { choices: ['Night'] } },
          {
            from_name: 'tags',
            to_name: 'image',
            type: 'choices',
            value: { choices: ['anything'] },
          },
          { from_name: 'note', to_name: 'image', type: 'textarea', value: { text: ['free'] } },
          { type: 'relation', from_id: 'a', to_id: 'b', direction: 'right' },
        ],
        config,
      ),
    ).toEqual([]);
  });

  it('names each bad item by index and says what is wrong', () => {
    expect(
      resultProblems(
        [
          box(['Car']),
          box(['Truck', 'Bus']),
          { ...box(['Car']), from_name: 'missing' },
          { ...box(['Car']), to_name: 'audio' },
          { ...box(['Car']), type: 'polygonlabels' },
          { from_name: 'kind' },
          42,
        ],
        config,
      ),
    ).toEqual([
      'result[1]: "Truck" not among the labels of "box"',
      'result[2]: from_name "missing" is not a control of the label config',
      'result[3]: to_name "audio" is not an object of control "box"',
      'result[4]: type "polygonlabels" does not match control "box" (RectangleLabels)',
      'result[5] needs string "from_name", "to_name" and "type"',
      'result[6] must be an object',
    ]);
  });

  it('parses a JSON string result and refuses what is not a list', () => {
    expect(checkedResult(JSON.stringify([box(['Bus'])]), config)).toEqual([box(['Bus'])]);
    expect(() => checkedResult('{"a":1}', config)).toThrow();
    expect(() => checkedResult('not json', config)).toThrow();
    expect(() => checkedResult([box(['Truck'])], config)).toThrow();
    expect(checkedResult([box(['Truck'])], config, { validate: false })).toEqual([box(['Truck'])]);
  });
});
