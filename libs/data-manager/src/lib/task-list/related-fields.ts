import { ALL_RELATED, RELATED_COLUMNS, RelatedColumn, RelatedFields } from '@ls/tasks';
import { columnNameOf } from '../query/task-columns';

/** Columns that read every annotation's or prediction's result JSON. */
const COSTLY_COLUMNS: readonly RelatedColumn[] = ['annotations_results', 'predictions_results'];

const isRelatedColumn = (name: string): name is RelatedColumn =>
  (RELATED_COLUMNS as readonly string[]).includes(name);

const LISTS = ['annotations', 'predictions', 'drafts'];

/**
 * What a task list computes from annotations, predictions and drafts: only what `include` names
 * when it is given (the lists among them with `fields=all`: the SDK asks `fields=all&include=id`
 * for ids alone); else everything with `fields=all`; else the cheap columns, and the costly
 * ones (result JSON) only where the view shows them.
 */
export function relatedFieldsOf(
  fields: string | undefined,
  include: string | undefined,
  hiddenColumns: ReadonlySet<string> | null,
): RelatedFields {
  if (include !== undefined) {
    const named = include.split(',').map((name) => columnNameOf(name.trim()));
    return {
      lists: fields === 'all' && named.some((name) => LISTS.includes(name)),
      columns: new Set(named.filter(isRelatedColumn)),
    };
  }
  if (fields === 'all') return ALL_RELATED;
  const shown = (column: RelatedColumn) =>
    !COSTLY_COLUMNS.includes(column) ||
    (hiddenColumns !== null && !hiddenColumns.has(`tasks:${column}`));
  return { lists: false, columns: new Set(RELATED_COLUMNS.filter(shown)) };
}
