import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule, ProjectAccessRegistry, ProjectAccessResolver } from '@ls/auth';
import { registerMigrations } from '@ls/core';
import { PROJECTS_MIGRATIONS } from '../migrations';
import { ProjectAccessService } from './access/project-access.service';
import { ProjectMember } from './members/project-member.entity';
import { ProjectMemberAccess } from './members/project-member-access';
import { ProjectMembersService } from './members/project-members.service';
import { Pause } from './pauses/pause.entity';
import { PausesService } from './pauses/pauses.service';
import { LabelUsage } from './ports/label-usage';
import { ProjectStats } from './ports/project-stats';
import { ProjectWebhooks } from './ports/project-webhooks';
import { TaskStates } from './ports/task-states';
import { ProjectResources } from './project-resources';
import { ProjectRows } from './project-rows';
import { Project } from './project.entity';
import { ProjectsService } from './projects.service';
import { ProjectRole } from './roles/project-role.entity';
import { ProjectRolesService } from './roles/project-roles.service';
import { WorkspaceLookup } from './workspaces/workspace-lookup';
import { WorkspaceMember } from './workspaces/workspace-member.entity';
import { WorkspaceMembershipsService } from './workspaces/workspace-memberships.service';
import { WorkspaceProjectsService } from './workspaces/workspace-projects.service';
import { Workspace } from './workspaces/workspace.entity';
import { WorkspacesService } from './workspaces/workspaces.service';

registerMigrations('projects', PROJECTS_MIGRATIONS);

/** Projects, their label configs, workspaces, members, project roles and pauses, for every process. */
@Module({
  imports: [
    AuthModule,
    TypeOrmModule.forFeature([
      Project,
      Workspace,
      WorkspaceMember,
      ProjectMember,
      ProjectRole,
      Pause,
    ]),
  ],
  providers: [
    ProjectsService,
    ProjectStats,
    LabelUsage,
    TaskStates,
    ProjectResources,
    ProjectWebhooks,
    ProjectRows,
    ProjectAccessService,
    { provide: ProjectAccessResolver, useExisting: ProjectAccessService },
    WorkspaceLookup,
    WorkspacesService,
    WorkspaceMembershipsService,
    WorkspaceProjectsService,
    ProjectMembersService,
    ProjectMemberAccess,
    ProjectRolesService,
    PausesService,
  ],
  exports: [
    AuthModule,
    TypeOrmModule,
    ProjectsService,
    ProjectStats,
    LabelUsage,
    TaskStates,
    ProjectWebhooks,
    ProjectRows,
    ProjectAccessResolver,
    WorkspacesService,
    WorkspaceMembershipsService,
    WorkspaceProjectsService,
    ProjectMembersService,
    ProjectRolesService,
    PausesService,
  ],
})
export class ProjectsModule implements OnModuleInit {
  constructor(
    private readonly projectAccess: ProjectAccessRegistry,
    private readonly resolver: ProjectAccessResolver,
    private readonly memberLookup: ProjectMemberAccess,
  ) {}

  /** The auth library finds what this one provides through its registry (it lives below). */
  onModuleInit(): void {
    this.projectAccess.provide(this.resolver, this.memberLookup);
  }
}
