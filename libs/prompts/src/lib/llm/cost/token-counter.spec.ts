import { outputEstimator } from './output-estimate';
import { countTokens, tokenizerOf } from './token-counter';

describe('tokenizerOf', () => {
  it.each([
    ['gpt-4o', 'o200k_base'],
    ['gpt-4o-mini-2024-07-18', 'o200k_base'],
    ['gpt-4.1', 'o200k_base'],
    ['o3-mini', 'o200k_base'],
    ['gpt-4', 'cl100k_base'],
    ['gpt-4-turbo', 'cl100k_base'],
    ['gpt-4-0613', 'cl100k_base'],
    ['openai/gpt-3.5-turbo', 'cl100k_base'],
    ['claude-sonnet-4-20250514', 'o200k_base'],
  ])('%s → %s', (model, tokenizer) => {
    expect(tokenizerOf(model)).toBe(tokenizer);
  });
});

describe('countTokens', () => {
  it('counts special-token markers as text and nothing for an empty string', () => {
    expect(countTokens('o200k_base', '')).toBe(0);
    expect(countTokens('o200k_base', 'hello <|endoftext|>')).toBeGreaterThan(2);
  });
});

describe('outputEstimator', () => {
  it('a classification answers the longest label; NER a span per 25 tokens of text', () => {
    const label = countTokens('o200k_base', 'Positive');
    expect(outputEstimator('o200k_base', 'TextClassification', ['Positive', 'No'])(999)).toBe(
      label + 5,
    );
    const ner = outputEstimator('o200k_base', 'NamedEntityRecognition', ['PER']);
    const per = countTokens('o200k_base', 'PER');
    expect(ner(0)).toBe(18 + per);
    expect(ner(51)).toBe(3 * (18 + per));
  });
});
