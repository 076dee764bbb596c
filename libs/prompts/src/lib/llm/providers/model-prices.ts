/**
 * Published list prices in USD per 1M tokens (input, output), as of 2025-06-01, from the
 * providers' pricing pages (openai.com/api/pricing, anthropic.com/pricing,
 * ai.google.dev/gemini-api/docs/pricing). Keys are model ids or id prefixes: a dated snapshot
 * (`gpt-4o-2024-08-06`) is priced as its family (`gpt-4o`). Update the date with the figures.
 */
export const MODEL_PRICES_DATE = '2025-06-01';

export interface ModelPrice {
  inputPerMillion: number;
  outputPerMillion: number;
}

const price = (inputPerMillion: number, outputPerMillion: number): ModelPrice => ({
  inputPerMillion,
  outputPerMillion,
});

/** Longest prefix wins, so `gpt-4o-mini` is not priced as `gpt-4o`. */
export const MODEL_PRICES: Record<string, ModelPrice> = {
  // OpenAI
  'gpt-4.1': price(2, 8),
  'gpt-4.1-mini': price(0.4, 1.6),
  'gpt-4.1-nano': price(0.1, 0.4),
  'gpt-4o': price(2.5, 10),
  'gpt-4o-mini': price(0.15, 0.6),
  'gpt-4-turbo': price(10, 30),
  'gpt-4': price(30, 60),
  'gpt-3.5-turbo': price(0.5, 1.5),
  o1: price(15, 60),
  'o1-mini': price(1.1, 4.4),
  o3: price(2, 8),
  'o3-mini': price(1.1, 4.4),
  'o4-mini': price(1.1, 4.4),
  // Anthropic
  'claude-opus-4': price(15, 75),
  'claude-sonnet-4': price(3, 15),
  'claude-3-7-sonnet': price(3, 15),
  'claude-3-5-sonnet': price(3, 15),
  'claude-3-5-haiku': price(0.8, 4),
  'claude-3-opus': price(15, 75),
  'claude-3-haiku': price(0.25, 1.25),
  // Google
  'gemini-2.5-pro': price(1.25, 10),
  'gemini-2.5-flash': price(0.3, 2.5),
  'gemini-2.0-flash': price(0.1, 0.4),
  'gemini-2.0-flash-lite': price(0.075, 0.3),
  'gemini-1.5-pro': price(1.25, 5),
  'gemini-1.5-flash': price(0.075, 0.3),
};

const BY_LENGTH = Object.keys(MODEL_PRICES).sort((a, b) => b.length - a.length);

/** The price of `model` (a `provider/` prefix is ignored); null when the table has none. */
export function priceOf(model: string): ModelPrice | null {
  const id = model.toLowerCase().replace(/^[a-z]+[/:]/i, '');
  const key = BY_LENGTH.find((candidate) => id === candidate || id.startsWith(`${candidate}-`));
  return key ? MODEL_PRICES[key] : null;
}

/** USD for a call's tokens; null when the model has no known price. */
export function costOf(model: string, inputTokens: number, outputTokens: number): number | null {
  const known = priceOf(model);
  if (!known) return null;
  return (inputTokens * known.inputPerMillion + outputTokens * known.outputPerMillion) / 1_000_000;
}
