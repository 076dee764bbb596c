// Public API of @ls/tasks. First step of the tasks issue: the entity and the project counters it
// gives; routes, the data manager and events follow.
export { TasksModule } from './lib/tasks.module';
export { Task } from './lib/task.entity';
export { taskDataProblems } from './lib/validation/task-data.validation';
