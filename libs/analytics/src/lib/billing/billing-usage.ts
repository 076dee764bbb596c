import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ACTIVE_ROLES, OrganizationRef, OrganizationScope } from '@ls/auth';
import { BoundSql, dialectOfDataSource } from '@ls/core';

/** What an organization uses, counted live. */
export interface OrganizationUsage {
  /** Members holding an active role (a seat). */
  activeMembers: number;
  /** Members not removed, deactivated and not-yet-activated ones included. */
  members: number;
  projects: number;
  annotations: number;
  importStorages: number;
  exportStorages: number;
}

/** Owned by the storages library, which this one may not import: read by name when present. */
const STORAGE_TABLE = 'io_storage';

type CountRow = Record<string, number | string | null>;

/**
 * Counts an organization's members, projects, annotations and storages, one indexed query each
 * (run side by side), reading the other libraries' tables by name.
 */
@Injectable()
export class BillingUsage {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(organization: OrganizationRef): Promise<OrganizationUsage> {
    const [members, projects, annotations, storages] = await Promise.all([
      this.members(organization),
      this.count(organization, 'project p', 'p'),
      this.count(organization, 'annotation a JOIN project p ON p.id = a.project_id', 'p'),
      this.storages(organization),
    ]);
    return {
      activeMembers: Number(members.active ?? 0),
      members: Number(members.total ?? 0),
      projects,
      annotations,
      importStorages: storages.get('import') ?? 0,
      exportStorages: storages.get('export') ?? 0,
    };
  }

  private async members(organization: OrganizationRef): Promise<CountRow> {
    const sql = this.sql();
    const [row] = await this.rows(
      `SELECT COUNT(*) AS total,
              SUM(CASE WHEN m.role IN (${sql.list([...ACTIVE_ROLES])}) THEN 1 ELSE 0 END) AS active
         FROM organization_member m
        WHERE ${OrganizationScope.sql('m', sql.bind(organization.organizationId))}
          AND m.deleted_at IS NULL`,
      sql,
    );
    return row ?? {};
  }

  /** Rows of `from` (a table, or a join) whose `scoped` table is the organization's. */
  private async count(organization: OrganizationRef, from: string, scoped: string) {
    const sql = this.sql();
    const [row] = await this.rows(
      `SELECT COUNT(*) AS count FROM ${from}
        WHERE ${OrganizationScope.sql(scoped, sql.bind(organization.organizationId))}`,
      sql,
    );
    return Number(row?.count ?? 0);
  }

  private async storages(organization: OrganizationRef): Promise<Map<string, number>> {
    if (!this.dataSource.entityMetadatas.some((entity) => entity.tableName === STORAGE_TABLE)) {
      return new Map();
    }
    const sql = this.sql();
    const rows = await this.rows(
      `SELECT s.direction AS direction, COUNT(*) AS count
         FROM ${STORAGE_TABLE} s JOIN project p ON p.id = s.project_id
        WHERE ${OrganizationScope.sql('p', sql.bind(organization.organizationId))}
        GROUP BY s.direction`,
      sql,
    );
    return new Map(rows.map((row) => [String(row.direction), Number(row.count)]));
  }

  private sql(): BoundSql {
    return new BoundSql(dialectOfDataSource(this.dataSource));
  }

  private rows(statement: string, sql: BoundSql): Promise<CountRow[]> {
    return this.dataSource.query(statement, sql.values);
  }
}
