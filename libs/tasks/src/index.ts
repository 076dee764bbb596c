// Public API of @ls/tasks: tasks, their numbering and counters, task events, and the port the
// annotations library fills with what belongs to a task.
export { TasksModule } from './lib/tasks.module';
export { TasksHttpModule } from './lib/tasks-http.module';
export { TasksService } from './lib/tasks.service';
export type { NewTask, TaskSelection } from './lib/tasks.service';
export { Task } from './lib/task.entity';
export { TaskEvent } from './lib/task-events/task-event.entity';
export { TaskAssignment } from './lib/assignments/task-assignment.entity';
export { TaskSelectionDto } from './lib/assignments/task-assignments.dto';
export { TasksCreated, TasksDeleted } from './lib/events/task-events';
export { TaskRelations, NOTHING_RELATED } from './lib/ports/task-relations';
export type { TaskRelated, TaskRelationsSource } from './lib/ports/task-relations';
export { taskDataProblems } from './lib/validation/task-data.validation';
