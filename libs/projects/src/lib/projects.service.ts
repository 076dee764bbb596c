import { ProjectCreated, ProjectDeleted, ProjectUpdated } from './events/project-events';
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { AuthContext, OrganizationMember, OrganizationRef, OrganizationScope } from '@ls/auth';
import {
  AppConfig,
  assertIdListSize,
  dialectOfManager,
  PageWindow,
  TransactionRunner,
  ValidationFailedException,
} from '@ls/core';
import { configChangeProblem, configEssentialDataHasChanged } from './config-change/config-change';
import { ListProjectsQuery } from './dto/list-projects.query';
import { ProjectInput } from './dto/project-input.dto';
import {
  analyzeLabelConfig,
  AnalyzedLabelConfig,
  LabelConfigOptions,
} from './label-config/label-config';
import { LabelConfigError } from './label-config/label-config.error';
import { LabelUsage } from './ports/label-usage';
import { OverlapSettings, TaskStates } from './ports/task-states';
import { DEFAULT_LABEL_CONFIG, Project } from './project.entity';
import { PROJECT_SETTING_KEYS, ProjectSettings } from './project-settings';
import { ProjectAccessService } from './access/project-access.service';
import { namedBinder, visibleProjectSql } from './access/visibility-sql';
import { WorkspaceLookup } from './workspaces/workspace-lookup';

/**
 * The project's overlap settings as committed, its row locked until the transaction ends
 * (PostgreSQL; SQLite runs one transaction at a time): imports, which lock it too, wait.
 */
async function lockedOverlapSettings(
  manager: EntityManager,
  projectId: number,
): Promise<OverlapSettings> {
  const postgres = dialectOfManager(manager) === 'postgres';
  const [row] = await manager.query(
    `SELECT id, maximum_annotations, overlap_cohort_percentage, skip_queue FROM project
     WHERE id = ${postgres ? '$1 FOR UPDATE' : '?'}`,
    [projectId],
  );
  if (!row) throw new NotFoundException('Not found.');
  return row as OverlapSettings;
}

/** Label config problems are 400s on the `label_config` field. */
function analyzeOr400(
  config: unknown,
  weights: AnalyzedLabelConfig['control_weights'],
  options: LabelConfigOptions,
) {
  try {
    return analyzeLabelConfig(config, weights, options);
  } catch (error) {
    if (error instanceof LabelConfigError) {
      throw new ValidationFailedException({ label_config: [error.message] });
    }
    throw error;
  }
}

function splitInput(input: ProjectInput) {
  const settings: ProjectSettings = {};
  const columns: Partial<Project> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if ((PROJECT_SETTING_KEYS as string[]).includes(key)) {
      (settings as Record<string, unknown>)[key] = value;
    } else if (key === 'pinned_at') {
      columns.pinned_at = value === null ? null : new Date(value as string);
    } else if (!['label_config', 'control_weights', 'workspace'].includes(key)) {
      (columns as Record<string, unknown>)[key] = value;
    }
  }
  return { settings, columns };
}

@Injectable()
export class ProjectsService {
  private readonly scope: OrganizationScope<Project>;
  private readonly memberScope: OrganizationScope<OrganizationMember>;

  constructor(
    private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly labelUsage: LabelUsage,
    private readonly taskStates: TaskStates,
    private readonly access: ProjectAccessService,
    private readonly workspaces: WorkspaceLookup,
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    @InjectRepository(OrganizationMember) members: Repository<OrganizationMember>,
  ) {
    this.scope = new OrganizationScope(projects);
    this.memberScope = new OrganizationScope(members);
  }

  /** `/api/projects/validate/`: the checks of a save, without a project. */
  validateConfig(config: unknown): void {
    this.analyze(config);
  }

  async create(auth: AuthContext, input: ProjectInput): Promise<Project> {
    const analyzed = this.analyze(input.label_config ?? DEFAULT_LABEL_CONFIG);
    const { settings, columns } = splitInput(input);
    const workspaceId = await this.workspaceOf(auth, input.workspace);
    const project = this.projects.create({
      ...columns,
      label_config: input.label_config ?? DEFAULT_LABEL_CONFIG,
      parsed_label_config: analyzed.parsed_label_config,
      data_types: analyzed.data_types,
      config_suitable_for_bulk_annotation: analyzed.config_suitable_for_bulk_annotation,
      control_weights: {
        ...analyzed.control_weights,
        ...(input.control_weights ?? {}),
      } as Project['control_weights'],
      settings,
      organization_id: auth.organizationId,
      created_by_id: auth.user.id,
      workspace_id: workspaceId ?? null,
    });
    const saved = await this.transactions.run(async (tx) => {
      const stored = await tx.manager.save(Project, project);
      tx.afterCommit(new ProjectCreated(auth.organizationId, stored.id));
      return stored;
    });
    this.access.forget(saved.id);
    return this.get(auth, saved.id);
  }

