import { countTokens, TokenizerName } from './token-counter';
import type { SkillName } from '../prompts/prompt-skills';

/** JSON around a classification answer (`{"<control>": "<label>"}`), in tokens. */
export const ANSWER_OVERHEAD_TOKENS = 5;
/** One NER span's structure (offsets, keys, the entity's own words), in tokens. */
export const SPAN_TOKENS = 18;
/** NER: one expected span per this many tokens of input text. */
export const TEXT_TOKENS_PER_SPAN = 25;

/**
 * The completion tokens expected for one task (given the tokens of the text it reads), before the model has answered: a classification
 * names one label (the longest, so the estimate errs high); an NER answer lists spans, one per
 * `TEXT_TOKENS_PER_SPAN` tokens of the text it reads, each with the longest label.
 */
export function outputEstimator(
  tokenizer: TokenizerName,
  skill: SkillName,
  classes: readonly string[],
): (textTokens: number) => number {
  const label = Math.max(0, ...classes.map((name) => countTokens(tokenizer, name)));
  if (skill === 'NamedEntityRecognition') {
    return (textTokens) =>
      Math.max(1, Math.ceil(textTokens / TEXT_TOKENS_PER_SPAN)) * (SPAN_TOKENS + label);
  }
  return () => label + ANSWER_OVERHEAD_TOKENS;
}
