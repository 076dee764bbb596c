import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OrganizationScope } from '@ls/auth';
import {
  BoundSql,
  BoundValue,
  chunksOf,
  DatabaseDialect,
  dialectOfDataSource,
  DomainEvent,
  DomainEventBus,
  OutboxWriter,
  PreparedQueries,
  TransactionRunner,
} from '@ls/core';
import { Project } from '@ls/projects';
import { TaskCounters } from '@ls/tasks';
import { Annotation } from '../entities/annotation.entity';
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

/** More writes in the transaction of an annotation's insert, given its id. */
export type Alongside = (manager: EntityManager, annotationId: number) => Promise<unknown>;

/** Who may write to the task, and the config version (CONFIG_VERSION_SQL) the input was checked at. */
export interface WriteGuard {
  organizationId: number;
  configVersion: string | null;
}

const INSERT_ONE_SQL = `SELECT ls_insert_annotation($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
  $13, $14, $15, $16) AS id`;

/**
 * The same call, and the event it causes written to the outbox by the same statement (so in the
 * same transaction): `$18` is the event's payload with a placeholder for the new id, `$19` its
 * attachments (made in memory; the new id is read from the payload).
 */
const INSERT_ONE_RECORDED_SQL = `WITH inserted AS (${INSERT_ONE_SQL}),
  recorded AS (
    INSERT INTO outbox_event (name, payload, attachments, created_at, available_at)
    SELECT $17, jsonb_set(CAST($18 AS jsonb), '{annotationIds}', jsonb_build_array(id)),
      CAST($19 AS jsonb), $16, $16
    FROM inserted WHERE id IS NOT NULL)
  SELECT id FROM inserted`;

const GUARD_SQL_SQLITE = `SELECT 1 AS ok FROM task t JOIN project p ON p.id = t.project_id
  WHERE t.id = ? AND ${OrganizationScope.sql('p', '?')} AND (? IS NULL OR ${CONFIG_VERSION_SQL} = ?)`;

/** The annotation `row` became, as stored with `id` at `now`. */
const stored = (row: NewAnnotation, id: number, now: Date): Annotation =>
  Object.assign(new Annotation(), row, { id, created_at: now, updated_at: now });

const valueOf = (row: NewAnnotation, column: keyof NewAnnotation): BoundValue =>
  column === 'result'
    ? row.result === null
      ? null
      : { json: row.result }
    : (row[column] as BoundValue);

/**
 * Inserts annotations and counts them on their tasks in one transaction, the hot path of labeling.
 * Every value is a bind parameter, in statements batched under the databases' parameter limits:
 * lock the tasks (PostgreSQL, in id order), insert, then the tasks library counts
 * (`TaskCounters`). Under READ COMMITTED every statement takes a fresh snapshot, so the count
 * sees the rows other writers committed while this one waited for the locks. SQLite runs the
 * same statements through the serialized transaction runner.
 */
