/**
 * Token spans as Label Studio's SDK finds them for CONLL2003: NLTK's Penn Treebank word tokenizer
 * (`TreebankWordTokenizer.span_tokenize`, NLTK 3.8) with the SDK's own punctuation rules (which
 * also split on `/`). The regular expressions follow Python's semantics: Unicode `\w`, `\d`,
 * `\s` and `\b`, and `$` that also matches before a final newline.
 */

/** Python's `str.isspace()` characters (what `\s` and `str.split()` use). */
const SPACE =
  '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const WORD = '[\\p{L}\\p{N}_]';
const WORD_START = `(?<!${WORD})`;
const WORD_END = `(?!${WORD})`;
/** Python's `$` without MULTILINE: the end, or just before a newline that ends the text. */
const END = '(?=\\n?$)';

type Rule = [RegExp, string];

const rule = (pattern: string, replacement: string, flags = ''): Rule => [
  new RegExp(pattern, `gu${flags}`),
  replacement,
];

const STARTING_QUOTES: Rule[] = [
  [/^"/u, '``'],
  rule('``', ' `` '),
  rule("([ (\\[{<])(\"|'')", '$1 `` '),
];

const PUNCTUATION: Rule[] = [
  rule('([:,])([^\\p{Nd}])', ' $1 $2'),
  rule(`([:,])${END}`, ' $1 '),
  rule('\\.\\.\\.', ' ... '),
  rule('[;@#$/%&]', ' $& '),
  rule(`([^.])(\\.)([\\])}>"']*)${SPACE}*$`, '$1 $2$3 '),
  rule('[?!]', ' $& '),
  rule("([^'])' ", "$1 ' "),
];

const PARENS_BRACKETS = rule('[\\][(){}<>]', ' $& ');
const DOUBLE_DASHES = rule('--', ' -- ');

const ENDING_QUOTES: Rule[] = [
  rule("''", " '' "),
  rule('"', " '' "),
  rule("([^' ])('[sS]|'[mM]|'[dD]|') ", '$1 $2 '),
  rule("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", '$1 $2 '),
];

const CONTRACTIONS: Rule[] = [
  rule(`${WORD_START}(can)(not)${WORD_END}`, ' $1 $2 ', 'i'),
  rule(`${WORD_START}(d)('ye)${WORD_END}`, ' $1 $2 ', 'i'),
  rule(`${WORD_START}(gim)(me)${WORD_END}`, ' $1 $2 ', 'i'),
  rule(`${WORD_START}(gon)(na)${WORD_END}`, ' $1 $2 ', 'i'),
  rule(`${WORD_START}(got)(ta)${WORD_END}`, ' $1 $2 ', 'i'),
  rule(`${WORD_START}(lem)(me)${WORD_END}`, ' $1 $2 ', 'i'),
  rule(`${WORD_START}(more)('n)${WORD_END}`, ' $1 $2 ', 'i'),
  rule(`${WORD_START}(wan)(na)(?=${SPACE})`, ' $1 $2 ', 'i'),
  rule(` ('t)(is)${WORD_END}`, ' $1 $2 ', 'i'),
  rule(` ('t)(was)${WORD_END}`, ' $1 $2 ', 'i'),
];

const applyAll = (text: string, rules: Rule[]) =>
  rules.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text);

/** `TreebankWordTokenizer.tokenize`: the tokens, with `"` turned into ``` `` ``` and `''`. */
export function treebankTokens(text: string): string[] {
  let padded = applyAll(text, STARTING_QUOTES);
  padded = applyAll(padded, PUNCTUATION);
  padded = applyAll(padded, [PARENS_BRACKETS, DOUBLE_DASHES]);
  padded = applyAll(` ${padded} `, ENDING_QUOTES);
  padded = applyAll(padded, CONTRACTIONS);
  return padded.split(new RegExp(`${SPACE}+`, 'u')).filter((token) => token.length > 0);
}

export interface TokenSpan {
  token: string;
  /** Offset of the token's first character, in code points (as Python counts). */
  start: number;
  /** Length in code points. */
  length: number;
}

/**
 * `span_tokenize`: each token found in the text from where the previous one ended. Converted
 * quotes are put back as they appear in the text first. `null` when a token cannot be found
 * again (NLTK raises there).
 */
export function treebankSpans(text: string): TokenSpan[] | null {
  const tokens = restoreQuotes(treebankTokens(text), text);
  if (!tokens) return null;
  const offsets = new CodePointOffsets(text);
  const spans: TokenSpan[] = [];
  let point = 0;
  for (const token of tokens) {
    const found = text.indexOf(token, point);
    if (found < 0) return null;
    point = found + token.length;
    const start = offsets.at(found);
    spans.push({ token, start, length: offsets.at(point) - start });
  }
  return spans;
}

function restoreQuotes(tokens: string[], text: string): string[] | null {
  if (!text.includes('"') && !text.includes("''")) return tokens;
  const quotes = text.match(/``|''|"/g) ?? [];
  let next = 0;
  const restored: string[] = [];
  for (const token of tokens) {
    const isQuote = token === '"' || token === '``' || token === "''";
    if (isQuote && next >= quotes.length) return null;
    restored.push(isQuote ? quotes[next++] : token);
  }
  return restored;
}

/** UTF-16 offsets to code point offsets, for offsets asked in increasing order. */
class CodePointOffsets {
  private unit = 0;
  private codePoint = 0;

  constructor(private readonly text: string) {}

  at(unit: number): number {
    while (this.unit < unit) {
      const code = this.text.charCodeAt(this.unit);
      const isPair =
        code >= 0xd800 &&
        code <= 0xdbff &&
        (this.text.charCodeAt(this.unit + 1) & 0xfc00) === 0xdc00;
      this.unit += isPair ? 2 : 1;
      this.codePoint++;
    }
    return this.codePoint;
  }
}
