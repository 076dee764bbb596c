import { basename } from 'node:path';
import { Brackets, EntityManager, SelectQueryBuilder } from 'typeorm';
import { dialectOfManager } from '@ls/core';
import { Task } from '@ls/tasks';
import { annotationKinds, AnnotationFilterOptions } from './export-options';
import { exportSqlOf } from './export-sql';
import { AnnotationRow, DraftRow, PredictionRow, TaskRow } from './export-task-json';

/**
 * The raw rows of an export batch. Each read is one query with the batch's task ids bound as a
 * list; columns come as the text the output writes (see `ExportSql`), never hydrated entities.
 */
export class ExportRows {
  private readonly sql;

  constructor(private readonly manager: EntityManager) {
    this.sql = exportSqlOf(dialectOfManager(manager));
  }

  /** The next batch of tasks after `after`, in id order. */
  tasks(query: SelectQueryBuilder<Task>, after: number, size: number): Promise<TaskRow[]> {
    const { sql } = this;
    return query
      .clone()
      .select('task.id', 'id')
      .addSelect('task.project_id', 'project_id')
      .addSelect('task.inner_id', 'inner_id')
      .addSelect(sql.json('task.data'), 'data')
      .addSelect(sql.json('task.meta'), 'meta')
      .addSelect(sql.timestamp('task.created_at'), 'created_at')
      .addSelect(sql.timestamp('task.updated_at'), 'updated_at')
      .addSelect('task.total_annotations', 'total_annotations')
      .addSelect('task.cancelled_annotations', 'cancelled_annotations')
      .addSelect('task.total_predictions', 'total_predictions')
      .addSelect('task.comment_count', 'comment_count')
      .addSelect('task.unresolved_comment_count', 'unresolved_comment_count')
      .addSelect(sql.timestamp('task.last_comment_updated_at'), 'last_comment_updated_at')
      .addSelect('task.updated_by_id', 'updated_by_id')
      .addSelect('task.file_upload_id', 'file_upload_id')
      .andWhere('task.id > :exportAfter', { exportAfter: after })
      .orderBy('task.id', 'ASC')
      .limit(size)
      .getRawMany<TaskRow>();
  }

  annotations(taskIds: number[], filter: AnnotationFilterOptions): Promise<AnnotationRow[]> {
    const { sql } = this;
    const query = this.ofTasks('annotation', taskIds)
      .addSelect('annotation.project_id', 'project_id')
      .addSelect('annotation.completed_by_id', 'completed_by_id')
      .addSelect(sql.json('annotation.result'), 'result')
      .addSelect(sql.arrayLength('annotation.result'), 'result_count')
      .addSelect('annotation.was_cancelled', 'was_cancelled')
      .addSelect('annotation.ground_truth', 'ground_truth')
      .addSelect(sql.timestamp('annotation.created_at'), 'created_at')
      .addSelect(sql.timestamp('annotation.updated_at'), 'updated_at')
      .addSelect(sql.timestamp('annotation.draft_created_at'), 'draft_created_at')
      .addSelect('annotation.lead_time', 'lead_time')
      .addSelect('annotation.unique_id', 'unique_id')
      .addSelect('annotation.import_id', 'import_id')
      .addSelect('annotation.last_action', 'last_action')
      .addSelect('annotation.bulk_created', 'bulk_created')
      .addSelect('annotation.updated_by_id', 'updated_by_id')
      .addSelect('annotation.parent_prediction_id', 'parent_prediction_id')
      .addSelect('annotation.parent_annotation_id', 'parent_annotation_id')
      .addSelect('annotation.last_created_by_id', 'last_created_by_id');
    // Reviews are not kept by this server: asking for reviewed annotations only finds none.
    if (filter.reviewed === 'only') query.andWhere('1 = 0');
    const kinds = annotationKinds(filter);
    if (kinds) {
      query.andWhere(
        new Brackets((any) => {
          any.where('1 = 0');
          if (kinds.usual) {
            any.orWhere('(annotation.was_cancelled = FALSE AND annotation.ground_truth = FALSE)');
          }
          if (kinds.groundTruth) any.orWhere('annotation.ground_truth = TRUE');
          if (kinds.skipped) any.orWhere('annotation.was_cancelled = TRUE');
        }),
      );
    }
    return query.getRawMany<AnnotationRow>();
  }

