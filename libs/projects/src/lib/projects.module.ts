import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@ls/auth';
import { registerMigrations } from '@ls/core';
import { PROJECTS_MIGRATIONS } from '../migrations';
import { LabelUsage } from './ports/label-usage';
import { ProjectStats } from './ports/project-stats';
import { Project } from './project.entity';
import { ProjectsService } from './projects.service';

registerMigrations('projects', PROJECTS_MIGRATIONS);

/** Projects and their label configs, for every process. */
@Module({
  imports: [AuthModule, TypeOrmModule.forFeature([Project])],
  providers: [ProjectsService, ProjectStats, LabelUsage],
  exports: [AuthModule, TypeOrmModule, ProjectsService, ProjectStats, LabelUsage],
})
export class ProjectsModule {}
