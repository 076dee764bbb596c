import { ValidationFailedException } from '@ls/core';
import type { ParsedLabelConfig } from '@ls/projects';
import { resultProblems } from './result-validation';

/**
 * A result as clients send it: a list, or a JSON string of one (Label Studio accepts both).
 * Anything else is a 400 naming `result`.
 */
export function parseResult(value: unknown): unknown[] {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new ValidationFailedException({
        result: [`annotation "result" can't be parse from str to JSON`],
      });
    }
  }
  if (!Array.isArray(parsed)) {
    throw new ValidationFailedException({
      result: ['annotation "result" field in annotation must be list'],
    });
  }
  return parsed;
}

/** The parsed result, or a 400 listing each item that does not fit the label config. */
export function checkedResult(
  value: unknown,
  config: ParsedLabelConfig,
  { validate }: { validate: boolean } = { validate: true },
): unknown[] {
  const result = parseResult(value);
  if (!validate) return result;
  const problems = resultProblems(result, config);
  if (problems.length > 0) throw new ValidationFailedException({ result: problems });
  return result;
}
