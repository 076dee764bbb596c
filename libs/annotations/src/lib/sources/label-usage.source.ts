import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DatabaseDialect, dialectOfDataSource } from '@ls/core';
import { countOf, LabelsInUse, LabelUse, LabelUsageSource, ResultShapeUsage } from '@ls/projects';

/**
 * Result items and the labels they pick, counted in SQL over the JSON of a project's annotations
 * (and drafts, for labels): PostgreSQL's jsonb functions, SQLite's json_each. A result item's
 * `type` names the key of its `value` that holds the labels; it is data, so it is matched as a
 * key (`->` on PostgreSQL, `json_each(...).key` on SQLite), never written into a JSON path.
 */
/** A SQLite result item as a JSON object: `{}` for items that are not objects. */
const SQLITE_ITEM = `(CASE WHEN item.type = 'object' THEN item.value ELSE '{}' END)`;

const SHAPES_SQL = {
  postgres: `SELECT item->>'from_name' AS from_name, item->>'to_name' AS to_name, item->>'type' AS type, COUNT(*) AS count
    FROM annotation a, jsonb_array_elements(CASE WHEN jsonb_typeof(a.result) = 'array' THEN a.result ELSE '[]'::jsonb END) item
    WHERE a.project_id = $1 AND jsonb_typeof(item) = 'object' AND item ? 'from_name' GROUP BY 1, 2, 3`,
  sqlite: `SELECT json_extract(${SQLITE_ITEM}, '$.from_name') AS from_name,
      json_extract(${SQLITE_ITEM}, '$.to_name') AS to_name, json_extract(${SQLITE_ITEM}, '$.type') AS type,
      COUNT(*) AS count
    FROM annotation a, json_each(CASE WHEN json_type(a.result) = 'array' THEN a.result ELSE '[]' END) item
    WHERE a.project_id = ? AND json_extract(${SQLITE_ITEM}, '$.from_name') IS NOT NULL
    GROUP BY 1, 2, 3`,
};

const labelsSql = (table: 'annotation' | 'annotation_draft', dialect: DatabaseDialect) => {
  const scope =
    table === 'annotation'
      ? 'a.project_id = $1'
      : 'a.task_id IN (SELECT id FROM task WHERE project_id = $1)';
  if (dialect === 'postgres') {
    return `SELECT item->>'from_name' AS from_name, label AS label, COUNT(*) AS count
      FROM ${table} a,
        jsonb_array_elements(CASE WHEN jsonb_typeof(a.result) = 'array' THEN a.result ELSE '[]'::jsonb END) item,
        jsonb_array_elements_text(CASE WHEN jsonb_typeof(item) = 'object' AND jsonb_typeof(item->'value'->(item->>'type')) = 'array'
          THEN item->'value'->(item->>'type') ELSE '[]'::jsonb END) label
      WHERE ${scope} AND item ? 'from_name' GROUP BY 1, 2`;
  }
  return `SELECT json_extract(${SQLITE_ITEM}, '$.from_name') AS from_name, label.value AS label, COUNT(*) AS count
    FROM ${table} a,
      json_each(CASE WHEN json_type(a.result) = 'array' THEN a.result ELSE '[]' END) item,
      json_each(CASE WHEN json_type(${SQLITE_ITEM}, '$.value') = 'object'
        THEN json_extract(${SQLITE_ITEM}, '$.value') ELSE '{}' END) picked,
      json_each(CASE WHEN picked.type = 'array' THEN picked.value ELSE '[]' END) label
    WHERE ${scope.replace('$1', '?')} AND picked.key = json_extract(${SQLITE_ITEM}, '$.type')
      AND json_extract(${SQLITE_ITEM}, '$.from_name') IS NOT NULL AND label.type = 'text'
    GROUP BY 1, 2`;
};

@Injectable()
export class LabelUsageFromAnnotations implements LabelUsageSource {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get dialect(): DatabaseDialect {
    return dialectOfDataSource(this.dataSource);
  }

  async resultShapes(projectId: number): Promise<ResultShapeUsage[]> {
    const rows: (Omit<ResultShapeUsage, 'count'> & { count: unknown })[] =
      await this.dataSource.query(SHAPES_SQL[this.dialect], [projectId]);
    return rows.map((row) => ({ ...row, count: countOf(row.count) }));
  }

  async labelsInUse(projectId: number): Promise<LabelsInUse> {
    const used: LabelsInUse = new Map();
    for (const table of ['annotation', 'annotation_draft'] as const) {
      const rows: { from_name: string; label: string; count: unknown }[] =
        await this.dataSource.query(labelsSql(table, this.dialect), [projectId]);
      for (const row of rows) {
        const control = used.get(row.from_name) ?? new Map<string, LabelUse>();
        used.set(row.from_name, control);
        const entry = control.get(row.label) ?? { annotations: 0, drafts: 0 };
        control.set(row.label, entry);
        entry[table === 'annotation' ? 'annotations' : 'drafts'] += countOf(row.count);
      }
    }
    return used;
  }
}
