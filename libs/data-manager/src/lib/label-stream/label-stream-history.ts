import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { BoundSql, dialectOfManager } from '@ls/core';
import { LabelStreamHistory } from './label-stream-history.entity';

/** Label Studio's `LABEL_STREAM_HISTORY_LIMIT`: entries kept per user and project. */
export const LABEL_STREAM_HISTORY_LIMIT = 100;

/** One entry as Label Studio's `get_label_stream_history` gives it. */
export interface LabelStreamEntry {
  taskId: number;
  annotationId: number | null;
}

/**
 * The tasks the label stream handed to each user in each project, oldest first, and the
 * annotation the user made of each (Label Studio's `projects/functions/stream_history.py`): a
 * task is listed once, where it was first handed out; past the limit the oldest entries go.
 */
@Injectable()
export class LabelStreamHistoryStore {
  constructor(
    @InjectRepository(LabelStreamHistory)
    private readonly entries: Repository<LabelStreamHistory>,
  ) {}

  /** Records that `taskId` was handed to the user, in `manager`'s transaction. */
  async record(
    manager: EntityManager,
    entry: { userId: number; projectId: number; taskId: number },
    now = new Date(),
  ): Promise<void> {
    const dialect = dialectOfManager(manager);
    const insert = new BoundSql(dialect);
    await manager.query(
      `INSERT INTO label_stream_history (user_id, project_id, task_id, created_at) VALUES (${insert.list([entry.userId, entry.projectId, entry.taskId, now])})` +
        ' ON CONFLICT (task_id, user_id) DO NOTHING',
      insert.values,
    );
    const trim = new BoundSql(dialect);
    const mine = `user_id = ${trim.bind(entry.userId)} AND project_id = ${trim.bind(entry.projectId)}`;
    const kept = `SELECT id FROM label_stream_history WHERE user_id = ${trim.bind(entry.userId)} AND project_id = ${trim.bind(entry.projectId)} ORDER BY id DESC LIMIT ${trim.bind(LABEL_STREAM_HISTORY_LIMIT)}`;
    await manager.query(
      `DELETE FROM label_stream_history WHERE ${mine} AND id NOT IN (${kept})`,
      trim.values,
    );
  }

  /**
   * Fills in the annotation a user made of a task the stream handed them (the newest one when
   * there are several).
   */
  async annotated(
    manager: EntityManager,
    made: { userId: number; taskId: number; annotationId: number }[],
  ): Promise<void> {
    for (const { userId, taskId, annotationId } of made) {
      await manager.update(
        LabelStreamHistory,
        { user_id: userId, task_id: taskId },
        { annotation_id: annotationId },
      );
    }
  }

  /** The user's history in the project, oldest first. */
  async of(userId: number, projectId: number): Promise<LabelStreamEntry[]> {
    const rows = await this.entries.find({
      select: { task_id: true, annotation_id: true },
      where: { user_id: userId, project_id: projectId },
      order: { id: 'ASC' },
    });
    return rows.map((row) => ({ taskId: row.task_id, annotationId: row.annotation_id }));
  }
}
