/** A `Content-Range` header of a ranged answer: `bytes 0-99/1234` (`*` when the store does not know the total). */
export function parseContentRange(
  header: string | null | undefined,
): { start: number; end: number; total: number | null } | null {
  const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header ?? '');
  if (!match) return null;
  return {
    start: Number(match[1]),
    end: Number(match[2]),
    total: match[3] === '*' ? null : Number(match[3]),
  };
}
