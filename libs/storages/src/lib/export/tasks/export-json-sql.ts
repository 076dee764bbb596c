import { DatabaseDialect } from '@ls/core';
import { annotationKinds, expanded, ExportOptions } from './export-options';
import { exportSqlOf } from './export-sql';

type Pairs = [key: string, sql: string][];

/** How a dialect builds JSON in SQL. */
interface JsonBuilder {
  /** A JSON object of `key: value` pairs. */
  object(pairs: Pairs): string;
  /** A JSON array of `element` over the rows of `from` (a table, alias and condition), by id. */
  array(element: string, from: string, alias: string): string;
  /** A boolean column as a JSON boolean. */
  boolean(column: string): string;
  /** A JSON column as JSON, `fallback` (JSON text) when NULL. */
  json(column: string, fallback: string): string;
  /** A JSON value as the text the query returns. */
  text(json: string): string;
}

const POSTGRES: JsonBuilder = {
  object: (pairs) => `json_build_object(${pairs.map(([k, v]) => `'${k}', ${v}`).join(', ')})`,
  array: (element, from, alias) =>
    `COALESCE((SELECT json_agg(${element} ORDER BY ${alias}.id) FROM ${from}), '[]'::json)`,
  boolean: (column) => column,
  json: (column, fallback) => `COALESCE(${column}, '${fallback}'::jsonb)`,
  text: (json) => `CAST(${json} AS text)`,
};

// SQLite drops the JSON subtype of a value that comes out of a subquery: `json(...)` gives it back,
// so that the outer object embeds the value as JSON, not as a string.
const SQLITE: JsonBuilder = {
  object: (pairs) => `json_object(${pairs.map(([k, v]) => `'${k}', ${v}`).join(', ')})`,
  array: (element, from, alias) =>
    `json((SELECT json_group_array(json(${alias}_json)) FROM (SELECT ${element} AS ${alias}_json FROM ${from} ORDER BY ${alias}.id)))`,
  boolean: (column) => `CASE WHEN ${column} THEN json('true') ELSE json('false') END`,
  json: (column, fallback) => `json(COALESCE(${column}, '${fallback}'))`,
  text: (json) => json,
};

/** The file name of a stored path (the part after the last `/`), on both databases. */
const basename = (column: string) =>
  `replace(${column}, rtrim(${column}, replace(${column}, '/', '')), '')`;

/**
 * The SQL that writes a task of `task` as Label Studio's export JSON (every stored field but
 * `overlap`, `is_labeled` and `precomputed_agreement`; annotations with every field; predictions
 * and drafts as ids or objects; the uploaded file by its name), and the numbers of annotations
 * and predictions it holds. The database builds the text; the export only writes it out.
 */
