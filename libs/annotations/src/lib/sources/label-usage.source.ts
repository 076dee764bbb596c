import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LabelsInUse, LabelUsageSource, ResultShapeUsage } from '@ls/projects';

/**
 * Result items and the labels they pick, counted in SQL over the JSON of a project's annotations
 * (and drafts, for labels): PostgreSQL's jsonb functions, SQLite's json_each.
 */
const SHAPES_SQL = {
  postgres: `SELECT item->>'from_name' AS from_name, item->>'to_name' AS to_name, item->>'type' AS type, COUNT(*) AS count
    FROM annotation a, jsonb_array_elements(CASE WHEN jsonb_typeof(a.result) = 'array' THEN a.result ELSE '[]'::jsonb END) item
    WHERE a.project_id = $1 AND item ? 'from_name' GROUP BY 1, 2, 3`,
  sqlite: `SELECT json_extract(item.value, '$.from_name') AS from_name, json_extract(item.value, '$.to_name') AS to_name,
      json_extract(item.value, '$.type') AS type, COUNT(*) AS count
    FROM annotation a, json_each(CASE WHEN json_type(a.result) = 'array' THEN a.result ELSE '[]' END) item
    WHERE a.project_id = ? AND json_extract(item.value, '$.from_name') IS NOT NULL GROUP BY 1, 2, 3`,
};

const labelsSql = (table: 'annotation' | 'annotation_draft', dialect: 'postgres' | 'sqlite') => {
  const scope =
    table === 'annotation'
      ? 'a.project_id = $1'
      : 'a.task_id IN (SELECT id FROM task WHERE project_id = $1)';
  if (dialect === 'postgres') {
    return `SELECT item->>'from_name' AS from_name, label AS label, COUNT(*) AS count
      FROM ${table} a,
        jsonb_array_elements(CASE WHEN jsonb_typeof(a.result) = 'array' THEN a.result ELSE '[]'::jsonb END) item,
        jsonb_array_elements_text(CASE WHEN jsonb_typeof(item->'value'->(item->>'type')) = 'array' THEN item->'value'->(item->>'type') ELSE '[]'::jsonb END) label
      WHERE ${scope} GROUP BY 1, 2`;
  }
  return `SELECT json_extract(item.value, '$.from_name') AS from_name, label.value AS label, COUNT(*) AS count
    FROM ${table} a,
      json_each(CASE WHEN json_type(a.result) = 'array' THEN a.result ELSE '[]' END) item,
      json_each(CASE WHEN json_type(item.value, '$.value.' || json_extract(item.value, '$.type')) = 'array'
        THEN json_extract(item.value, '$.value.' || json_extract(item.value, '$.type')) ELSE '[]' END) label
    WHERE ${scope.replace('$1', '?')} AND label.type = 'text' GROUP BY 1, 2`;
};

@Injectable()
export class LabelUsageFromAnnotations implements LabelUsageSource {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get dialect(): 'postgres' | 'sqlite' {
    return this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  async resultShapes(projectId: number): Promise<ResultShapeUsage[]> {
    const rows: (Omit<ResultShapeUsage, 'count'> & { count: string | number })[] =
      await this.dataSource.query(SHAPES_SQL[this.dialect], [projectId]);
    return rows.map((row) => ({ ...row, count: Number(row.count) }));
  }

  async labelsInUse(projectId: number): Promise<LabelsInUse> {
    const used: LabelsInUse = {};
    for (const table of ['annotation', 'annotation_draft'] as const) {
      const rows: { from_name: string; label: string; count: string | number }[] =
        await this.dataSource.query(labelsSql(table, this.dialect), [projectId]);
      for (const row of rows) {
        const control = (used[row.from_name] ??= {});
        const entry = (control[row.label] ??= { annotations: 0, drafts: 0 });
        entry[table === 'annotation' ? 'annotations' : 'drafts'] += Number(row.count);
      }
    }
    return used;
  }
}
