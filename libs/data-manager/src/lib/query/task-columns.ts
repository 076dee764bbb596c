import { ValidationFailedException } from '@ls/core';
import { DataFieldSql, postgresEpochMilliseconds, sqliteEpochMilliseconds } from './data-field-sql';
import { Operand, ScalarOperand } from './operands';
import { FilterType } from './prepare-params';
import { SqlParameters } from './sql-parameters';
import { valueKindOfType } from './value-kinds';

/** A task column: how to filter on it and how to order by it. */
export interface TaskColumn {
  operand(params: SqlParameters): Operand;
  orderSql(params: SqlParameters): string;
  /** Ordered by a NOT NULL column of `task` itself, so the `(project_id, column)` index serves. */
  ordersByIndexedColumn?: boolean;
  /** Read from the task's own row, no other table: only task writes change what it selects. */
  ofTaskRow?: boolean;
}

const instant = (params: SqlParameters, timestamp: string) =>
  params.postgres ? postgresEpochMilliseconds(timestamp) : sqliteEpochMilliseconds(timestamp);

const asText = (sql: string) => `CAST(${sql} AS TEXT)`;

function numberColumn(
  sql: string,
  emptySql: string,
  extra: Partial<ScalarOperand> = {},
): TaskColumn {
  return {
    operand: () => ({ kind: 'scalar', valueKind: 'number', sql, emptySql, ...extra }),
    orderSql: () => sql,
  };
}

function datetimeColumn(sql: string): TaskColumn {
  return {
    operand: (params) => ({
      kind: 'scalar',
      valueKind: 'datetime',
      sql: instant(params, sql),
      emptySql: `${sql} IS NULL`,
    }),
    orderSql: (params) => instant(params, sql),
  };
}

/** A timestamp column of `task`: both databases store it in an order-preserving form. */
const timestampColumn = (sql: string): TaskColumn => ({
  ...datetimeColumn(sql),
  orderSql: () => sql,
  ordersByIndexedColumn: true,
  ofTaskRow: true,
});

function booleanColumn(sql: string): TaskColumn {
  return {
    operand: () => ({ kind: 'scalar', valueKind: 'boolean', sql, emptySql: 'FALSE' }),
    orderSql: () => sql,
  };
}

const ofAnnotations = (what: string, where = '') =>
  `(SELECT ${what} FROM annotation dm_a WHERE dm_a.task_id = task.id${where})`;
const ofPredictions = (what: string) =>
  `(SELECT ${what} FROM prediction dm_p WHERE dm_p.task_id = task.id)`;

function resultsColumn(table: 'annotation' | 'prediction'): TaskColumn {
  const rows = `FROM ${table} dm_r WHERE dm_r.task_id = task.id`;
  return {
    operand: (params) => ({
      kind: 'results',
      anyRow: (test) =>
        `EXISTS (SELECT 1 ${rows} AND ${test(
          params.postgres ? 'CAST(dm_r.result AS text)' : 'dm_r.result',
          'dm_r.result',
        )})`,
      emptySql: `NOT EXISTS (SELECT 1 ${rows})`,
    }),
    orderSql: (params) =>
      `(SELECT MIN(${params.postgres ? 'CAST(dm_r.result AS text) COLLATE "C"' : 'dm_r.result'}) ${rows})`,
  };
}

/**
 * A text column (a column of `task`, or a correlated subquery over the alias `task`): `equal`,
 * `contains`, `regex`, `in_list` and the rest; empty when NULL or ''. Ordered byte-wise.
 */
export function textColumn(sql: string): TaskColumn {
  return {
    operand: () => ({
      kind: 'scalar',
      valueKind: 'text',
      sql,
      textSql: sql,
      emptySql: `COALESCE(${sql}, '') = ''`,
      allowsList: true,
    }),
    orderSql: (params) => (params.postgres ? `${sql} COLLATE "C"` : sql),
  };
}

