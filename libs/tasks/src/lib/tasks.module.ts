import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { registerMigrations } from '@ls/core';
import { ProjectsModule, ProjectStats } from '@ls/projects';
import { TASKS_MIGRATIONS } from '../migrations';
import { TaskRelations } from './ports/task-relations';
import { Task } from './task.entity';
import { TaskCountersSource } from './task-counters.source';
import { TaskEvent } from './task-events/task-event.entity';
import { TasksService } from './tasks.service';

registerMigrations('tasks', TASKS_MIGRATIONS);

/** Tasks and their stored counters, for every process. */
@Module({
  imports: [ProjectsModule, TypeOrmModule.forFeature([Task, TaskEvent])],
  providers: [TaskCountersSource, TasksService, TaskRelations],
  exports: [ProjectsModule, TypeOrmModule, TasksService, TaskRelations],
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
