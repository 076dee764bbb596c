import { Injectable } from '@nestjs/common';
import { TaskSelectionWrites } from '@ls/annotations';
import { AuthContext } from '@ls/auth';
import { ValidationFailedException } from '@ls/core';
import { ActionRun, DataManagerAction } from '../data-manager-action';

@Injectable()
export class DeleteTasksAnnotationsAction implements DataManagerAction {
  readonly id = 'delete_tasks_annotations';
  readonly title = 'Delete Annotations';
  readonly order = 101;
  readonly permission = 'tasks.delete';
  readonly requires = 'annotations.bulk' as const;
  readonly runsAsJobWhenLarge = true;
  readonly dialog = {
    text:
      'You are going to delete all annotations from the selected tasks (or only those of one ' +
      'annotator). Please confirm your action.',
    type: 'confirm' as const,
  };

  constructor(private readonly writes: TaskSelectionWrites) {}

  async form(_auth: AuthContext, _projectId: number) {
    return [
      {
        columnCount: 1,
        fields: [{ type: 'number', name: 'annotator', label: 'Only annotations of user (id)' }],
      },
    ];
  }

  async run({ auth, projectId, taskIds, fields }: ActionRun) {
    const annotator = fields['annotator'];
    if (annotator !== undefined && annotator !== null && !Number.isSafeInteger(annotator)) {
      throw new ValidationFailedException({ annotator: ['A valid integer is required.'] });
    }
    const completedBy = typeof annotator === 'number' ? annotator : undefined;
    const deleted = await this.writes.deleteAnnotations(auth, projectId, await taskIds(), {
      completedBy,
    });
    return { processed_items: deleted, detail: `Deleted ${deleted} annotations` };
  }
}
