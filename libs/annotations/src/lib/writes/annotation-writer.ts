import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  chunksOf,
  DatabaseDialect,
  DomainEvent,
  DomainEventBus,
  PreparedQueries,
  TransactionRunner,
} from '@ls/core';
import { Project } from '@ls/projects';
import { countInsertedStatement, recountStatement } from '../counters/task-counters';
import { Annotation } from '../entities/annotation.entity';
import { BoundSql, BoundStatement, BoundValue } from '../sql/bound-sql';
import { CONFIG_VERSION_SQL } from './config-version';

export type NewAnnotation = Omit<
  Annotation,
  'id' | 'created_at' | 'updated_at' | 'task' | 'project' | 'completed_by'
>;

const COLUMNS: (keyof NewAnnotation)[] = [
  'result',
  'task_id',
  'project_id',
  'completed_by_id',
  'updated_by_id',
  'was_cancelled',
  'ground_truth',
  'lead_time',
  'draft_created_at',
  'parent_prediction_id',
  'parent_annotation_id',
  'last_action',
  'last_created_by_id',
  'import_id',
  'bulk_created',
  'unique_id',
];

/** Rows per INSERT: 18 bound values each, far below both databases' parameter limits. */
const ROWS_PER_INSERT = 500;

type Statement = BoundStatement & { returnsIds?: true };

/** Who may write to the task, and the config version (CONFIG_VERSION_SQL) the input was checked at. */
export interface WriteGuard {
  organizationId: number;
  configVersion: string | null;
}

const INSERT_ONE_SQL = `SELECT ls_insert_annotation($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
  $13, $14, $15, $16) AS id`;

const GUARD_SQL_SQLITE = `SELECT 1 AS ok FROM task t JOIN project p ON p.id = t.project_id
  WHERE t.id = ? AND p.organization_id = ? AND (? IS NULL OR ${CONFIG_VERSION_SQL} = ?)`;

const valueOf = (row: NewAnnotation, column: keyof NewAnnotation): BoundValue =>
  column === 'result'
    ? row.result === null
      ? null
      : { json: row.result }
    : (row[column] as BoundValue);

/**
 * Inserts annotations and counts them on their tasks in one transaction, the hot path of labeling.
 * Every value is a bind parameter, in statements batched under the databases' parameter limits:
 * lock the tasks (PostgreSQL, in id order), insert, count. Under READ COMMITTED every statement
 * takes a fresh snapshot, so the count sees the rows other writers committed while this one
 * waited for the locks. SQLite runs the same statements through the serialized transaction runner.
 */
