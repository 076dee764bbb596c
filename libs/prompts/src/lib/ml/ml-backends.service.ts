import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AuthContext, SecretBox } from '@ls/auth';
import {
  OutboundHttp,
  OutboundHttpError,
  TransactionRunner,
  ValidationFailedException,
} from '@ls/core';
import { Project, ProjectScope, ProjectsService, ProjectWebhooks } from '@ls/projects';
import { MlBackendCreateDto, MlBackendUpdateDto } from './http/ml-backend-input.dto';
import { MlBackendStateService } from './ml-backend-state';
import { MlBackend } from './ml-backend.entity';
import { ModelServerClient } from './model-server/model-server-client';

/** The project webhook Label Studio keeps for each backend: `<url>/webhook`. */
const webhookUrl = (url: string) => `${url.replace(/\/+$/, '')}/webhook`;

/** Fields a body sets as given (the password, url and project are handled on their own). */
const PLAIN_FIELDS = [
  'title',
  'description',
  'auth_method',
  'basic_auth_user',
  'extra_params',
  'is_interactive',
  'timeout',
  'auto_update',
  'model_version',
] as const;

/**
 * ML backends of the caller's organization's projects (`/api/ml/`): saved only when the model
 * server answers `/health`, their state refreshed from the server whenever they are read.
 */
@Injectable()
export class MlBackendsService {
  private readonly scope: ProjectScope<MlBackend>;

  constructor(
    private readonly projects: ProjectsService,
    private readonly webhooks: ProjectWebhooks,
    private readonly transactions: TransactionRunner,
    private readonly secretBox: SecretBox,
    private readonly client: ModelServerClient,
    private readonly states: MlBackendStateService,
    @InjectRepository(MlBackend) private readonly backends: Repository<MlBackend>,
    @InjectRepository(Project) private readonly projectRows: Repository<Project>,
  ) {
    this.scope = new ProjectScope(backends);
  }

  /** The backends (of one project, or of all the organization's), each state refreshed at once. */
  async list(auth: AuthContext, projectId?: number): Promise<MlBackend[]> {
    const query = this.scope.query(auth, 'backend').orderBy('backend.id', 'ASC');
    if (projectId !== undefined) {
      await this.projects.get(auth, projectId);
      query.andWhere('backend.project_id = :projectId', { projectId });
    }
    const backends = await query.getMany();
    await Promise.all(backends.map((backend) => this.states.refresh(backend)));
    return backends;
  }

  /** The backend, its state refreshed from the server unless `refresh` is false; else 404. */
  async get(auth: AuthContext, id: number, refresh = true): Promise<MlBackend> {
    const backend = await this.scope
      .query(auth, 'backend')
      .andWhere('backend.id = :id', { id })
      .getOne();
    if (!backend) throw new NotFoundException('Not found.');
    return refresh ? this.states.refresh(backend) : backend;
  }

  async create(auth: AuthContext, input: MlBackendCreateDto): Promise<MlBackend> {
    const project = await this.projects.getReferenced(auth, input.project);
    const backend = this.backends.create({
      project_id: project.id,
      url: checkedUrl(input.url),
      title: 'default',
      description: '',
      auth_method: 'NONE',
      timeout: 100,
      auto_update: true,
      is_interactive: false,
      basic_auth_user: null,
      basic_auth_pass_sealed: null,
      extra_params: null,
      model_version: '',
      state: 'DI',
      error_message: null,
    });
    await this.apply(backend, input);
    await this.assertHealthy(backend, input.basic_auth_pass);
    const saved = await this.backends.save(backend);
    await this.states.refresh(saved);
    if (project.show_collab_predictions && !project.model_version && saved.title) {
      const title = saved.title;
      await this.transactions.run(({ manager }) =>
        this.projects.adoptModelVersion(manager, project.id, title),
      );
    }
    await this.webhooks.ensure({
      organizationId: auth.organizationId,
      projectId: project.id,
      url: webhookUrl(saved.url),
    });
    return saved;
  }

  async update(auth: AuthContext, id: number, input: MlBackendUpdateDto): Promise<MlBackend> {
    const backend = await this.get(auth, id, false);
    const before = { url: backend.url, projectId: backend.project_id };
    if (input.project !== undefined && input.project !== backend.project_id) {
      backend.project_id = (await this.projects.getReferenced(auth, input.project)).id;
    }
    if (input.url !== undefined) backend.url = checkedUrl(input.url);
    const reachChanged =
      backend.url !== before.url ||
      input.auth_method !== undefined ||
      input.basic_auth_user !== undefined ||
      input.basic_auth_pass !== undefined;
    await this.apply(backend, input);
    if (reachChanged) await this.assertHealthy(backend, input.basic_auth_pass);
    const saved = await this.backends.save(backend);
    await this.states.refresh(saved);
    if (saved.url !== before.url || saved.project_id !== before.projectId) {
      const { organizationId } = auth;
      await this.webhooks.remove({
        organizationId,
        projectId: before.projectId,
        url: webhookUrl(before.url),
      });
      await this.webhooks.ensure({
        organizationId,
        projectId: saved.project_id,
        url: webhookUrl(saved.url),
      });
    }
    return saved;
  }

  /** Deletes the backend and its project webhook; a project model version naming it is cleared. */
  async remove(auth: AuthContext, id: number): Promise<void> {
    const backend = await this.get(auth, id, false);
    await this.webhooks.remove({
      organizationId: auth.organizationId,
      projectId: backend.project_id,
      url: webhookUrl(backend.url),
    });
    const names = [backend.title, backend.model_version].filter((name): name is string => !!name);
    await this.transactions.run(async ({ manager }) => {
      await manager.delete(MlBackend, { id: backend.id });
      if (names.length > 0) {
        await manager.update(
          Project,
          { id: backend.project_id, model_version: In(names) },
          { model_version: '' },
        );
      }
    });
  }

  private async apply(backend: MlBackend, input: MlBackendUpdateDto): Promise<void> {
    for (const field of PLAIN_FIELDS) {
      if (input[field] !== undefined) Object.assign(backend, { [field]: input[field] });
    }
    if (input.basic_auth_pass !== undefined) {
      backend.basic_auth_pass_sealed = input.basic_auth_pass
        ? await this.secretBox.seal(input.basic_auth_pass)
        : null;
    }
  }

  /** 400 on `url` unless the server answers `/health` (with the credentials just given). */
  private async assertHealthy(backend: MlBackend, password?: string | null): Promise<void> {
    const basicAuth =
      backend.auth_method === 'BASIC_AUTH' && backend.basic_auth_user
        ? {
            user: backend.basic_auth_user,
            password:
              password ??
              (backend.basic_auth_pass_sealed
                ? ((await this.secretBox.open(backend.basic_auth_pass_sealed)) ?? '')
                : ''),
          }
        : null;
    const health = await this.client.health({ url: backend.url, basicAuth });
    if (!health.ok) {
      throw new ValidationFailedException({
        url: [
          `Can't connect to ML backend ${backend.url}, health check failed. Make sure it is up ` +
            `and your firewall is properly configured. ${health.error}`,
        ],
      });
    }
  }
}

function checkedUrl(url: string): string {
  try {
    return OutboundHttp.httpUrl(url.trim()).toString().replace(/\/+$/, '');
  } catch (error) {
    throw new ValidationFailedException({
      url: [error instanceof OutboundHttpError ? error.message : 'Enter a valid URL.'],
    });
  }
}
