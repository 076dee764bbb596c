import { RE2JS } from 're2js';

/** Longest `regex_filter` a storage may carry. */
export const MAX_REGEX_FILTER_LENGTH = 1_000;

/**
 * A storage's `regex_filter`, matched from the key's start as Python's `re.match` does. RE2
 * matches in time linear in the key, so a pattern that would backtrack catastrophically in a
 * backtracking engine costs nothing here; patterns RE2 cannot run (back references,
 * lookarounds) are refused when the storage is saved.
 */
export class KeyFilter {
  private constructor(private readonly pattern: RE2JS | null) {}

  static of(regexFilter: unknown): KeyFilter {
    if (typeof regexFilter !== 'string' || regexFilter === '') return new KeyFilter(null);
    return new KeyFilter(RE2JS.compile(regexFilter));
  }

  /** Why the pattern cannot be used, or null when it can. */
  static problemOf(regexFilter: unknown): string | null {
    if (typeof regexFilter !== 'string' || regexFilter === '') return null;
    if (regexFilter.length > MAX_REGEX_FILTER_LENGTH) {
      return `Regex filter is longer than ${MAX_REGEX_FILTER_LENGTH} characters`;
    }
    try {
      RE2JS.compile(regexFilter);
      return null;
    } catch (error) {
      return `Invalid regex filter: ${(error as Error).message}`;
    }
  }

  matches(key: string): boolean {
    return this.pattern === null || this.pattern.matcher(key).lookingAt();
  }
}
