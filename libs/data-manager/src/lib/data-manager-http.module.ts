import { Module } from '@nestjs/common';
import { ActionsController } from './actions/actions.controller';
import { ColumnsController } from './columns/columns.controller';
import { DataManagerModule } from './data-manager.module';
import { LabelStreamHistoryController } from './label-stream/label-stream-history.controller';
import { NextTaskController } from './next-task/next-task.controller';
import { ProjectStateController } from './project-state/project-state.controller';
import { TaskListController } from './task-list/task-list.controller';
import { ViewsController } from './views/views.controller';

@Module({
  imports: [DataManagerModule],
  controllers: [
    TaskListController,
    ViewsController,
    ColumnsController,
    ProjectStateController,
    ActionsController,
    NextTaskController,
    LabelStreamHistoryController,
  ],
})
export class DataManagerHttpModule {}
