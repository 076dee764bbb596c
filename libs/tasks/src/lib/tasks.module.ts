import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { registerMigrations } from '@ls/core';
import { ProjectsModule, ProjectStats } from '@ls/projects';
import { TASKS_MIGRATIONS } from '../migrations';
import { Task } from './task.entity';
import { TaskCountersSource } from './task-counters.source';
import { TasksService } from './tasks.service';

registerMigrations('tasks', TASKS_MIGRATIONS);

/** Tasks and their stored counters, for every process. */
@Module({
  imports: [ProjectsModule, TypeOrmModule.forFeature([Task])],
  providers: [TaskCountersSource, TasksService],
  exports: [ProjectsModule, TypeOrmModule, TasksService],
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
