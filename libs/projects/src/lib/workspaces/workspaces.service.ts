import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { AuthContext } from '@ls/auth';
import { TransactionRunner, ValidationFailedException } from '@ls/core';
import { ProjectAccessService } from '../access/project-access.service';
import { namedBinder, seesEveryProject, visibleProjectSql } from '../access/visibility-sql';
import { Project } from '../project.entity';
import { ListWorkspacesQuery } from './dto/list-workspaces.query';
import { WorkspaceInput, WorkspacePatch } from './dto/workspace-input.dto';
import { WorkspaceMember } from './workspace-member.entity';
import { WorkspaceLookup } from './workspace-lookup';
import { Workspace } from './workspace.entity';
import { WorkspaceResponse } from './responses/workspace.response';

interface WorkspaceRaw {
  workspace_id: number | string;
  projects_count: unknown;
  is_member: number | string;
  creator_email: string | null;
}

/**
 * Workspaces: who sees which follows `visibleWorkspaceSql`; a manager changes only the ones they
 * see (created or belong to), and the permission (`workspaces.*`) keeps annotators out.
 */
@Injectable()
export class WorkspacesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly lookup: WorkspaceLookup,
    private readonly access: ProjectAccessService,
    @InjectRepository(Workspace) private readonly workspaces: Repository<Workspace>,
  ) {}

  async list(auth: AuthContext, query: ListWorkspacesQuery): Promise<WorkspaceResponse[]> {
    const includeAllPersonal = query.include_all_workspaces === true && seesEveryProject(auth.role);
    const builder = this.lookup.visible(auth, 'workspace', { includeAllPersonal });
    if (query.is_archived !== undefined) {
      builder.andWhere('workspace.is_archived = :archivedFilter', {
        archivedFilter: query.is_archived,
      });
    }
    if (query.is_personal !== undefined) {
      builder.andWhere('workspace.is_personal = :personalFilter', {
        personalFilter: query.is_personal,
      });
    }
    const ordering = query.ordering ?? 'id';
    const column = `workspace.${ordering.replace(/^-/, '')}`;
    builder.orderBy(column, ordering.startsWith('-') ? 'DESC' : 'ASC').addOrderBy('workspace.id');
    return this.serialized(auth, builder);
  }

  async get(auth: AuthContext, id: number): Promise<WorkspaceResponse> {
    const builder = this.lookup
      .visible(auth, 'workspace')
      .andWhere('workspace.id = :workspaceId', { workspaceId: id });
    const [found] = await this.serialized(auth, builder);
    if (!found) throw new NotFoundException('Not found.');
    return found;
  }

  /** A new workspace; its creator is its first member (a personal one has no members). */
  async create(auth: AuthContext, input: WorkspaceInput): Promise<WorkspaceResponse> {
    const id = await this.transactions.run(async ({ manager }) => {
      const saved = await manager.save(
        manager.create(Workspace, {
          organization_id: auth.organizationId,
          title: input.title,
          description: input.description ?? null,
          color: input.color ?? null,
          is_personal: input.is_personal ?? false,
          is_archived: input.is_archived ?? false,
          created_by_id: auth.user.id,
        }),
      );
      if (!saved.is_personal) {
        await manager.insert(WorkspaceMember, { workspace_id: saved.id, user_id: auth.user.id });
      }
      return saved.id;
    });
    return this.get(auth, id);
  }

  async update(auth: AuthContext, id: number, input: WorkspacePatch): Promise<WorkspaceResponse> {
    const visibilityChanged = await this.transactions.run(async ({ manager }) => {
      const workspace = await this.lookup.getOr404(auth, id, manager);
      const changes: Pick<Partial<Workspace>, keyof WorkspacePatch> = {};
      for (const key of ['title', 'description', 'color', 'is_archived', 'is_personal'] as const) {
        if (input[key] !== undefined) Object.assign(changes, { [key]: input[key] });
      }
      const personalChanges =
        changes.is_personal !== undefined && changes.is_personal !== workspace.is_personal;
      if (personalChanges && changes.is_personal) {
        const others = await manager
          .getRepository(WorkspaceMember)
          .createQueryBuilder('member')
          .where('member.workspace_id = :id', { id })
          .andWhere('member.user_id <> :creator', { creator: workspace.created_by_id ?? 0 })
          .getExists();
        if (others || workspace.created_by_id !== auth.user.id) {
          throw new ValidationFailedException({
            is_personal: [
              'Only its creator can make a workspace personal, once it has no other members.',
            ],
          });
        }
        // A personal workspace has no members, its creator included (they see it as creator).
        await manager.delete(WorkspaceMember, { workspace_id: workspace.id });
      }
      if (Object.keys(changes).length > 0) await manager.update(Workspace, { id }, changes);
      return personalChanges;
    });
    // Who sees the workspace's projects changed.
    if (visibilityChanged) this.access.forgetAll();
    return this.get(auth, id);
  }

  /** Only an empty workspace can be deleted: its projects must be moved or deleted first. */
  async remove(auth: AuthContext, id: number): Promise<void> {
    await this.transactions.run(async ({ manager }) => {
      const workspace = await this.lookup.getOr404(auth, id, manager);
      const hasProjects = await manager.existsBy(Project, { workspace_id: workspace.id });
      if (hasProjects) {
        throw new BadRequestException(
          'This workspace has projects: move or delete them before deleting it.',
        );
      }
      await manager.delete(Workspace, { id: workspace.id });
    });
  }

  /** The rows of `builder` with `projects_count`, `membership` and `created_by_user`. */
  private async serialized(
    auth: AuthContext,
    builder: SelectQueryBuilder<Workspace>,
  ): Promise<WorkspaceResponse[]> {
    const counted = namedBinder('countVisible');
    const viewer = { userId: auth.user.id, role: auth.role };
    const { entities, raw } = await builder
      .leftJoin('workspace.created_by', 'creator')
      .addSelect(
        `(SELECT COUNT(*) FROM project wp WHERE wp.workspace_id = workspace.id
          AND ${visibleProjectSql('wp', viewer, counted.bind)})`,
        'projects_count',
      )
      .addSelect(
        `CASE WHEN EXISTS (SELECT 1 FROM workspace_member own_wm
          WHERE own_wm.workspace_id = workspace.id AND own_wm.user_id = :workspaceViewer)
          THEN 1 ELSE 0 END`,
        'is_member',
      )
      .addSelect('creator.email', 'creator_email')
      .setParameters({ ...counted.params, workspaceViewer: auth.user.id })
      .getRawAndEntities<WorkspaceRaw>();
    const extras = new Map(raw.map((row) => [Number(row.workspace_id), row]));
    return entities.map((workspace) => {
      const extra = extras.get(workspace.id);
      const othersPersonal = workspace.is_personal && workspace.created_by_id !== auth.user.id;
      return {
        id: workspace.id,
        title: workspace.title,
        description: workspace.description,
        color: workspace.color,
        is_personal: workspace.is_personal,
        is_archived: workspace.is_archived,
        created_by: workspace.created_by_id ?? 0,
        created_by_user: othersPersonal ? (extra?.creator_email ?? '') : '',
        membership: Number(extra?.is_member ?? 0) === 1 ? 'member' : '',
        projects_count: Number(extra?.projects_count ?? 0),
      };
    });
  }
}
