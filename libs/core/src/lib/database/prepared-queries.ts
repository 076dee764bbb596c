import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { dialectOfDataSource } from './dialect';

type Row = Record<string, unknown>;
interface SqliteStatement {
  all(params?: Record<string, unknown>): Row[];
}

/**
 * Plain SQL for the few queries every request runs (who is calling, what a write targets),
 * without the query builder's per-call cost: on PostgreSQL a named prepared statement, parsed
 * and planned once per connection; on SQLite a statement prepared once per process. SQL uses
 * `$1, $2…` placeholders on both. Everything else goes through TypeORM.
 */
@Injectable()
export class PreparedQueries {
  private readonly sqliteStatements = new Map<string, SqliteStatement>();

  constructor(private readonly dataSource: DataSource) {}

  /** `name` identifies the statement: one name, one SQL text. */
  async rows(name: string, sql: string, params: unknown[]): Promise<Row[]> {
    if (dialectOfDataSource(this.dataSource) === 'postgres') {
      const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
      return (await pool.query<Row>({ name, text: sql, values: params })).rows;
    }
    let statement = this.sqliteStatements.get(name);
    if (!statement) {
      const database = (
        this.dataSource.driver as unknown as {
          databaseConnection: { prepare(sql: string): SqliteStatement };
        }
      ).databaseConnection;
      statement = database.prepare(sql.replace(/\$(\d+)/g, '@p$1'));
      this.sqliteStatements.set(name, statement);
    }
    const named = Object.fromEntries(
      params.map((value, index) => [
        `p${index + 1}`,
        typeof value === 'boolean' ? Number(value) : value,
      ]),
    );
    return params.length > 0 ? statement.all(named) : statement.all();
  }

  /**
   * The select list of an entity's columns under `alias` (`u.id AS <prefix>id, …`), for
   * {@link hydrate}. Spelled out rather than `alias.*`: a prepared statement whose result columns
   * change under it (a migration adding a column) fails on PostgreSQL.
   */
  selectList<T extends ObjectLiteral>(entity: EntityTarget<T>, alias: string, prefix = ''): string {
    return this.dataSource
      .getMetadata(entity)
      .columns.filter((column) => column.isSelect)
      .map((column) => `${alias}.${column.databaseName} AS ${prefix}${column.databaseName}`)
      .join(', ');
  }

  /**
   * An entity from the columns of `row` named `<prefix><column>`, each converted as TypeORM reads
   * it (dates, booleans and JSON on SQLite). Columns the entity never selects (`select: false`,
   * such as secrets) are left out even when the row has them.
   */
  hydrate<T extends ObjectLiteral>(entity: EntityTarget<T>, row: Row, prefix = ''): T {
    const metadata = this.dataSource.getMetadata(entity);
    const target = metadata.create() as T;
    for (const column of metadata.columns) {
      const key = `${prefix}${column.databaseName}`;
      if (column.isSelect && key in row) {
        column.setEntityValue(
          target,
          this.dataSource.driver.prepareHydratedValue(row[key], column),
        );
      }
    }
    return target;
  }
}