  /**
   * The organization's project, whoever may see it: for work done on the caller's behalf. Routes
   * about a project check that the caller sees it (`getVisible`, and the auth guard before).
   */
  async get(auth: AuthContext, id: number): Promise<Project> {
    const project = await this.scope
      .query(auth, 'project')
      .leftJoinAndSelect('project.created_by', 'created_by')
      .leftJoinAndSelect('project.workspace', 'workspace')
      .andWhere('project.id = :id', { id })
      .getOne();
    if (!project) throw new NotFoundException('Not found.');
    return project;
  }

  /** The project, when the caller may see it (see `visibleProjectSql`); else 404. */
  async getVisible(auth: AuthContext, id: number): Promise<Project> {
    const access = await this.access.accessOf(auth, id);
    if (!access?.visible) throw new NotFoundException('Not found.');
    return this.get(auth, id);
  }

  /** A project named in a request body that the caller does not see: a 400 on `field`. */
  async getVisibleReferenced(auth: AuthContext, id: number, field = 'project'): Promise<Project> {
    const access = await this.access.accessOf(auth, id);
    if (!access?.visible) {
      throw new ValidationFailedException({
        [field]: [`Invalid pk "${id}" - object does not exist.`],
      });
    }
    return this.get(auth, id);
  }

  /**
   * A project named in a request body (`project: <id>`): outside the caller's organization it
   * does not exist, a 400 on that field as Label Studio words it.
   */
  async getReferenced(auth: AuthContext, id: number, field = 'project'): Promise<Project> {
    try {
      return await this.get(auth, id);
    } catch (error) {
      if (!(error instanceof NotFoundException)) throw error;
      throw new ValidationFailedException({
        [field]: [`Invalid pk "${id}" - object does not exist.`],
      });
    }
  }

  async list(
    auth: AuthContext,
    query: ListProjectsQuery,
    window: PageWindow,
  ): Promise<{ rows: Project[]; count: number }> {
    const visibility = namedBinder('visible');
    const viewer = { userId: auth.user.id, role: auth.role };
    const builder = this.scope
      .query(auth, 'project')
      .leftJoinAndSelect('project.created_by', 'created_by')
      .leftJoinAndSelect('project.workspace', 'workspace')
      .andWhere(visibleProjectSql('project', viewer, visibility.bind), visibility.params);
    if (query.workspaces !== undefined) {
      builder.andWhere('project.workspace_id = :workspaceFilter', {
        workspaceFilter: query.workspaces,
      });
    }
    if (query.archived === true) builder.andWhere('workspace.is_archived = TRUE');
    if (query.archived === false) {
      builder.andWhere('(workspace.id IS NULL OR workspace.is_archived = FALSE)');
    }
    if (query.ids) {
      const ids = query.ids.split(',').map(Number);
      assertIdListSize('ids', ids);
      builder.andWhere('project.id IN (:...ids)', { ids });
    }
    if (query.title) {
      builder.andWhere('LOWER(project.title) LIKE :title', {
        title: `%${query.title.toLowerCase()}%`,
      });
    }
    if (query.search) {
      builder.andWhere(
        '(LOWER(project.title) LIKE :search OR LOWER(project.description) LIKE :search)',
        { search: `%${query.search.toLowerCase()}%` },
      );
    }
    if (query.filter === 'pinned_only') builder.andWhere('project.pinned_at IS NOT NULL');
    if (query.filter === 'exclude_pinned') builder.andWhere('project.pinned_at IS NULL');
    const orderings = (query.ordering ?? '-pinned_at,-created_at').split(',');
    orderings.forEach((ordering, index) => {
      const descending = ordering.startsWith('-');
      const column = `project.${ordering.replace(/^-/, '')}`;
      // NULLs (unpinned projects) last whichever the direction, on both databases.
      const nulls = descending ? 'NULLS LAST' : 'NULLS FIRST';
      if (index === 0) builder.orderBy(column, descending ? 'DESC' : 'ASC', nulls);
      else builder.addOrderBy(column, descending ? 'DESC' : 'ASC', nulls);
    });
    // TypeORM keeps one direction per column, so the id tie-breaker only when id is not ordered on.
    if (!orderings.some((ordering) => ordering.replace(/^-/, '') === 'id')) {
      builder.addOrderBy('project.id', 'DESC');
    }
    const [rows, count] = await builder.skip(window.offset).take(window.size).getManyAndCount();
    return { rows, count };
  }