/**
 * The average score of the task's predictions of the project's `model_version` (of all of them
 * when the project names none), as Label Studio's column.
 */
const PREDICTIONS_SCORE =
  `(SELECT AVG(dm_p.score) FROM prediction dm_p JOIN project dm_pr ON dm_pr.id = task.project_id` +
  ` WHERE dm_p.task_id = task.id` +
  ` AND (COALESCE(dm_pr.model_version, '') = '' OR dm_p.model_version = dm_pr.model_version))`;

const COUNTER = (column: string): TaskColumn => ({
  ...numberColumn(`task.${column}`, `COALESCE(task.${column}, 0) = 0`, {
    textSql: asText(`task.${column}`),
  }),
  ordersByIndexedColumn: true,
  ofTaskRow: true,
});

const ANNOTATED_BY = ' AND NOT dm_a.was_cancelled AND dm_a.completed_by_id IS NOT NULL';

/**
 * The filterable and orderable columns of behavior.md 6.2 held by the tables of tasks and
 * annotations. Values on other tables are correlated subqueries, never joins, so a task is
 * never counted twice. Libraries above this one add theirs with `registerTaskColumn` (the
 * storages library: `file_upload`, the name of the uploaded file a task came from).
 */
const TASK_COLUMNS: Record<string, TaskColumn> = {
  id: {
    ...numberColumn('task.id', 'FALSE', { allowsList: true, textSql: asText('task.id') }),
    ofTaskRow: true,
  },
  inner_id: {
    ...numberColumn('task.inner_id', 'task.inner_id IS NULL', {
      allowsList: true,
      textSql: asText('task.inner_id'),
    }),
    ofTaskRow: true,
  },
  created_at: timestampColumn('task.created_at'),
  updated_at: timestampColumn('task.updated_at'),
  completed_at: datetimeColumn(
    `(CASE WHEN task.is_labeled THEN ${ofAnnotations('MAX(dm_a.created_at)')} END)`,
  ),
  total_annotations: COUNTER('total_annotations'),
  cancelled_annotations: COUNTER('cancelled_annotations'),
  total_predictions: COUNTER('total_predictions'),
  predictions_score: numberColumn(PREDICTIONS_SCORE, `${PREDICTIONS_SCORE} IS NULL`),
  avg_lead_time: numberColumn(
    ofAnnotations('AVG(dm_a.lead_time)'),
    `${ofAnnotations('AVG(dm_a.lead_time)')} IS NULL`,
  ),
  annotators: {
    operand: () => ({
      kind: 'list',
      memberKind: 'user',
      member: (test) =>
        `EXISTS ${ofAnnotations('1', `${ANNOTATED_BY} AND dm_a.completed_by_id ${test}`)}`,
      emptySql: `NOT EXISTS ${ofAnnotations('1', ANNOTATED_BY)}`,
    }),
    orderSql: () => ofAnnotations('MIN(dm_a.completed_by_id)', ANNOTATED_BY),
  },
  updated_by: {
    operand: () => ({
      kind: 'list',
      memberKind: 'user',
      member: (test) => `task.updated_by_id ${test}`,
      emptySql: 'task.updated_by_id IS NULL',
    }),
    orderSql: () => 'task.updated_by_id',
    ofTaskRow: true,
  },
  predictions_model_versions: {
    operand: () => ({
      kind: 'list',
      memberKind: 'text',
      member: (test) =>
        `EXISTS (SELECT 1 FROM prediction dm_p WHERE dm_p.task_id = task.id AND dm_p.model_version ${test})`,
      emptySql: `NOT EXISTS ${ofPredictions('1')}`,
    }),
    orderSql: (params) =>
      ofPredictions(`MIN(dm_p.model_version${params.postgres ? ' COLLATE "C"' : ''})`),
  },
  annotations_results: resultsColumn('annotation'),
  predictions_results: resultsColumn('prediction'),
  annotations_ids: {
    operand: (params) => {
      const ids = annotationIds(params);
      return {
        kind: 'scalar',
        valueKind: 'text',
        sql: ids,
        textSql: ids,
        emptySql: `NOT EXISTS ${ofAnnotations('1')}`,
      };
    },
    orderSql: (params) => annotationIds(params),
  },
  ground_truth: booleanColumn(
    `EXISTS ${ofAnnotations('1', ' AND dm_a.ground_truth AND NOT dm_a.was_cancelled')}`,
  ),
  draft_exists: booleanColumn(
    'EXISTS (SELECT 1 FROM annotation_draft dm_d WHERE dm_d.task_id = task.id)',
  ),
  storage_filename: { ...textColumn('task.storage_filename'), ofTaskRow: true },
};