  predictions(taskIds: number[], full: boolean): Promise<PredictionRow[]> {
    const query = this.ofTasks('prediction', taskIds);
    if (!full) return query.getRawMany<PredictionRow>();
    const { sql } = this;
    return query
      .addSelect('prediction.project_id', 'project_id')
      .addSelect(sql.json('prediction.result'), 'result')
      .addSelect('prediction.score', 'score')
      .addSelect('prediction.model_version', 'model_version')
      .addSelect('prediction.cluster', 'cluster')
      .addSelect(sql.json('prediction.neighbors'), 'neighbors')
      .addSelect('prediction.mislabeling', 'mislabeling')
      .addSelect(sql.timestamp('prediction.created_at'), 'created_at')
      .addSelect(sql.timestamp('prediction.updated_at'), 'updated_at')
      .addSelect('prediction.model_id', 'model_id')
      .addSelect('prediction.model_run_id', 'model_run_id')
      .getRawMany<PredictionRow>();
  }

  drafts(taskIds: number[], full: boolean): Promise<DraftRow[]> {
    const query = this.ofTasks('annotation_draft', taskIds);
    if (!full) return query.getRawMany<DraftRow>();
    const { sql } = this;
    return query
      .addSelect('annotation_draft.user_id', 'user_id')
      .addSelect('annotation_draft.annotation_id', 'annotation_id')
      .addSelect(sql.json('annotation_draft.result'), 'result')
      .addSelect('annotation_draft.lead_time', 'lead_time')
      .addSelect('annotation_draft.was_postponed', 'was_postponed')
      .addSelect('annotation_draft.import_id', 'import_id')
      .addSelect(sql.timestamp('annotation_draft.created_at'), 'created_at')
      .addSelect(sql.timestamp('annotation_draft.updated_at'), 'updated_at')
      .getRawMany<DraftRow>();
  }

  /** Annotators as `annotations__completed_by` expands them, by id. */
  async users(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.manager
      .createQueryBuilder()
      .select('member.id', 'id')
      .addSelect('member.email', 'email')
      .addSelect('member.first_name', 'first_name')
      .addSelect('member.last_name', 'last_name')
      .from('htx_user', 'member')
      .where('member.id IN (:...exportUsers)', { exportUsers: ids })
      .getRawMany<{ id: number; email: string; first_name: string; last_name: string }>();
    return new Map(
      rows.map((user) => [
        Number(user.id),
        JSON.stringify({
          id: Number(user.id),
          email: user.email,
          first_name: user.first_name,
          last_name: user.last_name,
        }),
      ]),
    );
  }

  /** The names of uploaded files, by upload id. */
  async uploadNames(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.manager
      .createQueryBuilder()
      .select('upload.id', 'id')
      .addSelect('upload.file', 'file')
      .from('file_upload', 'upload')
      .where('upload.id IN (:...exportUploads)', { exportUploads: ids })
      .getRawMany<{ id: number; file: string }>();
    return new Map(rows.map((upload) => [Number(upload.id), basename(upload.file)]));
  }

  private ofTasks(table: string, taskIds: number[]) {
    return this.manager
      .createQueryBuilder()
      .select(`${table}.id`, 'id')
      .addSelect(`${table}.task_id`, 'task_id')
      .from(table, table)
      .where(`${table}.task_id IN (:...exportTasks)`, { exportTasks: taskIds })
      .orderBy(`${table}.id`, 'ASC');
  }
}
