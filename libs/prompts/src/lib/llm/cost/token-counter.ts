import { getEncoding, Tiktoken } from 'js-tiktoken';

/** The two BPE vocabularies estimates use: GPT-4o and newer, and the GPT-4 / 3.5 generation. */
export type TokenizerName = 'o200k_base' | 'cl100k_base';

/** Model ids (after any `provider/` prefix) of the GPT-4 / GPT-3.5 generation, on cl100k_base. */
const CL100K_MODELS = /^(gpt-4(-turbo|-\d{4}|-32k)?|gpt-3\.5-turbo)(-|$)/;

/**
 * The tokenizer counted for `model`: cl100k_base for GPT-4 and GPT-3.5, o200k_base for every
 * other model. Anthropic and Google do not publish their tokenizers, so o200k_base stands in for
 * them as an approximation (their counts differ by some percent).
 */
export function tokenizerOf(model: string): TokenizerName {
  const id = model.toLowerCase().replace(/^[a-z]+[/:]/i, '');
  return CL100K_MODELS.test(id) ? 'cl100k_base' : 'o200k_base';
}

/** Built on first use (a vocabulary takes ~100 MB and half a second), then kept. */
const encoders = new Map<TokenizerName, Tiktoken>();

function encoderOf(name: TokenizerName): Tiktoken {
  let encoder = encoders.get(name);
  if (!encoder) {
    encoder = getEncoding(name);
    encoders.set(name, encoder);
  }
  return encoder;
}

/** Tokens of `text`; special-token markers in it count as plain text, as a provider reads them. */
export function countTokens(tokenizer: TokenizerName, text: string): number {
  if (!text) return 0;
  return encoderOf(tokenizer).encode(text, [], []).length;
}
