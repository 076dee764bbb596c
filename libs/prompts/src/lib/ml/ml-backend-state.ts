import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { JobQueue } from '@ls/core';
import { MlBackend } from './ml-backend.entity';
import { ML_QUEUE } from './ml-jobs';
import { MlBackendConnector } from './model-server/ml-backend-connector';
import { ModelServerClient } from './model-server/model-server-client';

const LIVE_JOB = new Set(['waiting', 'delayed', 'active']);

/**
 * Label Studio's `update_state`: `/health` failing leaves the backend disconnected (`DI`); else
 * `/setup` failing is an error (`ER`, with the message); else it is connected (`CO`) and, with
 * `auto_update`, takes the model version the server reports. A backend whose predict job is still
 * queued or running stays `PR`. Never throws for a model server's sake.
 */
@Injectable()
export class MlBackendStateService {
  constructor(
    private readonly client: ModelServerClient,
    private readonly connector: MlBackendConnector,
    private readonly queue: JobQueue,
    @InjectRepository(MlBackend) private readonly backends: Repository<MlBackend>,
  ) {}

  async refresh(backend: MlBackend): Promise<MlBackend> {
    const address = await this.connector.address(backend);
    const health = await this.client.health(address);
    const changes: Partial<Pick<MlBackend, 'state' | 'error_message' | 'model_version'>> = {};
    if (!health.ok) {
      Object.assign(changes, { state: 'DI', error_message: health.error });
    } else {
      const project = await this.connector.project(backend.project_id);
      const setup = await this.client.setup(
        address,
        await this.connector.setupBody(backend, project),
      );
      if (!setup.ok) {
        Object.assign(changes, { state: 'ER', error_message: setup.error });
      } else {
        Object.assign(changes, { state: 'CO', error_message: null });
        const version = (setup.body as { model_version?: unknown } | null)?.model_version;
        if (backend.auto_update && version !== undefined && version !== null) {
          changes.model_version = String(version);
        }
      }
    }
    if (changes.state === 'CO' && (await this.predicting(backend))) changes.state = 'PR';
    await this.backends.update({ id: backend.id }, changes);
    return Object.assign(backend, changes);
  }

  /** Whether the backend's predict job is still waiting or running. */
  async predicting(backend: MlBackend): Promise<boolean> {
    if (!backend.predict_job) return false;
    const job = await this.queue.getJob(ML_QUEUE, backend.predict_job);
    return job !== null && LIVE_JOB.has(job.status);
  }
}
