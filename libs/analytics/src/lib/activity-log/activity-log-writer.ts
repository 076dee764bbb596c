import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BoundSql, dialectOfDataSource } from '@ls/core';
import { ActivityEntry } from './activity-entry';

const COLUMNS = [
  'user_id',
  'email',
  'organization_id',
  'request_method',
  'request_url',
  'response_code',
  'datetime',
  'duration',
  'ip_address',
  'user_agent',
  'http_referer',
  'project_id',
] as const satisfies readonly (keyof ActivityEntry)[];

/**
 * Writes activity entries: one multi-row INSERT per call, every value bound. The owner of the
 * workspace of each entry's project (`workspace_owner_id`) is read first, for the batch's few
 * distinct projects in one query (a subquery a row made the INSERT several times slower).
 */
@Injectable()
export class ActivityLogWriter {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(entries: readonly ActivityEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const owners = await this.workspaceOwners(entries);
    const sql = new BoundSql(dialectOfDataSource(this.dataSource));
    const rows = entries
      .map((entry) => {
        const owner = entry.project_id === null ? null : (owners.get(entry.project_id) ?? null);
        return `(${sql.list([...COLUMNS.map((column) => entry[column]), owner])})`;
      })
      .join(', ');
    await this.dataSource.query(
      `INSERT INTO activity_log (${COLUMNS.join(', ')}, workspace_owner_id) VALUES ${rows}`,
      sql.values,
    );
  }

  private async workspaceOwners(entries: readonly ActivityEntry[]): Promise<Map<number, number>> {
    const projects = [
      ...new Set(entries.flatMap((entry) => (entry.project_id === null ? [] : [entry.project_id]))),
    ];
    const owners = new Map<number, number>();
    if (projects.length === 0) return owners;
    const sql = new BoundSql(dialectOfDataSource(this.dataSource));
    const rows: { project: number | string; owner: number | string | null }[] =
      await this.dataSource.query(
        `SELECT p.id AS project, w.created_by_id AS owner FROM project p
         JOIN workspace w ON w.id = p.workspace_id WHERE p.id IN (${sql.list(projects)})`,
        sql.values,
      );
    for (const row of rows) {
      if (row.owner !== null) owners.set(Number(row.project), Number(row.owner));
    }
    return owners;
  }
}
