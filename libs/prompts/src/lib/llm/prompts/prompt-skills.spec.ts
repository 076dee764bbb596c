import type { ParsedLabelConfig } from '@ls/projects';
import { skillFit } from './prompt-skills';

const text = (value: string) => ({ type: 'Text', valueType: null, value });
const control = (type: string, labels: string[], inputs = [text('text')]) => ({
  type,
  to_name: ['text'],
  inputs,
  labels,
  labels_attrs: {},
});

describe('skill fit', () => {
  const classification: ParsedLabelConfig = { sentiment: control('Choices', ['Pos', 'Neg']) };
  const ner: ParsedLabelConfig = { label: control('Labels', ['PER', 'ORG']) };

  it('TextClassification: Choices on a Text object; fields and classes from the config', () => {
    expect(skillFit(classification, 'TextClassification')).toEqual({
      fits: true,
      input_fields: ['text'],
      output_classes: ['Pos', 'Neg'],
    });
    expect(skillFit(ner, 'TextClassification')).toMatchObject({ fits: false });
  });

  it('NamedEntityRecognition: Labels on a Text object', () => {
    expect(skillFit(ner, 'NamedEntityRecognition')).toMatchObject({
      fits: true,
      output_classes: ['PER', 'ORG'],
    });
    expect(skillFit(classification, 'NamedEntityRecognition')).toEqual({
      fits: false,
      reason: 'NamedEntityRecognition needs no Choices control, the config has one.',
    });
  });

  it('needs a Text object, and refuses configs with both kinds', () => {
    const image = {
      choice: control('Choices', ['a'], [{ type: 'Image', valueType: null, value: 'image' }]),
    };
    expect(skillFit(image, 'TextClassification')).toEqual({
      fits: false,
      reason: 'TextClassification needs a Choices control on a Text object.',
    });
    expect(skillFit({ ...classification, ...ner }, 'TextClassification')).toMatchObject({
      fits: false,
    });
    expect(skillFit(null, 'TextClassification')).toMatchObject({ fits: false });
  });
});
