import { Module } from '@nestjs/common';
import { ProjectMembersController } from './members/project-members.controller';
import { PausesController } from './pauses/pauses.controller';
import { ProjectPeopleController } from './project-people.controller';
import { ProjectsController } from './projects.controller';
import { ProjectsModule } from './projects.module';
import { ProjectRolesController } from './roles/project-roles.controller';
import { WorkspaceMembershipsController } from './workspaces/workspace-memberships.controller';
import { WorkspacesController } from './workspaces/workspaces.controller';

@Module({
  imports: [ProjectsModule],
  controllers: [
    ProjectRolesController,
    ProjectsController,
    ProjectPeopleController,
    ProjectMembersController,
    PausesController,
    WorkspacesController,
    WorkspaceMembershipsController,
  ],
})
export class ProjectsHttpModule {}
