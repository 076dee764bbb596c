import { Injectable } from '@nestjs/common';
import { TasksService } from '@ls/tasks';
import { ActionRun, DataManagerAction } from '../data-manager-action';

@Injectable()
export class DeleteTasksAction implements DataManagerAction {
  readonly id = 'delete_tasks';
  readonly title = 'Delete Tasks';
  readonly order = 100;
  readonly permission = 'tasks.delete';
  readonly requires = 'tasks.delete' as const;
  readonly runsAsJobWhenLarge = true;
  readonly dialog = {
    text: 'You are going to delete the selected tasks. Please confirm your action.',
    type: 'confirm' as const,
  };

  constructor(private readonly tasks: TasksService) {}

  async run({ auth, projectId, taskIds }: ActionRun) {
    const ids = await taskIds();
    const deleted = await this.tasks.deleteTasks(auth, projectId, ids);
    return { processed_items: deleted, reload: true, detail: `Deleted ${deleted} tasks` };
  }
}
