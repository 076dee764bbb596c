import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AnnotationsModule } from '@ls/annotations';
import { registerMigrations } from '@ls/core';
import { TaskFilters, TaskVisibility, WorkedOnSql } from '@ls/tasks';
import { DATA_MANAGER_MIGRATIONS } from '../migrations';
import { ActionRunner } from './actions/action-runner';
import { BUILTIN_ACTIONS, DataManagerActions } from './actions/data-manager-actions';
import { ActionJob } from './actions/jobs/action-job';
import { ColumnSources } from './columns/column-sources';
import { ColumnsService } from './columns/columns.service';
import { LabelStreamAnnotationsListener } from './label-stream/label-stream-annotations.listener';
import { LabelStreamHistory } from './label-stream/label-stream-history.entity';
import { LabelStreamHistoryStore } from './label-stream/label-stream-history';
import { NextTaskPicker } from './next-task/next-task-picker';
import { NextTaskService } from './next-task/next-task.service';
import { TaskLock } from './next-task/task-lock.entity';
import { TaskLocks } from './next-task/task-locks';
import { TaskPrelabeling } from './prelabeling/task-prelabeling';
import { ProjectStateService } from './project-state/project-state.service';
import { SqliteRegexpFunction } from './query/sqlite-regexp.function';
import { TaskQuery } from './query/task-query';
import { TaskFiltersFromDataManager } from './selection/task-filters.source';
import { TaskSelections } from './selection/task-selections';
import { TaskListService } from './task-list/task-list.service';
import { TaskTotals } from './task-list/task-totals';
import { ViewResources } from './views/view-resources';
import { View } from './views/view.entity';
import { ViewsService } from './views/views.service';

registerMigrations('data-manager', DATA_MANAGER_MIGRATIONS);

/**
 * The data manager: reads tasks of a project through the query protocol of Label Studio's data
 * manager (filters, ordering, selection) compiled to SQL, keeps the project's views and applies
 * actions to a selection of tasks.
 */
/** A task the label stream holds for the user now counts as one they work on (they may open it). */
const heldInStreamSql: WorkedOnSql = (task, userId, bind) =>
  `EXISTS (SELECT 1 FROM task_lock vis_l WHERE vis_l.task_id = ${task}.id` +
  ` AND vis_l.user_id = ${bind(userId)} AND vis_l.expire_at > ${bind(new Date())})`;

@Module({
  imports: [AnnotationsModule, TypeOrmModule.forFeature([View, TaskLock, LabelStreamHistory])],
  providers: [
    ViewResources,
    ViewsService,
    ColumnSources,
    ColumnsService,
    ProjectStateService,
    TaskQuery,
    SqliteRegexpFunction,
    TaskSelections,
    TaskFiltersFromDataManager,
    TaskListService,
    TaskTotals,
    ...BUILTIN_ACTIONS,
    DataManagerActions,
    ActionRunner,
    ActionJob,
    TaskLocks,
    LabelStreamHistoryStore,
    LabelStreamAnnotationsListener,
    NextTaskPicker,
    NextTaskService,
    TaskPrelabeling,
  ],
  exports: [
    AnnotationsModule,
    ViewsService,
    ColumnsService,
    ProjectStateService,
    TaskQuery,
    TaskSelections,
    TaskListService,
    DataManagerActions,
    ActionRunner,
    NextTaskService,
    LabelStreamHistoryStore,
    TaskPrelabeling,
  ],
})
export class DataManagerModule implements OnModuleInit {
  constructor(
    private readonly taskFilters: TaskFilters,
    private readonly filtersSource: TaskFiltersFromDataManager,
    private readonly visibility: TaskVisibility,
  ) {}

  onModuleInit(): void {
    this.taskFilters.register(this.filtersSource);
    this.visibility.registerWorkedOn(heldInStreamSql);
  }
}
