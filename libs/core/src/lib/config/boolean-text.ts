const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off']);

/** A boolean written as text (settings, query parameters), case and spaces ignored; else undefined. */
export function booleanOfText(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

/**
 * A class-transformer `@Transform` for boolean settings and query parameters: text that names a
 * boolean becomes it; other text stays as it is, so `@IsBoolean()` refuses it, unless
 * `otherwise` says what it means (Label Studio reads any other query value as false).
 */
export const toBool =
  (options: { otherwise?: boolean } = {}) =>
  ({ value }: { value: unknown }): unknown => {
    if (typeof value !== 'string') return value;
    return booleanOfText(value) ?? options.otherwise ?? value;
  };
