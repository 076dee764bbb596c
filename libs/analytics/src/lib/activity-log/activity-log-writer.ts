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

/** Writes activity entries: one multi-row INSERT per call, every value bound. */
@Injectable()
export class ActivityLogWriter {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(entries: readonly ActivityEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const sql = new BoundSql(dialectOfDataSource(this.dataSource));
    const rows = entries
      .map((entry) => `(${sql.list(COLUMNS.map((column) => entry[column]))})`)
      .join(', ');
    await this.dataSource.query(
      `INSERT INTO activity_log (${COLUMNS.join(', ')}) VALUES ${rows}`,
      sql.values,
    );
  }
}
