import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '@ls/core';
import { Project, serializeProject } from '@ls/projects';
import { MlBackend } from '../ml-backend.entity';
import { MlBackendConnector, projectUid } from '../model-server/ml-backend-connector';
import { ModelServerClient, ModelServerResult } from '../model-server/model-server-client';
import { ModelTaskPayloads } from '../predictions/model-task-payloads';

/**
 * Starts training on a backend's model server: `POST /train` with every annotated task of the
 * project, or with `ML_TRAIN_VIA_WEBHOOK` the `START_TRAINING` action posted to `/webhook` (what
 * newer model servers listen to). The backend is then `TR`, or `ER` with the server's error.
 */
@Injectable()
export class MlTraining {
  constructor(
    private readonly config: AppConfig,
    private readonly client: ModelServerClient,
    private readonly connector: MlBackendConnector,
    private readonly payloads: ModelTaskPayloads,
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    @InjectRepository(MlBackend) private readonly backends: Repository<MlBackend>,
  ) {}

  async train(backend: MlBackend, useGroundTruth = false): Promise<ModelServerResult> {
    const address = await this.connector.address(backend);
    const result = this.config.ML_TRAIN_VIA_WEBHOOK
      ? await this.client.webhook(address, await this.startTrainingEvent(backend.project_id))
      : await this.client.train(address, await this.trainBody(backend.project_id, useGroundTruth));
    const changes: Partial<Pick<MlBackend, 'state' | 'error_message' | 'model_version'>> = result.ok
      ? { state: 'TR', error_message: null }
      : { state: 'ER', error_message: result.error };
    await this.backends.update({ id: backend.id }, changes);
    Object.assign(backend, changes);
    return result;
  }

  private async trainBody(projectId: number, useGroundTruth: boolean): Promise<object> {
    const project = await this.connector.project(projectId);
    return {
      annotations: await this.payloads.annotated(projectId),
      project: projectUid(project),
      label_config: project.label_config,
      hostname: this.connector.hostname(),
      params: {
        login: project.task_data_login,
        password: project.task_data_password,
        use_ground_truth: useGroundTruth,
      },
    };
  }

  private async startTrainingEvent(projectId: number): Promise<object> {
    const project = await this.projects.findOneOrFail({
      where: { id: projectId },
      relations: { created_by: true },
    });
    return { action: 'START_TRAINING', project: serializeProject(project, {}, 0) };
  }
}
