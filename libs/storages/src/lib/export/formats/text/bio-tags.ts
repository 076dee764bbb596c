import { OutputValue } from '../export-format';
import { TokenSpan, treebankSpans } from './treebank-tokenizer';

export interface TaggedToken {
  token: string;
  tag: string;
}

interface LabeledSpan {
  start: number;
  /** The offset of the span's last character (`end - 1`). */
  last: number;
  label: string | null;
}

function labeledSpanOf(value: OutputValue): LabeledSpan {
  const labels = value['labels'];
  const first: unknown = Array.isArray(labels) && labels.length > 0 ? labels[0] : null;
  return {
    start: Number(value['start']),
    last: Number(value['end']) - 1,
    label: first === null ? null : String(first),
  };
}

function tokensOf(text: string): TokenSpan[] {
  const spans = treebankSpans(text);
  if (spans) return spans;
  // NLTK raises here; plain whitespace tokens keep the rest of the export going.
  return [...text.matchAll(/\S+/gu)].map((match) => ({
    token: match[0],
    start: [...text.slice(0, match.index)].length,
    length: [...match[0]].length,
  }));
}

/**
 * BIO tags of the text's tokens from the Labels spans, as the SDK's `create_tokens_and_tags`
 * assigns them (spans by start; a token takes the current span's label when their characters
 * overlap, `B-` for the first token of the span, `I-` after; every token `O` when there are no
 * spans or one lacks `start`/`end`).
 */
export function bioTags(text: string, values: OutputValue[] | undefined): TaggedToken[] {
  const tokens = tokensOf(text);
  const hasOffsets = values?.every((value) => value['start'] != null && value['end'] != null);
  if (!values || values.length === 0 || !hasOffsets) {
    return tokens.map(({ token }) => ({ token, tag: 'O' }));
  }
  const pending = values.map(labeledSpanOf).sort((a, b) => a.start - b.start);
  let span = pending.shift() as LabeledSpan;
  let prefix = 'B-';
  return tokens.map(({ token, start, length }) => {
    const last = start + length - 1;
    if (start > span.last) {
      while (pending.length > 0) {
        span = pending.shift() as LabeledSpan;
        prefix = 'B-';
        if (start <= span.last) break;
      }
    }
    if (last < span.start || span.label === null || span.last < start) return { token, tag: 'O' };
    const tag = prefix + span.label;
    prefix = 'I-';
    return { token, tag };
  });
}