  async update(auth: AuthContext, id: number, input: ProjectInput): Promise<Project> {
    const project = await this.get(auth, id);
    const { settings, columns } = splitInput(input);
    const changes: Partial<Project> = {
      ...columns,
      settings: { ...project.settings, ...settings },
    };
    if (input.workspace !== undefined) {
      changes.workspace_id = await this.workspaceOf(auth, input.workspace);
    }
    if (input.label_config !== undefined && input.label_config !== project.label_config) {
      const config = input.label_config ?? DEFAULT_LABEL_CONFIG;
      const analyzed = this.analyze(config, project.control_weights ?? {});
      await this.assertConfigFitsAnnotations(project.id, analyzed);
      Object.assign(changes, {
        label_config: config,
        parsed_label_config: analyzed.parsed_label_config,
        data_types: analyzed.data_types,
        config_suitable_for_bulk_annotation: analyzed.config_suitable_for_bulk_annotation,
        control_weights: analyzed.control_weights,
      });
    }
    if (input.control_weights !== undefined) {
      changes.control_weights = input.control_weights as Project['control_weights'];
    }
    await this.transactions.run(async ({ manager, afterCommit }) => {
      const before = await lockedOverlapSettings(manager, project.id);
      const saved = await manager.save(Project, { ...project, workspace: undefined, ...changes });
      // The tasks follow the new settings in this transaction: no one sees one without the other.
      await this.taskStates.settingsChanged(manager, before, {
        id: project.id,
        maximum_annotations: saved.maximum_annotations,
        overlap_cohort_percentage: saved.overlap_cohort_percentage,
        skip_queue: saved.skip_queue,
      });
      afterCommit(new ProjectUpdated(auth.organizationId, project.id));
    });
    // Publishing or moving the project changes who sees it.
    this.access.forget(project.id);
    return this.get(auth, id);
  }

  async remove(auth: AuthContext, id: number): Promise<void> {
    const project = await this.get(auth, id);
    await this.transactions.run(async ({ manager, afterCommit }) => {
      await manager.delete(Project, { id: project.id });
      afterCommit(new ProjectDeleted(auth.organizationId, project.id));
    });
    this.access.forget(project.id);
  }

  /** `/api/projects/{id}/validate/`: the config checked against the project's annotations. */
  async validateForProject(auth: AuthContext, id: number, config: string) {
    if (!config || !config.trim()) {
      throw new BadRequestException('Label config is not set or is empty');
    }
    const project = await this.get(auth, id);
    const analyzed = this.analyze(config, project.control_weights ?? {});
    await this.assertConfigFitsAnnotations(project.id, analyzed);
    return {
      label_config: config,
      config_essential_data_has_changed: configEssentialDataHasChanged(
        analyzed.parsed_label_config,
        project.parsed_label_config,
      ),
    };
  }

  /** Puts the project in the workspace (null: in none); who sees it changes with it. */
  async moveToWorkspace(
    organization: OrganizationRef,
    projectId: number,
    workspaceId: number | null,
  ): Promise<void> {
    await this.transactions.run(async ({ manager, afterCommit }) => {
      await manager.update(Project, { id: projectId }, { workspace_id: workspaceId });
      afterCommit(new ProjectUpdated(organization.organizationId, projectId));
    });
    this.access.forget(projectId);
  }

  /**
   * As Label Studio does, a project without a model version takes the one of the predictions
   * just imported, in the import's transaction (`manager`).
   */
  async adoptModelVersion(
    manager: EntityManager,
    projectId: number,
    modelVersion: string,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Project)
      .set({ model_version: modelVersion })
      .where('id = :id', { id: projectId })
      .andWhere("(model_version IS NULL OR model_version = '')")
      .execute();
  }

  /**
   * Active members of the caller's organization (project rows of other libraries show it as
   * `members_count`; this library's routes count each project's own members).
   */
  async memberCount(organization: OrganizationRef): Promise<number> {
    return this.memberScope.count(organization, { deleted_at: IsNull() });
  }

  /**
   * A workspace a project is put in (a request field): one the caller sees, else a 400; null
   * takes the project out of any workspace.
   */
  private async workspaceOf(
    auth: AuthContext,
    workspaceId: number | null | undefined,
  ): Promise<number | null | undefined> {
    if (workspaceId === undefined || workspaceId === null) return workspaceId;
    return (await this.workspaces.getReferenced(auth, workspaceId, 'workspace')).id;
  }

  private analyze(config: unknown, weights: AnalyzedLabelConfig['control_weights'] = {}) {
    return analyzeOr400(config, weights, { maxBytes: this.config.LABEL_CONFIG_MAX_BYTES });
  }

  private async assertConfigFitsAnnotations(projectId: number, analyzed: AnalyzedLabelConfig) {
    const [shapes, labels] = await Promise.all([
      this.labelUsage.resultShapes(projectId),
      this.labelUsage.labelsInUse(projectId),
    ]);
    const problem = configChangeProblem(analyzed.parsed_label_config, shapes, labels);
    if (problem) throw new ValidationFailedException({ label_config: [problem] });
  }
}
