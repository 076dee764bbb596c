import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PrelabelingMoment, TaskPrelabeling, TaskPrelabelingSource } from '@ls/data-manager';
import { Project } from '@ls/projects';
import { Task } from '@ls/tasks';
import { MlBackendStateService } from '../ml-backend-state';
import { MlBackend } from '../ml-backend.entity';
import { MlPredictor } from '../predictions/ml-predictor';

/**
 * Predictions made as tasks are served (behavior.md 9.5): the labeling stream asks the backend the
 * project's `model_version` names (its title or version) when collaborator predictions are shown;
 * the data manager's page asks every backend when `evaluate_predictions_automatically` is on.
 * Tasks with a prediction of the backend's version are not sent again.
 */
@Injectable()
export class MlPrelabeling implements TaskPrelabelingSource, OnModuleInit {
  private readonly logger = new Logger(MlPrelabeling.name);

  constructor(
    private readonly prelabeling: TaskPrelabeling,
    private readonly predictor: MlPredictor,
    private readonly states: MlBackendStateService,
    @InjectRepository(MlBackend) private readonly backends: Repository<MlBackend>,
    @InjectRepository(Project) private readonly projects: Repository<Project>,
  ) {}

  onModuleInit(): void {
    this.prelabeling.register(this);
  }

  async prelabel(projectId: number, tasks: Task[], moment: PrelabelingMoment): Promise<void> {
    for (const backend of await this.backendsFor(projectId, moment)) {
      await this.states.refresh(backend);
      if (backend.state !== 'CO' && backend.state !== 'PR') continue;
      const outcome = await this.predictor.predictTasks(backend, tasks);
      const predicted = new Set(outcome.predicted);
      for (const task of tasks) if (predicted.has(task.id)) task.total_predictions += 1;
      if (outcome.error) {
        this.logger.warn(
          { backend: backend.id, error: outcome.error },
          'Model server failed; tasks served without its predictions',
        );
      }
    }
  }

  private async backendsFor(projectId: number, moment: PrelabelingMoment): Promise<MlBackend[]> {
    const project = await this.projects.findOne({
      select: {
        id: true,
        model_version: true,
        show_collab_predictions: true,
        evaluate_predictions_automatically: true,
      },
      where: { id: projectId },
    });
    if (!project) return [];
    const version = project.model_version;
    const wanted =
      moment === 'task-list'
        ? project.evaluate_predictions_automatically
        : project.show_collab_predictions && !!version;
    if (!wanted) return [];
    const backends = await this.backends.find({
      where: { project_id: projectId, is_interactive: false },
      order: { id: 'ASC' },
    });
    if (moment === 'task-list') return backends;
    const named = backends.find(
      (backend) => backend.title === version || backend.model_version === version,
    );
    return named ? [named] : [];
  }
}
