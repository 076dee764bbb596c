import {
  agrees,
  answerSchema,
  InvalidAnswerError,
  itemsOf,
  OutputTarget,
  resultOfAnswer,
} from './run-output';

const classes: OutputTarget = {
  skill: 'TextClassification',
  fromName: 'sentiment',
  toName: 'text',
  field: 'text',
  labels: ['Positive', 'Negative'],
};
const spans: OutputTarget = {
  ...classes,
  skill: 'NamedEntityRecognition',
  fromName: 'label',
  labels: ['PER'],
};

describe('run output', () => {
  it('asks for one of the prompt classes the config has', () => {
    expect(answerSchema(classes, ['Negative', 'Other'])).toMatchObject({
      properties: { label: { enum: ['Negative'] } },
    });
    expect(answerSchema(classes, [])).toMatchObject({
      properties: { label: { enum: ['Positive', 'Negative'] } },
    });
  });

  it('turns a label into a choices region and refuses one outside the config', () => {
    expect(resultOfAnswer(classes, { label: 'Positive' }, {})).toEqual([
      {
        from_name: 'sentiment',
        to_name: 'text',
        origin: 'prediction',
        type: 'choices',
        value: { choices: ['Positive'] },
      },
    ]);
    expect(() => resultOfAnswer(classes, { label: 'Neutral' }, {})).toThrow(InvalidAnswerError);
    expect(() => resultOfAnswer(classes, 'Positive', {})).toThrow(InvalidAnswerError);
  });

  it('checks span offsets against the text', () => {
    const data = { text: 'Hi Ann!' };
    const [region] = resultOfAnswer(
      spans,
      { entities: [{ start: 3, end: 6, text: 'Ann', label: 'PER' }] },
      data,
    );
    expect(region.value).toEqual({ start: 3, end: 6, text: 'Ann', labels: ['PER'] });
    for (const entity of [
      { start: 2, end: 5, text: 'Ann', label: 'PER' },
      { start: 3, end: 60, text: 'Ann', label: 'PER' },
      { start: 3, end: 6, text: 'Ann', label: 'ORG' },
      { start: 3.5, end: 6, text: 'Ann', label: 'PER' },
    ]) {
      expect(() => resultOfAnswer(spans, { entities: [entity] }, data)).toThrow(InvalidAnswerError);
    }
  });

  it('compares what a result says on the control', () => {
    const predicted = itemsOf(classes, resultOfAnswer(classes, { label: 'Positive' }, {}));
    const truth = itemsOf(classes, [
      { from_name: 'sentiment', type: 'choices', value: { choices: ['Positive'] } },
      { from_name: 'other', type: 'choices', value: { choices: ['X'] } },
    ]);
    expect(agrees(predicted, truth)).toBe(true);
    expect(agrees(predicted, itemsOf(classes, []))).toBe(false);
  });
});
