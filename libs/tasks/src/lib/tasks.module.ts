import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { registerMigrations } from '@ls/core';
import { ProjectsModule, ProjectStats } from '@ls/projects';
import { TASKS_MIGRATIONS } from '../migrations';
import { TaskAssignment } from './assignments/task-assignment.entity';
import { TaskAssignmentsService } from './assignments/task-assignments.service';
import { TaskRelations } from './ports/task-relations';
import { Task } from './task.entity';
import { TaskCountersSource } from './task-counters.source';
import { TaskResources } from './task-resources';
import { TaskEvent } from './task-events/task-event.entity';
import { TasksService } from './tasks.service';

registerMigrations('tasks', TASKS_MIGRATIONS);

/** Tasks and their stored counters, for every process. */
@Module({
  imports: [ProjectsModule, TypeOrmModule.forFeature([Task, TaskEvent, TaskAssignment])],
  providers: [
    TaskCountersSource,
    TasksService,
    TaskRelations,
    TaskAssignmentsService,
    TaskResources,
  ],
  exports: [ProjectsModule, TypeOrmModule, TasksService, TaskRelations, TaskAssignmentsService],
})
export class TasksModule implements OnModuleInit {
  constructor(
    private readonly stats: ProjectStats,
    private readonly counters: TaskCountersSource,
  ) {}

  onModuleInit(): void {
    this.stats.register(this.counters);
  }
}
