import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthContext, OrganizationScope } from '@ls/auth';
import { namedBinder, visibleProjectSql } from '../access/visibility-sql';
import { Project } from '../project.entity';
import { ProjectsService } from '../projects.service';
import { WorkspaceLookup } from './workspace-lookup';

/**
 * The projects of a workspace. A project is in one workspace at most: adding moves it here,
 * removing takes it out of any (`workspace_id` null). The caller must see both.
 */
@Injectable()
export class WorkspaceProjectsService {
  private readonly scope: OrganizationScope<Project>;

  constructor(
    private readonly lookup: WorkspaceLookup,
    private readonly projects: ProjectsService,
    @InjectRepository(Project) projectRows: Repository<Project>,
  ) {
    this.scope = new OrganizationScope(projectRows);
  }

  /** The workspace's projects the caller sees, newest first. */
  async list(auth: AuthContext, workspaceId: number): Promise<Project[]> {
    const workspace = await this.lookup.getOr404(auth, workspaceId);
    const visibility = namedBinder('inWorkspaceVisible');
    const viewer = { userId: auth.user.id, role: auth.role };
    return this.scope
      .query(auth, 'project')
      .leftJoinAndSelect('project.created_by', 'created_by')
      .leftJoinAndSelect('project.workspace', 'workspace')
      .andWhere('project.workspace_id = :inWorkspace', { inWorkspace: workspace.id })
      .andWhere(visibleProjectSql('project', viewer, visibility.bind), visibility.params)
      .orderBy('project.id', 'DESC')
      .getMany();
  }

  async add(auth: AuthContext, workspaceId: number, projectId: number): Promise<void> {
    const workspace = await this.lookup.getOr404(auth, workspaceId);
    const project = await this.projects.getVisibleReferenced(auth, projectId);
    await this.projects.moveToWorkspace(auth, project.id, workspace.id);
  }

  async remove(auth: AuthContext, workspaceId: number, projectId: number): Promise<void> {
    const workspace = await this.lookup.getOr404(auth, workspaceId);
    const project = await this.projects.getVisible(auth, projectId);
    if (project.workspace_id !== workspace.id) throw new NotFoundException('Not found.');
    await this.projects.moveToWorkspace(auth, project.id, null);
  }
}
