import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig, BoundSql, dialectOfManager } from '@ls/core';

/** First key of the PostgreSQL advisory locks that serialize picks within a project. */
const NEXT_TASK_LOCK_CLASS = 0x4e5854;

/**
 * The `task_lock` rows: who holds which task of the stream until when, for `TASK_LOCK_TTL`
 * seconds (the settings of @ls/core).
 */
@Injectable()
export class TaskLocks {
  readonly ttlSeconds: number;

  constructor(config: AppConfig) {
    this.ttlSeconds = config.TASK_LOCK_TTL;
  }

  /**
   * Makes the picks of one project wait for each other until commit, so that the next pick sees
   * the lock the previous one wrote. SQLite needs nothing: its transactions run one at a time.
   */
  async serializePicks(manager: EntityManager, projectId: number): Promise<void> {
    if (dialectOfManager(manager) !== 'postgres') return;
    await manager.query('SELECT pg_advisory_xact_lock($1, $2)', [NEXT_TASK_LOCK_CLASS, projectId]);
  }

  /** Drops the caller's expired locks and those of tasks of the project the caller annotated. */
  async releaseStale(manager: EntityManager, projectId: number, userId: number, now: Date) {
    const sql = new BoundSql(dialectOfManager(manager));
    const text =
      `DELETE FROM task_lock WHERE user_id = ${sql.bind(userId)} AND (expire_at <= ${sql.bind(now)}` +
      ` OR task_id IN (SELECT a.task_id FROM annotation a WHERE a.project_id = ${sql.bind(projectId)} AND a.completed_by_id = ${sql.bind(userId)}))`;
    await manager.query(text, sql.values);
  }

  /** Locks the task for the caller (or moves the caller's lock on), purging its expired locks. */
  async take(manager: EntityManager, taskId: number, userId: number, now: Date): Promise<void> {
    const dialect = dialectOfManager(manager);
    const purge = new BoundSql(dialect);
    await manager.query(
      `DELETE FROM task_lock WHERE task_id = ${purge.bind(taskId)} AND expire_at <= ${purge.bind(now)}`,
      purge.values,
    );
    const expireAt = new Date(now.getTime() + this.ttlSeconds * 1000);
    const sql = new BoundSql(dialect);
    await manager.query(
      `INSERT INTO task_lock (task_id, user_id, expire_at, created_at) VALUES (${sql.list([taskId, userId, expireAt, now])})` +
        ' ON CONFLICT (task_id, user_id) DO UPDATE SET expire_at = excluded.expire_at',
      sql.values,
    );
  }
}
