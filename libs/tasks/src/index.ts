// Public API of @ls/tasks: tasks, their numbering and counters, task events, and the port the
// annotations library fills with what belongs to a task.
export { TasksModule } from './lib/tasks.module';
export { TasksHttpModule } from './lib/tasks-http.module';
export { TasksService } from './lib/tasks.service';
export { TaskCounters } from './lib/counters/task-counters';
export type { TaskCountsSource } from './lib/counters/task-counts-source';
export { ImportedTasks } from './lib/imported-tasks';
export type { TaskSelection } from './lib/tasks.service';
/**
 * Bulk task insert for imports: `TaskBulkInsert.start(manager, project)` inside a transaction
 * locks the project's numbering, then `add(items)` per batch inserts and returns the ids in order.
 */
export { TaskBulkInsert } from './lib/task-bulk-insert';
export type { NewTask } from './lib/task-bulk-insert';
export { Task } from './lib/task.entity';
export {
  AnnotatorTaskResponse,
  serializeTask,
  serializeTaskFor,
  serializeTaskSimple,
} from './lib/task.serializer';
export { LseTaskResponse } from './lib/responses/lse-task.response';
export { TaskEvent } from './lib/task-events/task-event.entity';
export { AssignmentType, TaskAssignment } from './lib/assignments/task-assignment.entity';
export { TaskAssignmentsService } from './lib/assignments/task-assignments.service';
export { TaskSelectionDto } from './lib/assignments/dto/task-selection.dto';
export { TasksCreated, TasksDeleted } from './lib/events/task-events';
export { TaskRelations, NOTHING_RELATED } from './lib/ports/task-relations';
export { TaskDataUrls } from './lib/ports/task-data-urls';
export type { TaskDataRef, TaskDataUrlSource } from './lib/ports/task-data-urls';
export { TaskFilters } from './lib/ports/task-filters';
export type { TaskFilterSource } from './lib/ports/task-filters';
export { ALL_RELATED, RELATED_COLUMNS } from './lib/ports/task-relations';
export type {
  RelatedColumn,
  RelatedFields,
  TaskRelated,
  TaskRelationsSource,
} from './lib/ports/task-relations';
export { effectiveRole, roleInProject } from './lib/visibility/effective-role';
export type { EffectiveRole } from './lib/visibility/effective-role';
/**
 * What an annotator or reviewer sees of a project's tasks: `of(auth, projectId)` gives the rule
 * (null: every task), `restrict(query, alias, rule)` applies it in SQL.
 */
export { TaskVisibility } from './lib/visibility/task-visibility';
export type { Bind, VisibleTasks, WorkedOnSql } from './lib/visibility/task-visibility';
export { taskDataProblems } from './lib/validation/task-data.validation';
