import { ByteRange } from '../storage-provider';

/**
 * The part of an object of `total` bytes that `range` asks for, its end clamped to the object;
 * null for the whole object: no range, or one starting past the end (a server may ignore a
 * Range it cannot satisfy and answer with everything).
 */
export function satisfiableRange(
  range: ByteRange | undefined,
  total: number,
): { start: number; end: number } | null {
  if (!range || range.start >= total) return null;
  const end = Math.min(range.end ?? total - 1, total - 1);
  return end < range.start ? null : { start: range.start, end };
}
