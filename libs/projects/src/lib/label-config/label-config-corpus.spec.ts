import { analyzeLabelConfig } from './label-config';
import { LabelConfigError } from './label-config.error';
import { BROKEN_CONFIGS, REAL_CONFIGS } from '../../../test/fixtures/label-configs';

function errorOf(config: unknown): string {
  try {
    analyzeLabelConfig(config);
  } catch (error) {
    expect(error).toBeInstanceOf(LabelConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the config to be rejected');
}

describe('label config corpus: real configs are accepted', () => {
  it.each(Object.entries(REAL_CONFIGS))('accepts %s', (_name, config) => {
    expect(() => analyzeLabelConfig(config)).not.toThrow();
  });

  it('image bounding boxes: full parsed_label_config', () => {
    const analyzed = analyzeLabelConfig(REAL_CONFIGS.imageBoundingBoxes);
    expect(analyzed.parsed_label_config).toEqual({
      label: {
        type: 'RectangleLabels',
        to_name: ['image'],
        inputs: [{ type: 'Image', value: 'image', valueType: null }],
        labels: ['Airplane', 'Car'],
        labels_attrs: {
          Airplane: { value: 'Airplane', background: 'green' },
          Car: { value: 'Car', background: 'blue' },
        },
      },
    });
    expect(analyzed.data_types).toEqual({ image: 'Image' });
    expect(analyzed.config_suitable_for_bulk_annotation).toBe(false);
  });

  it('text classification: full parsed_label_config, suitable for bulk', () => {
    const analyzed = analyzeLabelConfig(REAL_CONFIGS.textClassification);
    expect(analyzed.parsed_label_config).toEqual({
      sentiment: {
        type: 'Choices',
        to_name: ['text'],
        inputs: [{ type: 'Text', value: 'text', valueType: null }],
        labels: ['Positive', 'Negative', 'Neutral'],
        labels_attrs: {
          Positive: { value: 'Positive' },
          Negative: { value: 'Negative' },
          Neutral: { value: 'Neutral' },
        },
      },
    });
    expect(analyzed.config_suitable_for_bulk_annotation).toBe(true);
  });

  it('NER: full parsed_label_config, Filter is not a control', () => {
    const analyzed = analyzeLabelConfig(REAL_CONFIGS.namedEntityRecognition);
    const attrs = (value: string, background: string) => ({ value, background });
    expect(analyzed.parsed_label_config).toEqual({
      label: {
        type: 'Labels',
        to_name: ['text'],
        inputs: [{ type: 'Text', value: 'text', valueType: null }],
        labels: ['PER', 'ORG', 'LOC', 'MISC'],
        labels_attrs: {
          PER: attrs('PER', 'red'),
          ORG: attrs('ORG', 'darkorange'),
          LOC: attrs('LOC', 'orange'),
          MISC: attrs('MISC', 'green'),
        },
      },
    });
    expect(Object.keys(analyzed.control_weights)).toEqual(['label']);
  });

  it('per-region OCR: full parsed_label_config with conditionals', () => {
    const { parsed_label_config, data_types } = analyzeLabelConfig(REAL_CONFIGS.perRegionOcr);
    const inputs = [{ type: 'Image', value: 'ocr', valueType: null }];
    const geometry = (type: string) => ({
      type,
      to_name: ['image'],
      inputs,
      labels: [],
      labels_attrs: {},
    });
    expect(parsed_label_config).toEqual({
      label: {
        type: 'Labels',
        to_name: ['image'],
        inputs,
        labels: ['Text', 'Handwriting'],
        labels_attrs: {
          Text: { value: 'Text', background: 'green' },
          Handwriting: { value: 'Handwriting', background: 'blue' },
        },
      },
      bbox: geometry('Rectangle'),
      poly: geometry('Polygon'),
      transcription: geometry('TextArea'),
      confidence: { ...geometry('Rating'), conditionals: { type: 'label', name: 'Handwriting' } },
    });
    expect(data_types).toEqual({ ocr: 'Image' });
  });

  it('polygons, keypoints and brushes label their image', () => {
    expect(analyzeLabelConfig(REAL_CONFIGS.polygons).parsed_label_config.label.type).toBe(
      'PolygonLabels',
    );
    const keypoints = analyzeLabelConfig(REAL_CONFIGS.keypoints);
    expect(keypoints.parsed_label_config['kp-1'].to_name).toEqual(['img-1']);
    expect(keypoints.data_types).toEqual({ img: 'Image' });
    expect(
      analyzeLabelConfig(REAL_CONFIGS.brushSegmentation).parsed_label_config.tag.labels,
    ).toEqual(['Airplane', 'Car']);
  });

  it('relations: Relations without toName is not a control', () => {
    const { parsed_label_config } = analyzeLabelConfig(REAL_CONFIGS.relationExtraction);
    expect(Object.keys(parsed_label_config)).toEqual(['label']);
    expect(parsed_label_config.label.labels).toEqual(['Organization', 'Person', 'Datetime']);
  });

  it('audio transcription and video tracking', () => {
    const audio = analyzeLabelConfig(REAL_CONFIGS.audioTranscription);
    expect(audio.data_types).toEqual({ audio: 'Audio' });
    expect(audio.parsed_label_config.transcription.inputs).toEqual([
      { type: 'Audio', value: 'audio', valueType: null },
    ]);
    const video = analyzeLabelConfig(REAL_CONFIGS.videoObjectTracking);
    expect(video.parsed_label_config.box).toMatchObject({
      type: 'VideoRectangle',
      to_name: ['video'],
    });
    expect(video.parsed_label_config.videoLabels.labels).toEqual(['Man', 'Woman', 'Other']);
  });

  it('time series with channels', () => {
    const analyzed = analyzeLabelConfig(REAL_CONFIGS.timeSeriesSegmentation);
    expect(analyzed.data_types).toEqual({ csv: 'TimeSeries' });
    expect(analyzed.parsed_label_config.label.inputs).toEqual([
      { type: 'TimeSeries', value: 'csv', valueType: 'url' },
    ]);
  });

  it('pairwise and ranker', () => {
    const pairwise = analyzeLabelConfig(REAL_CONFIGS.pairwiseComparison);
    expect(pairwise.parsed_label_config.comparison.to_name).toEqual(['text1', 'text2']);
    expect(pairwise.data_types).toEqual({ text1: 'Text', text2: 'Text' });
    const ranker = analyzeLabelConfig(REAL_CONFIGS.ranker);
    expect(ranker.data_types).toEqual({ query: 'Text', items: 'List' });
    expect(ranker.parsed_label_config.rank.inputs).toEqual([
      { type: 'List', value: 'items', valueType: null },
    ]);
  });

  it('taxonomy collects nested choices', () => {
    const { parsed_label_config } = analyzeLabelConfig(REAL_CONFIGS.taxonomy);
    expect(parsed_label_config.taxonomy.labels).toEqual([
      'Archaea',
      'Bacteria',
      'Eukarya',
      'Human',
      'Oppossum',
      'Extraterrestial',
    ]);
  });

  it('conditional choices and dynamic labels', () => {
    const nested = analyzeLabelConfig(REAL_CONFIGS.nestedChoices).parsed_label_config;
    expect(nested['other-props'].labels).toEqual(['Descriptive', 'Emotional']);
    expect(nested.sentiment.labels).toEqual(['Positive', 'Negative', 'Neutral']);
    const dynamic = analyzeLabelConfig(REAL_CONFIGS.dynamicLabels).parsed_label_config;
    expect(dynamic.label).toMatchObject({ type: 'Labels', labels: [], dynamic_labels: true });
  });

  it('HTML NER and dialogue', () => {
    const html = analyzeLabelConfig(REAL_CONFIGS.htmlNer);
    expect(html.data_types).toEqual({ text: 'HyperText' });
    expect(html.parsed_label_config.ner.type).toBe('HyperTextLabels');
    const dialogue = analyzeLabelConfig(REAL_CONFIGS.dialogue);
    expect(dialogue.data_types).toEqual({ dialogue: 'Paragraphs' });
    expect(dialogue.parsed_label_config.ner.inputs).toEqual([
      { type: 'Paragraphs', value: 'dialogue', valueType: null },
    ]);
  });

  it('inline HTML in HyperText, layout tags and a self-referencing Chat', () => {
    const { parsed_label_config, data_types } = analyzeLabelConfig(
      REAL_CONFIGS.layoutTagsAndSelfReferencingChat,
    );
    expect(data_types).toEqual({ chat: 'Chat' });
    expect(parsed_label_config.chat.to_name).toEqual(['chat']);
    expect(parsed_label_config.response_rating.inputs).toEqual([
      { type: 'Chat', value: 'chat', valueType: null },
    ]);
  });

  it('matches tag names case-insensitively, as the editor does', () => {
    expect(() =>
      analyzeLabelConfig('<View><Text name="t" value="$t"/><textarea name="a" toName="t"/></View>'),
    ).not.toThrow();
  });
});

describe('label config corpus: broken configs are rejected with a useful message', () => {
  it.each(BROKEN_CONFIGS)('rejects %s', (_what, config, expected) => {
    const message = errorOf(config);
    if (typeof expected === 'string') expect(message).toBe(expected);
    else expect(message).toMatch(expected);
  });
});
