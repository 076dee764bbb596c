import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ImportedAnnotations } from '@ls/annotations';
import { AuthContext } from '@ls/auth';
import { AppConfig, TransactionRunner, ValidationFailedException } from '@ls/core';
import { ProjectsService } from '@ls/projects';
import { Task } from '@ls/tasks';
import { predictionProblem, predictionRow } from './import-rows';

const BATCH = 500;

const taskOf = (item: unknown): unknown => (item as { task?: unknown } | null)?.task;

/** `POST /api/projects/{id}/import/predictions`: predictions for tasks of the project, all or none. */
@Injectable()
export class PredictionImportService {
  constructor(
    private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly projects: ProjectsService,
    private readonly importedAnnotations: ImportedAnnotations,
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
  ) {}

  async importPredictions(auth: AuthContext, projectId: number, body: unknown): Promise<number> {
    const project = await this.projects.get(auth, projectId);
    if (!Array.isArray(body) || body.length === 0) {
      throw new ValidationFailedException({
        non_field_errors: ['Expected a non-empty list of predictions.'],
      });
    }
    const known = await this.taskIdsOf(project.id, body.map(taskOf));
    const errors = Object.fromEntries(
      body.flatMap((item, index) =>
        known.has(Number(taskOf(item)))
          ? []
          : [[`[${index}].task`, [`Task ${taskOf(item)} is not in project ${project.id}`]]],
      ),
    );
    if (Object.keys(errors).length > 0) throw new ValidationFailedException(errors);
    const target = {
      project,
      importerId: auth.user.id,
      validatePredictions: this.config.VALIDATE_PREDICTIONS,
    };
    const rows = body.map((item, index) => {
      try {
        return predictionRow(item, Number(taskOf(item)), target);
      } catch (error) {
        throw predictionProblem(error, index, 0);
      }
    });
    await this.transactions.run(({ manager }) =>
      this.importedAnnotations.insert(
        manager,
        project,
        { annotations: [], predictions: rows },
        auth.user.id,
      ),
    );
    return rows.length;
  }

  private async taskIdsOf(projectId: number, given: unknown[]): Promise<Set<number>> {
    const ids = [...new Set(given.map(Number).filter(Number.isInteger))];
    const found = new Set<number>();
    for (let start = 0; start < ids.length; start += BATCH) {
      const rows = await this.tasks.find({
        select: { id: true },
        where: { project_id: projectId, id: In(ids.slice(start, start + BATCH)) },
      });
      for (const row of rows) found.add(row.id);
    }
    return found;
  }
}