const registeredColumns = new Map<string, TaskColumn>();

/**
 * Adds a column that filters and orderings may name, from a library above this one that owns
 * the table it reads. Call it once, when the library is loaded (like `registerMigrations`).
 */
export function registerTaskColumn(name: string, column: TaskColumn): void {
  if (Object.hasOwn(TASK_COLUMNS, name)) throw new Error(`Task column "${name}" is built in.`);
  registeredColumns.set(name, column);
}

const columnNamed = (name: string): TaskColumn | undefined =>
  Object.hasOwn(TASK_COLUMNS, name) ? TASK_COLUMNS[name] : registeredColumns.get(name);

function annotationIds(params: SqlParameters): string {
  return params.postgres
    ? ofAnnotations(`string_agg(CAST(dm_a.id AS text), ',' ORDER BY dm_a.id)`)
    : `(SELECT group_concat(dm_i.id, ',') FROM (SELECT dm_a.id FROM annotation dm_a` +
        ` WHERE dm_a.task_id = task.id ORDER BY dm_a.id) AS dm_i)`;
}

/** `filter:tasks:x`, `tasks:x` and `-tasks:x` name the column `x`. */
export function columnNameOf(name: string): string {
  return name
    .replace(/^-/, '')
    .replace(/^filter:/, '')
    .replace(/^tasks:/, '');
}

const dataKeysOf = (column: string): string[] | null =>
  column.startsWith('data.') ? column.slice('data.'.length).split('.') : null;

const unknownColumn = (field: string, column: string): never => {
  throw new ValidationFailedException({ [field]: [`Unknown column "${column}".`] });
};

/** The operand of a filter on `column`; `type` chooses how `data.*` values compare. */
export function filterOperand(
  params: SqlParameters,
  column: string,
  type: FilterType,
  field: string,
): Operand {
  const keys = dataKeysOf(column);
  if (keys) return new DataFieldSql(params, keys).operand(valueKindOfType(type));
  const known = columnNamed(column);
  return known ? known.operand(params) : unknownColumn(field, column);
}

/** Whether a filter on `column` reads the task's own row alone (`data.*` fields do). */
export function filtersOnTaskRow(column: string): boolean {
  return dataKeysOf(column) !== null || columnNamed(column)?.ofTaskRow === true;
}

export interface OrderExpression {
  sql: string;
  /** Never NULL: ordered without `NULLS LAST`, which would keep both databases off an index. */
  notNull: boolean;
}

/** The expression to order by; `data.*` as text unless `asNumber`. */
export function orderExpression(
  params: SqlParameters,
  column: string,
  asNumber: boolean,
): OrderExpression {
  const keys = dataKeysOf(column);
  if (keys) {
    const text = new DataFieldSql(params, keys).valueSql(asNumber ? 'number' : 'text');
    return { sql: asNumber || !params.postgres ? text : `${text} COLLATE "C"`, notNull: false };
  }
  const known = columnNamed(column);
  if (!known) return unknownColumn('ordering', column);
  return { sql: known.orderSql(params), notNull: known.ordersByIndexedColumn === true };
}
