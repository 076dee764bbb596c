import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@ls/auth';
import { registerMigrations } from '@ls/core';
import { PROJECTS_MIGRATIONS } from '../migrations';
import { LabelUsage } from './ports/label-usage';
import { ProjectStats } from './ports/project-stats';
import { ProjectWebhooks } from './ports/project-webhooks';
import { TaskStates } from './ports/task-states';
import { ProjectResources } from './project-resources';
import { Project } from './project.entity';
import { ProjectsService } from './projects.service';

registerMigrations('projects', PROJECTS_MIGRATIONS);

/** Projects and their label configs, for every process. */
@Module({
  imports: [AuthModule, TypeOrmModule.forFeature([Project])],
  providers: [
    ProjectsService,
    ProjectStats,
    LabelUsage,
    TaskStates,
    ProjectResources,
    ProjectWebhooks,
  ],
  exports: [
    AuthModule,
    TypeOrmModule,
    ProjectsService,
    ProjectStats,
    LabelUsage,
    TaskStates,
    ProjectWebhooks,
  ],
})
export class ProjectsModule {}