export function exportTaskSql(dialect: DatabaseDialect, options: ExportOptions) {
  const json = dialect === 'postgres' ? POSTGRES : SQLITE;
  const sql = exportSqlOf(dialect);
  const { serialization } = options;
  const annotationsWhere = `ex_a.task_id = task.id${annotationCondition(options)}`;
  const completedBy = expanded(serialization.annotations__completed_by)
    ? `(SELECT ${json.object([
        ['id', 'ex_u.id'],
        ['email', 'ex_u.email'],
        ['first_name', 'ex_u.first_name'],
        ['last_name', 'ex_u.last_name'],
      ])} FROM htx_user ex_u WHERE ex_u.id = ex_a.completed_by_id)`
    : 'ex_a.completed_by_id';
  const annotation = json.object([
    ['id', 'ex_a.id'],
    ['completed_by', completedBy],
    ['result', json.json('ex_a.result', '[]')],
    ['was_cancelled', json.boolean('ex_a.was_cancelled')],
    ['ground_truth', json.boolean('ex_a.ground_truth')],
    ['created_at', sql.timestamp('ex_a.created_at')],
    ['updated_at', sql.timestamp('ex_a.updated_at')],
    ['draft_created_at', sql.timestamp('ex_a.draft_created_at')],
    ['lead_time', 'ex_a.lead_time'],
    ['prediction', json.json('NULL', '{}')],
    ['result_count', sql.arrayLength('ex_a.result')],
    ['unique_id', 'ex_a.unique_id'],
    ['import_id', 'ex_a.import_id'],
    ['last_action', 'ex_a.last_action'],
    [
      'bulk_created',
      `CASE WHEN ex_a.bulk_created IS NULL THEN NULL ELSE ${json.boolean('ex_a.bulk_created')} END`,
    ],
    ['task', 'ex_a.task_id'],
    ['project', 'ex_a.project_id'],
    ['updated_by', 'ex_a.updated_by_id'],
    ['parent_prediction', 'ex_a.parent_prediction_id'],
    ['parent_annotation', 'ex_a.parent_annotation_id'],
    ['last_created_by', 'ex_a.last_created_by_id'],
  ]);
  const prediction = expanded(serialization.predictions)
    ? json.object([
        ['id', 'ex_p.id'],
        ['result', json.json('ex_p.result', '[]')],
        ['score', 'ex_p.score'],
        ['model_version', 'ex_p.model_version'],
        ['cluster', 'ex_p.cluster'],
        ['neighbors', json.json('ex_p.neighbors', 'null')],
        ['mislabeling', 'ex_p.mislabeling'],
        ['created_at', sql.timestamp('ex_p.created_at')],
        ['updated_at', sql.timestamp('ex_p.updated_at')],
        ['model', 'ex_p.model_id'],
        ['model_run', 'ex_p.model_run_id'],
        ['task', 'ex_p.task_id'],
        ['project', 'ex_p.project_id'],
      ])
    : 'ex_p.id';
  const draft = expanded(serialization.drafts)
    ? json.object([
        ['id', 'ex_d.id'],
        ['user', 'ex_d.user_id'],
        ['result', json.json('ex_d.result', '[]')],
        ['lead_time', 'ex_d.lead_time'],
        ['was_postponed', json.boolean('ex_d.was_postponed')],
        ['import_id', 'ex_d.import_id'],
        ['created_at', sql.timestamp('ex_d.created_at')],
        ['updated_at', sql.timestamp('ex_d.updated_at')],
        ['task', 'ex_d.task_id'],
        ['annotation', 'ex_d.annotation_id'],
      ])
    : 'ex_d.id';
  const task = json.object([
    ['id', 'task.id'],
    ['annotations', json.array(annotation, `annotation ex_a WHERE ${annotationsWhere}`, 'ex_a')],
    [
      'file_upload',
      `(SELECT ${basename('ex_f.file')} FROM file_upload ex_f WHERE ex_f.id = task.file_upload_id)`,
    ],
    ['drafts', json.array(draft, 'annotation_draft ex_d WHERE ex_d.task_id = task.id', 'ex_d')],
    ['predictions', json.array(prediction, 'prediction ex_p WHERE ex_p.task_id = task.id', 'ex_p')],
    ['data', json.json('task.data', '{}')],
    ['meta', json.json('task.meta', '{}')],
    ['created_at', sql.timestamp('task.created_at')],
    ['updated_at', sql.timestamp('task.updated_at')],
    ['inner_id', 'task.inner_id'],
    ['total_annotations', 'task.total_annotations'],
    ['cancelled_annotations', 'task.cancelled_annotations'],
    ['total_predictions', 'task.total_predictions'],
    ['comment_count', 'task.comment_count'],
    ['unresolved_comment_count', 'task.unresolved_comment_count'],
    ['last_comment_updated_at', sql.timestamp('task.last_comment_updated_at')],
    ['project', 'task.project_id'],
    ['updated_by', 'task.updated_by_id'],
    ['comment_authors', json.json('NULL', '[]')],
  ]);
  // Every annotation or prediction of a task: its stored counters say how many, exactly.
  const everyAnnotation = annotationCondition(options) === '';
  return {
    json: json.text(task),
    annotations: everyAnnotation
      ? '(task.total_annotations + task.cancelled_annotations)'
      : `(SELECT COUNT(*) FROM annotation ex_a WHERE ${annotationsWhere})`,
    predictions: 'task.total_predictions',
  };
}

/** The annotation kinds an export keeps, as a condition on `ex_a` (empty: all of them). */
function annotationCondition({ annotations }: ExportOptions): string {
  // Reviews are not kept by this server: asking for reviewed annotations only finds none.
  if (annotations.reviewed === 'only') return ' AND 1 = 0';
  const kinds = annotationKinds(annotations);
  if (!kinds) return '';
  const any = [
    kinds.usual ? '(ex_a.was_cancelled = FALSE AND ex_a.ground_truth = FALSE)' : null,
    kinds.groundTruth ? 'ex_a.ground_truth = TRUE' : null,
    kinds.skipped ? 'ex_a.was_cancelled = TRUE' : null,
  ].filter((condition) => condition !== null);
  return ` AND (${any.length ? any.join(' OR ') : '1 = 0'})`;
}