@Injectable()
export class AnnotationWriter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly events: DomainEventBus,
    private readonly prepared: PreparedQueries,
  ) {}

  private get dialect(): DatabaseDialect {
    return this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  /**
   * One annotation, the labeling hot path: on PostgreSQL one call of `ls_insert_annotation` (a
   * prepared statement, see its migration), on SQLite the statements of {@link insert} after the
   * same check. Null, writing nothing, when the task is no longer in the organization or its
   * project's config changed since `guard.configVersion` was read (null: not checked).
   */
  async insertOne(
    row: NewAnnotation,
    guard: WriteGuard,
    project: Pick<Project, 'skip_queue'>,
    eventFor: (ids: number[]) => DomainEvent,
  ): Promise<Annotation | null> {
    const now = new Date();
    const id =
      this.dialect === 'postgres'
        ? await this.insertOneOnPostgres(row, guard, now)
        : await this.transactions.run(async ({ manager }) => {
            const [current] = await manager.query(GUARD_SQL_SQLITE, [
              row.task_id,
              guard.organizationId,
              guard.configVersion,
              guard.configVersion,
            ]);
            if (!current) return null;
            const userId = row.updated_by_id ?? 0;
            const [inserted] = await runStatements(
              manager,
              this.statements([row], project, userId, now),
            );
            return inserted;
          });
    if (id === null) return null;
    await this.events.publish(eventFor([id]));
    return Object.assign(new Annotation(), row, { id, created_at: now, updated_at: now });
  }

  private async insertOneOnPostgres(row: NewAnnotation, guard: WriteGuard, now: Date) {
    const [result] = await this.prepared.rows('annotations.insert-one', INSERT_ONE_SQL, [
      row.task_id,
      guard.organizationId,
      guard.configVersion,
      row.result === null ? null : JSON.stringify(row.result),
      row.completed_by_id,
      row.updated_by_id,
      row.was_cancelled,
      row.ground_truth,
      row.lead_time,
      row.draft_created_at,
      row.parent_prediction_id,
      row.parent_annotation_id,
      row.last_action,
      row.import_id,
      row.unique_id,
      now,
    ]);
    return result.id === null ? null : Number(result.id);
  }

  /** Returns the stored annotations, in the order of `rows`; `event` is published after commit. */
  async insert(
    rows: NewAnnotation[],
    project: Pick<Project, 'skip_queue'>,
    userId: number,
    eventFor: (ids: number[]) => DomainEvent,
  ): Promise<Annotation[]> {
    const now = new Date();
    const statements = this.statements(rows, project, userId, now);
    const ids = await this.transactions.run(({ manager }) => runStatements(manager, statements));
    await this.events.publish(eventFor(ids));
    return rows.map((row, index) =>
      Object.assign(new Annotation(), row, { id: ids[index], created_at: now, updated_at: now }),
    );
  }

  private statements(
    rows: NewAnnotation[],
    project: Pick<Project, 'skip_queue'>,
    userId: number,
    now: Date,
  ): Statement[] {
    const dialect = this.dialect;
    const taskIds = [...new Set(rows.map((row) => row.task_id))].sort((a, b) => a - b);
    const perTasks = (text: (ids: string) => string) =>
      chunksOf(taskIds).map((chunk) => {
        const sql = new BoundSql(dialect);
        return sql.statement(text(sql.list(chunk)));
      });
    const statements: Statement[] = [];
    if (dialect === 'postgres') {
      // Chunks in id order keep the locking order of one statement.
      statements.push(
        ...perTasks((ids) => `SELECT id FROM task WHERE id IN (${ids}) ORDER BY id FOR UPDATE`),
      );
    }
    if (rows.some((row) => row.ground_truth)) {
      statements.push(
        ...perTasks(
          (ids) =>
            `UPDATE annotation SET ground_truth = FALSE WHERE task_id IN (${ids}) AND ground_truth = TRUE`,
        ),
      );
    }
    for (const batch of chunksOf(rows, ROWS_PER_INSERT)) {
      const sql = new BoundSql(dialect);
      const values = batch
        .map(
          (row) =>
            `(${[...COLUMNS.map((column) => sql.bind(valueOf(row, column))), sql.bind(now), sql.bind(now)].join(', ')})`,
        )
        .join(',\n');
      statements.push({
        ...sql.statement(
          `INSERT INTO annotation (${COLUMNS.join(', ')}, created_at, updated_at) VALUES ${values} RETURNING id`,
        ),
        returnsIds: true,
      });
    }
    const cancelled = rows.map((row) => row.was_cancelled);
    const oneRowPerTask = taskIds.length === rows.length;
    const uniform = oneRowPerTask && cancelled.every((flag) => flag === cancelled[0]);
    for (const chunk of chunksOf(taskIds)) {
      statements.push(
        uniform
          ? countInsertedStatement(chunk, project, cancelled[0], userId, dialect)
          : recountStatement(chunk, project, userId, dialect),
      );
    }
    return statements;
  }
}

/** Runs the statements in order in `manager`'s transaction; returns the inserted ids, ascending. */
async function runStatements(manager: EntityManager, statements: Statement[]): Promise<number[]> {
  const ids: number[] = [];
  for (const statement of statements) {
    const result: { id: number }[] = await manager.query(statement.sql, statement.values);
    if (statement.returnsIds) for (const row of result) ids.push(Number(row.id));
  }
  return ids.sort((a, b) => a - b);
}
