import { Injectable } from '@nestjs/common';
import { TaskSelectionWrites } from '@ls/annotations';
import { ActionRun, DataManagerAction } from '../data-manager-action';

/** Unmarks ground-truth annotations of the selected tasks; the annotations stay. */
@Injectable()
export class DeleteGroundTruthsAction implements DataManagerAction {
  readonly id = 'delete_ground_truths';
  readonly title = 'Delete Ground Truths';
  readonly order = 103;
  readonly permission = 'tasks.change';
  readonly requires = 'tasks.change' as const;
  readonly runsAsJobWhenLarge = true;
  readonly dialog = {
    text: 'The ground truth marks of the selected tasks will be removed. Please confirm.',
    type: 'confirm' as const,
  };

  constructor(private readonly writes: TaskSelectionWrites) {}

  async run({ auth, projectId, taskIds }: ActionRun) {
    const ids = await taskIds();
    const cleared = await this.writes.clearGroundTruth(auth, projectId, ids);
    return { processed_items: cleared, detail: `Removed ${cleared} ground truths` };
  }
}
