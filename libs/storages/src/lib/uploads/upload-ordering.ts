/** The columns a list of uploads may be ordered by (Label Studio's `ordering` query). */
const ORDERABLE = new Set(['id', 'file', 'size', 'created_at']);

export type UploadOrdering = [column: string, direction: 'ASC' | 'DESC'][];

/**
 * `ordering` (comma-separated columns, `-` for descending; unknown ones and repeats ignored) as
 * SQL ORDER BY terms, ending with `id` ascending unless `id` was named: a stable order.
 */
export function uploadOrdering(ordering: string | undefined): UploadOrdering {
  const terms: UploadOrdering = [];
  for (const key of (ordering ?? '').split(',').map((part) => part.trim())) {
    const column = key.replace(/^-/, '');
    if (!ORDERABLE.has(column) || terms.some(([named]) => named === column)) continue;
    terms.push([column, key.startsWith('-') ? 'DESC' : 'ASC']);
  }
  if (!terms.some(([column]) => column === 'id')) terms.push(['id', 'ASC']);
  return terms;
}
