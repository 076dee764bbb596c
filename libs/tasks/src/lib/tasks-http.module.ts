import { Module } from '@nestjs/common';
import { ProjectTasksController } from './project-tasks.controller';
import { TasksModule } from './tasks.module';

@Module({ imports: [TasksModule], controllers: [ProjectTasksController] })
export class TasksHttpModule {}
