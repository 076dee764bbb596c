import { createHash } from 'node:crypto';

/** A SCAN `MATCH` pattern for the keys starting with `prefix`, its glob characters taken literally. */
export function prefixPattern(prefix: string): string {
  return `${prefix.replace(/[\\*?[\]]/g, '\\$&')}*`;
}

const DIGEST_LENGTH = 22;

/**
 * The keys one SCAN has returned. SCAN may return a key again after a rehash of Redis's table,
 * from any earlier page, so exact deduplication must remember every key: memory grows with the
 * number of keys, as Label Studio's `KEYS` reply does, but each entry is bounded. Keys shorter
 * than a digest are kept as they are; longer ones as a 128-bit SHA-256 prefix (22 base64
 * characters, so the two kinds never collide; a collision between digests is out of reach).
 */
export class SeenKeys {
  private readonly seen = new Set<string>();

  /** True the first time `key` is offered. */
  add(key: string): boolean {
    const entry =
      key.length < DIGEST_LENGTH
        ? key
        : createHash('sha256').update(key).digest().subarray(0, 16).toString('base64url');
    if (this.seen.has(entry)) return false;
    this.seen.add(entry);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}
