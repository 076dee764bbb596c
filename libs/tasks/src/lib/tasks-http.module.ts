import { Module } from '@nestjs/common';
import { TaskAssignmentsController } from './assignments/task-assignments.controller';
import { ProjectTasksController } from './project-tasks.controller';
import { TaskEventsController } from './task-events/task-events.controller';
import { TasksController } from './tasks.controller';
import { TasksModule } from './tasks.module';

@Module({
  imports: [TasksModule],
  controllers: [
    ProjectTasksController,
    TasksController,
    TaskEventsController,
    TaskAssignmentsController,
  ],
})
export class TasksHttpModule {}
