// Public API of @ls/tasks. First step of the tasks issue: the entity and the project counters it
// gives; routes, the data manager and events follow.
export { TasksModule } from './lib/tasks.module';
export { TasksHttpModule } from './lib/tasks-http.module';
export { TasksService } from './lib/tasks.service';
export type { NewTask } from './lib/tasks.service';
export { Task } from './lib/task.entity';
export { taskDataProblems } from './lib/validation/task-data.validation';
