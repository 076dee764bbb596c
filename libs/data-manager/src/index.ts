// Public API of @ls/data-manager: the task list with filters and ordering in SQL, views, columns,
// actions and the next task.
export { DataManagerModule } from './lib/data-manager.module';
export { DataManagerHttpModule } from './lib/data-manager-http.module';
export { View } from './lib/views/view.entity';
export { ViewsService } from './lib/views/views.service';
export type { ViewParams } from './lib/views/view-params';
export type { FilterItem, SelectedItems, StoredFilters } from './lib/views/view-filters';
export { TaskQuery } from './lib/query/task-query';
export { TaskSelections } from './lib/selection/task-selections';
export type { TaskSelection, SelectionRequest } from './lib/selection/task-selections';
export { registerTaskColumn, textColumn } from './lib/query/task-columns';
export type { TaskColumn } from './lib/query/task-columns';
export type { TaskQueryOptions } from './lib/query/task-query';
export { emptyPrepareParams, parsePrepareParams } from './lib/query/prepare-params';
export type {
  FilterConjunction,
  FilterGroup,
  FilterItem as PrepareFilterItem,
  FilterOperator,
  FilterType,
  PrepareParams,
  SelectedItems as PrepareSelectedItems,
} from './lib/query/prepare-params';
export { DataManagerActions } from './lib/actions/data-manager-actions';
export type {
  ActionDialog,
  ActionFormField,
  ActionResult,
  ActionRun,
  DataManagerAction,
} from './lib/actions/data-manager-action';
export { TaskPrelabeling } from './lib/prelabeling/task-prelabeling';
export type { PrelabelingMoment, TaskPrelabelingSource } from './lib/prelabeling/task-prelabeling';
export { NextTaskService } from './lib/next-task/next-task.service';
export { NextTaskResponse } from './lib/next-task/next-task.response';
export { TaskLock } from './lib/next-task/task-lock.entity';
