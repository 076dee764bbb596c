import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthContext } from '@ls/auth';
import { chunksOf, dialectOfDataSource, idAmong } from '@ls/core';
import { ProjectsService } from '@ls/projects';
import { Prediction } from '../entities/prediction.entity';
import { AnnotationsCreated } from '../events/annotation-events';
import { AnnotationWriter, NewAnnotation } from '../writes/annotation-writer';

/**
 * The data manager's "create annotations from predictions": each prediction of the chosen model
 * version on the selected tasks becomes an annotation of the caller (`parent_prediction` set),
 * unless an annotation was already made from it.
 */
@Injectable()
export class AnnotationsFromPredictions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
    private readonly writer: AnnotationWriter,
  ) {}

  /** Model versions of the project's predictions, newest first. */
  async modelVersions(auth: AuthContext, projectId: number): Promise<string[]> {
    await this.projects.get(auth, projectId);
    const rows = await this.dataSource
      .createQueryBuilder(Prediction, 'prediction')
      .select('prediction.model_version', 'version')
      .addSelect('MAX(prediction.id)', 'newest')
      .where('prediction.project_id = :projectId', { projectId })
      .andWhere('prediction.model_version IS NOT NULL')
      .groupBy('prediction.model_version')
      .orderBy('newest', 'DESC')
      .getRawMany<{ version: string }>();
    return rows.map((row) => row.version);
  }

  /** Returns how many annotations were created. */
  async create(
    auth: AuthContext,
    projectId: number,
    taskIds: number[],
    modelVersion: string | null,
  ): Promise<number> {
    const project = await this.projects.get(auth, projectId);
    const dialect = dialectOfDataSource(this.dataSource);
    let created = 0;
    for (const chunk of chunksOf(taskIds)) {
      const among = idAmong(dialect, 'prediction.task_id', chunk, 'tasks');
      const query = this.dataSource
        .createQueryBuilder(Prediction, 'prediction')
        .where('prediction.project_id = :projectId', { projectId })
        .andWhere(among.condition, among.parameters)
        .andWhere(
          'NOT EXISTS (SELECT 1 FROM annotation made WHERE made.parent_prediction_id = prediction.id)',
        )
        .orderBy('prediction.id', 'ASC');
      if (modelVersion !== null) {
        query.andWhere('prediction.model_version = :modelVersion', { modelVersion });
      }
      const rows: NewAnnotation[] = (await query.getMany()).map((prediction) => ({
        result: prediction.result,
        task_id: prediction.task_id,
        project_id: projectId,
        completed_by_id: auth.user.id,
        updated_by_id: auth.user.id,
        was_cancelled: false,
        ground_truth: false,
        lead_time: null,
        draft_created_at: null,
        parent_prediction_id: prediction.id,
        parent_annotation_id: null,
        last_action: 'prediction',
        last_created_by_id: auth.user.id,
        import_id: null,
        bulk_created: true,
        unique_id: null,
      }));
      if (rows.length === 0) continue;
      await this.writer.insert(
        rows,
        project,
        auth.user.id,
        (ids) => new AnnotationsCreated(auth.organizationId, projectId, ids, true),
      );
      created += rows.length;
    }
    return created;
  }
}
