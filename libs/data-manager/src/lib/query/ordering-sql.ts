import { SqlParameters } from './sql-parameters';
import { columnNameOf, orderExpression } from './task-columns';

export interface OrderingTerm {
  expression: string;
  direction: 'ASC' | 'DESC';
  /** Never null: ordered without `NULLS LAST`, which would keep both databases off an index. */
  notNull?: boolean;
}

/**
 * The order of a task list: only the first column counts (`-` descending), `data.*` as text
 * unless listed in `numberColumns` (the view's `columnsDisplayType`, as `tasks:data.x` or
 * `data.x`); nulls last both ways; the task id (ascending) settles ties. Default: id ascending.
 */
export function orderingTerms(
  params: SqlParameters,
  ordering: readonly string[],
  numberColumns: readonly string[] = [],
): OrderingTerm[] {
  const tieBreaker: OrderingTerm = { expression: 'task.id', direction: 'ASC', notNull: true };
  const [first] = ordering;
  if (!first) return [tieBreaker];
  const column = columnNameOf(first);
  const asNumber = numberColumns.some((name) => columnNameOf(name) === column);
  const direction = first.startsWith('-') ? 'DESC' : 'ASC';
  if (column === 'id') return [{ expression: 'task.id', direction, notNull: true }];
  const { sql, notNull } = orderExpression(params, column, asNumber);
  return [{ expression: sql, direction, notNull }, tieBreaker];
}

/** `ASC` or `DESC` when the list is ordered by the task id alone (or by default), else undefined. */
export function idOrderDirection(ordering: readonly string[]): 'ASC' | 'DESC' | undefined {
  const [first] = ordering;
  if (!first) return 'ASC';
  if (columnNameOf(first) !== 'id') return undefined;
  return first.startsWith('-') ? 'DESC' : 'ASC';
}
