import { Injectable } from '@nestjs/common';
import { TaskSelectionWrites } from '@ls/annotations';
import { ActionRun, DataManagerAction } from '../data-manager-action';

@Injectable()
export class DeleteTasksPredictionsAction implements DataManagerAction {
  readonly id = 'delete_tasks_predictions';
  readonly title = 'Delete Predictions';
  readonly order = 102;
  readonly permission = 'tasks.delete';
  readonly requires = 'predictions.change' as const;
  readonly runsAsJobWhenLarge = true;
  readonly dialog = {
    text: 'You are going to delete all predictions from the selected tasks. Please confirm.',
    type: 'confirm' as const,
  };

  constructor(private readonly writes: TaskSelectionWrites) {}

  async run({ auth, projectId, taskIds }: ActionRun) {
    const ids = await taskIds();
    const deleted = await this.writes.deletePredictions(auth, projectId, ids);
    return { processed_items: deleted, detail: `Deleted ${deleted} predictions` };
  }
}
