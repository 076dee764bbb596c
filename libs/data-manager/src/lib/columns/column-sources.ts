import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dialectOfDataSource } from '@ls/core';

/** Tasks read for their data keys: the newest ones, so a key a recent import added shows. */
export const DATA_KEYS_SAMPLE_TASKS = 1000;
/** Most data keys listed; more would not fit a table anyway. */
export const MAX_DATA_KEYS = 500;

const POSTGRES_KEYS = `
  SELECT key, MIN(sample.id) AS first_id
  FROM (
    SELECT id, data FROM task
    WHERE project_id = $1 AND jsonb_typeof(data) = 'object'
    ORDER BY id DESC LIMIT $2
  ) sample, jsonb_object_keys(sample.data) AS key
  GROUP BY key ORDER BY first_id, key LIMIT $3`;

const SQLITE_KEYS = `
  SELECT entry.key AS key, MIN(sample.id) AS first_id
  FROM (
    SELECT id, data FROM task
    WHERE project_id = ? AND json_valid(data) AND json_type(data) = 'object'
    ORDER BY id DESC LIMIT ?
  ) sample, json_each(sample.data) AS entry
  GROUP BY entry.key ORDER BY first_id, key LIMIT ?`;

/** What the columns of a project depend on beyond the project row, read in SQL. */
@Injectable()
export class ColumnSources {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The top-level keys of the project's task data, in the order tasks first used them. There is
   * no stored summary of data columns (Label Studio keeps `project.summary`), so a bounded sample
   * of tasks is read.
   */
  async taskDataKeys(projectId: number): Promise<string[]> {
    const sql = dialectOfDataSource(this.dataSource) === 'postgres' ? POSTGRES_KEYS : SQLITE_KEYS;
    const rows: { key: string }[] = await this.dataSource.query(sql, [
      projectId,
      DATA_KEYS_SAMPLE_TASKS,
      MAX_DATA_KEYS,
    ]);
    return rows.map((row) => String(row.key));
  }

  /** Model versions of the project's predictions, the choices of that column's filter. */
  async modelVersions(projectId: number): Promise<string[]> {
    const sql =
      dialectOfDataSource(this.dataSource) === 'postgres'
        ? 'SELECT DISTINCT model_version FROM prediction WHERE project_id = $1 ORDER BY model_version LIMIT $2'
        : 'SELECT DISTINCT model_version FROM prediction WHERE project_id = ? ORDER BY model_version LIMIT ?';
    const rows: { model_version: string }[] = await this.dataSource.query(sql, [
      projectId,
      MAX_DATA_KEYS,
    ]);
    return rows.map((row) => String(row.model_version));
  }
}
