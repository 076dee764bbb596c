import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { registerMigrations } from '@ls/core';
import { ProjectsModule, ProjectStats, TaskStates } from '@ls/projects';
import { TASKS_MIGRATIONS } from '../migrations';
import { TaskAssignment } from './assignments/task-assignment.entity';
import { TaskAssignmentsService } from './assignments/task-assignments.service';
import { TaskCounters } from './counters/task-counters';
import { ImportedTasks } from './imported-tasks';
import { TaskStatesFromCounts } from './overlap/task-states.source';
import { TaskFilters } from './ports/task-filters';
import { TaskDataUrls } from './ports/task-data-urls';
import { TaskRelations } from './ports/task-relations';
import { Task } from './task.entity';
import { TaskCountersSource } from './task-counters.source';
import { TaskResources } from './task-resources';
import { TaskEvent } from './task-events/task-event.entity';
import { TasksService } from './tasks.service';
import { TaskVisibility } from './visibility/task-visibility';

registerMigrations('tasks', TASKS_MIGRATIONS);

/** Tasks and their stored counters, for every process; keeps tasks in step with their project. */
@Module({
  imports: [ProjectsModule, TypeOrmModule.forFeature([Task, TaskEvent, TaskAssignment])],
  providers: [
    TaskCountersSource,
    TaskCounters,
    TaskStatesFromCounts,
    TasksService,
    ImportedTasks,
    TaskRelations,
    TaskDataUrls,
    TaskFilters,
    TaskAssignmentsService,
    TaskResources,
    TaskVisibility,
  ],
  exports: [
    ProjectsModule,
    TypeOrmModule,
    TasksService,
    TaskCounters,
    ImportedTasks,
    TaskRelations,
    TaskDataUrls,
    TaskFilters,
    TaskAssignmentsService,
    TaskVisibility,
  ],
})
export class TasksModule implements OnModuleInit {
  constructor(
    private readonly stats: ProjectStats,
    private readonly taskStates: TaskStates,
    private readonly counters: TaskCountersSource,
    private readonly states: TaskStatesFromCounts,
  ) {}

  onModuleInit(): void {
    this.stats.register(this.counters);
    this.taskStates.register(this.states);
  }
}
