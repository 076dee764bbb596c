import { RE2JS } from 're2js';

/** Longest pattern a `regex` filter may carry. */
export const MAX_PATTERN_LENGTH = 1_000;

// Syntax JavaScript accepts that PostgreSQL's regular expressions refuse or read otherwise:
// named groups, Unicode properties and braces, named back references.
const NOT_PORTABLE = /\(\?<[^=!]|\\[pPk]|\\u\{/;

/** PostgreSQL refuses a bound of a repetition (`a{300}`) above 255. */
const MAX_REPETITION = 255;

const repetitionCounts = (pattern: string) =>
  [...pattern.matchAll(/\{([0-9]+)(?:,([0-9]*))?\}/g)].flatMap((match) =>
    [match[1], match[2]].filter((count) => count).map(Number),
  );

/** `pattern` compiled by RE2, or null when RE2 refuses it (back references, lookarounds...). */
export function compiledRe2(pattern: string): RE2JS | null {
  try {
    return RE2JS.compile(pattern);
  } catch {
    return null;
  }
}

/**
 * Whether `pattern` means the same to both databases' regular expressions (SQLite's `regexp`
 * is RE2's, registered by {@link SqliteRegexpFunction}; PostgreSQL's is its own). A pattern
 * that is not is matched by no task, as Label Studio does with an invalid regex, instead of
 * raising a database error.
 */
export function isPortableRegex(pattern: string): boolean {
  if (pattern.length > MAX_PATTERN_LENGTH || NOT_PORTABLE.test(pattern)) return false;
  if (repetitionCounts(pattern).some((count) => count > MAX_REPETITION)) return false;
  try {
    // The `u` flag refuses what PostgreSQL refuses too: unknown escapes, lone braces.
    new RegExp(pattern, 'u');
  } catch {
    return false;
  }
  return compiledRe2(pattern) !== null;
}