@Injectable()
export class AnnotationWriter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly events: DomainEventBus,
    private readonly outbox: OutboxWriter,
    private readonly prepared: PreparedQueries,
    private readonly counters: TaskCounters,
  ) {}

  private get dialect(): DatabaseDialect {
    return dialectOfDataSource(this.dataSource);
  }

  /**
   * One annotation, the labeling hot path: on PostgreSQL one call of `ls_insert_annotation` (a
   * prepared statement, see its migration), on SQLite the statements of {@link insert} after the
   * same check. Null, writing nothing, when the task is no longer in the organization or its
   * project's config changed since `guard.configVersion` was read (null: not checked).
   * `alongside` runs in the insert's transaction once the annotation is written (deleting the
   * draft it was made from); on PostgreSQL that makes it a transaction rather than one call.
   */
  async insertOne(
    row: NewAnnotation,
    guard: WriteGuard,
    project: Pick<Project, 'skip_queue'>,
    eventFor: (ids: number[], created: Annotation[]) => DomainEvent,
    alongside?: Alongside,
  ): Promise<Annotation | null> {
    const now = new Date();
    const id =
      this.dialect === 'postgres'
        ? await this.insertOneOnPostgres(row, guard, now, eventFor, alongside)
        : await this.transactions.run(async (tx) => {
            const [current] = await tx.manager.query(GUARD_SQL_SQLITE, [
              row.task_id,
              guard.organizationId,
              guard.configVersion,
              guard.configVersion,
            ]);
            if (!current) return null;
            const [inserted] = await this.write(
              tx.manager,
              [row],
              project,
              row.updated_by_id ?? 0,
              now,
            );
            if (alongside) await alongside(tx.manager, inserted);
            tx.afterCommit(eventFor([inserted], [stored(row, inserted, now)]));
            return inserted;
          });
    if (id === null) return null;
    return stored(row, id, now);
  }

  /**
   * One statement, one round trip: the insert and, when someone listens durably, its event. When
   * a listener keeps something with the event (a webhook's payload), or more is written with
   * the annotation (`alongside`), a transaction instead.
   */
  private async insertOneOnPostgres(
    row: NewAnnotation,
    guard: WriteGuard,
    now: Date,
    eventFor: (ids: number[], created: Annotation[]) => DomainEvent,
    alongside: Alongside | undefined,
  ) {
    const probe = eventFor([0], [stored(row, 0, now)]);
    const recorded = this.outbox.isDurable(probe);
    const values = [
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
    ];
    const attachments =
      recorded && !alongside ? await this.outbox.attachmentsFromMemory(probe) : undefined;
    if (attachments === null || alongside) {
      return this.transactions.run(async (tx) => {
        const [inserted] = (await tx.manager.query(INSERT_ONE_SQL, values)) as { id: unknown }[];
        if (inserted.id === null) return null;
        const id = Number(inserted.id);
        if (alongside) await alongside(tx.manager, id);
        tx.afterCommit(eventFor([id], [stored(row, id, now)]));
        return id;
      });
    }
    const [result] = recorded
      ? await this.prepared.rows('annotations.insert-one-recorded', INSERT_ONE_RECORDED_SQL, [
          ...values,
          probe.eventName,
          JSON.stringify({ ...probe }),
          attachments === undefined ? null : JSON.stringify(attachments),
        ])
      : await this.prepared.rows('annotations.insert-one', INSERT_ONE_SQL, values);
    if (result.id === null) return null;
    const id = Number(result.id);
    if (recorded) this.outbox.wake();
    await this.events.publish(eventFor([id], [stored(row, id, now)]));
    return id;
  }

  /** Returns the stored annotations, in the order of `rows`; the event is published after commit. */
  async insert(
    rows: NewAnnotation[],
    project: Pick<Project, 'skip_queue'>,
    userId: number,
    eventFor: (ids: number[]) => DomainEvent,
  ): Promise<Annotation[]> {
    const now = new Date();
    const ids = await this.transactions.run(async (tx) => {
      const inserted = await this.write(tx.manager, rows, project, userId, now);
      tx.afterCommit(eventFor(inserted));
      return inserted;
    });
    return rows.map((row, index) =>
      Object.assign(new Annotation(), row, { id: ids[index], created_at: now, updated_at: now }),
    );
  }

  /** Lock, insert and count in `manager`'s transaction; returns the new ids, ascending. */
  private async write(
    manager: EntityManager,
    rows: NewAnnotation[],
    project: Pick<Project, 'skip_queue'>,
    userId: number,
    now: Date,
  ): Promise<number[]> {
    const dialect = this.dialect;
    const taskIds = [...new Set(rows.map((row) => row.task_id))].sort((a, b) => a - b);
    const perTasks = async (text: (ids: string) => string) => {
      for (const chunk of chunksOf(taskIds)) {
        const sql = new BoundSql(dialect);
        await manager.query(text(sql.list(chunk)), sql.values);
      }
    };
    if (dialect === 'postgres') {
      // Chunks in id order keep the locking order of one statement.
      await perTasks((ids) => `SELECT id FROM task WHERE id IN (${ids}) ORDER BY id FOR UPDATE`);
    }
    if (rows.some((row) => row.ground_truth)) {
      await perTasks(
        (ids) =>
          `UPDATE annotation SET ground_truth = FALSE WHERE task_id IN (${ids}) AND ground_truth = TRUE`,
      );
    }
    const ids: number[] = [];
    for (const batch of chunksOf(rows, ROWS_PER_INSERT)) {
      const sql = new BoundSql(dialect);
      const values = batch
        .map(
          (row) =>
            `(${[...COLUMNS.map((column) => sql.bind(valueOf(row, column))), sql.bind(now), sql.bind(now)].join(', ')})`,
        )
        .join(',\n');
      const inserted: { id: number }[] = await manager.query(
        `INSERT INTO annotation (${COLUMNS.join(', ')}, created_at, updated_at) VALUES ${values} RETURNING id`,
        sql.values,
      );
      for (const row of inserted) ids.push(Number(row.id));
    }
    const cancelled = rows.map((row) => row.was_cancelled);
    const oneRowPerTask = taskIds.length === rows.length;
    if (oneRowPerTask && cancelled.every((flag) => flag === cancelled[0])) {
      await this.counters.countAdded(manager, taskIds, project, cancelled[0], userId);
    } else {
      await this.counters.recount(manager, taskIds, project, userId);
    }
    return ids.sort((a, b) => a - b);
  }
}
