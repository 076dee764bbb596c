import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SecretBox, UsersService } from '@ls/auth';
import { AppConfig } from '@ls/core';
import { Project } from '@ls/projects';
import { MlBackend } from '../ml-backend.entity';
import { ModelServerAddress } from './model-server-client';

/** The project fields the protocol sends, the task data credentials included. */
export type ProtocolProject = Pick<
  Project,
  'id' | 'created_at' | 'label_config' | 'created_by_id' | 'task_data_login' | 'task_data_password'
>;

/**
 * What Label Studio tells a model server about a backend's project: the address with its
 * credentials, the project's id (`<id>.<created_at epoch>`), and the bodies of `/setup` and
 * `/predict`.
 */
@Injectable()
export class MlBackendConnector {
  constructor(
    private readonly config: AppConfig,
    private readonly secretBox: SecretBox,
    private readonly users: UsersService,
    @InjectRepository(Project) private readonly projects: Repository<Project>,
  ) {}

  async address(backend: MlBackend): Promise<ModelServerAddress> {
    if (backend.auth_method !== 'BASIC_AUTH' || !backend.basic_auth_user) {
      return { url: backend.url, basicAuth: null };
    }
    const password = backend.basic_auth_pass_sealed
      ? await this.secretBox.open(backend.basic_auth_pass_sealed)
      : null;
    return password
      ? { url: backend.url, basicAuth: { user: backend.basic_auth_user, password } }
      : { url: backend.url, basicAuth: null };
  }

  /** The project as the protocol needs it (its task data password is not read otherwise). */
  async project(projectId: number): Promise<ProtocolProject> {
    const project = await this.projects
      .createQueryBuilder('project')
      .select([
        'project.id',
        'project.created_at',
        'project.label_config',
        'project.created_by_id',
        'project.task_data_login',
      ])
      .addSelect('project.task_data_password')
      .where('project.id = :id', { id: projectId })
      .getOne();
    if (!project) throw new Error(`Project ${projectId} is gone`);
    return project;
  }

  /** Where the model server reaches this server back (Label Studio's `HOSTNAME`). */
  hostname(): string {
    return `http://localhost:${this.config.PORT}`;
  }

  async setupBody(backend: MlBackend, project: ProtocolProject): Promise<object> {
    return {
      project: projectUid(project),
      schema: project.label_config,
      hostname: this.hostname(),
      access_token: await this.accessToken(project.created_by_id),
      extra_params: backend.extra_params ?? null,
      // A backend whose version the user chose asks the server for that one.
      ...(backend.auto_update ? {} : { model_version: backend.model_version }),
    };
  }

  predictBody(project: ProtocolProject, tasks: object[], context: unknown = null): object {
    return {
      tasks,
      project: projectUid(project),
      label_config: project.label_config,
      params: {
        login: project.task_data_login,
        password: project.task_data_password,
        hostname: this.hostname(),
        context,
      },
    };
  }

  /** The project creator's legacy token, with which the model server reads task files. */
  private async accessToken(userId: number | null): Promise<string | null> {
    if (userId === null) return null;
    try {
      return await this.users.legacyToken(userId);
    } catch {
      // sealed under an earlier SECRET_KEY: it can no longer be shown, so none is sent
      return null;
    }
  }
}

/** `<project id>.<created_at as whole seconds>`: how model servers tell projects apart. */
export function projectUid(project: Pick<Project, 'id' | 'created_at'>): string {
  return `${project.id}.${Math.floor(project.created_at.getTime() / 1000)}`;
}
