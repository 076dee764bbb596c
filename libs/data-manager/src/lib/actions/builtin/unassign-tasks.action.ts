import { Injectable } from '@nestjs/common';
import { ValidationFailedException } from '@ls/core';
import { AssignmentType, TaskAssignmentsService } from '@ls/tasks';
import { ActionRun, DataManagerAction } from '../data-manager-action';

/**
 * Removes the annotator (AN) or reviewer (RE) assignments of the selected tasks. Injectable
 * itself so that its constructor's parameter types are recorded for the subclasses.
 */
@Injectable()
abstract class UnassignTasksAction implements DataManagerAction {
  abstract readonly id: string;
  abstract readonly title: string;
  abstract readonly order: number;
  readonly permission = 'tasks.change';
  readonly requires = 'tasks.assign' as const;
  readonly runsAsJobWhenLarge = true;
  protected abstract readonly type: AssignmentType;
  /** The optional form field naming the one user to unassign. */
  protected abstract readonly userField: string;
  protected abstract readonly people: string;

  constructor(private readonly assignments: TaskAssignmentsService) {}

  get dialog() {
    return {
      text:
        `You are going to unassign ${this.people} from the selected tasks (or only one of them). ` +
        'Please confirm your action.',
      type: 'confirm' as const,
      form: [
        {
          columnCount: 1,
          fields: [{ type: 'number', name: this.userField, label: 'Only this user (id)' }],
        },
      ],
    };
  }

  async run({ auth, projectId, taskIds, fields }: ActionRun) {
    const user = fields[this.userField];
    if (user !== undefined && user !== null && !Number.isSafeInteger(user)) {
      throw new ValidationFailedException({ [this.userField]: ['A valid integer is required.'] });
    }
    const users = typeof user === 'number' ? [user] : undefined;
    const removed = await this.assignments.unassignTasks(
      auth,
      projectId,
      await taskIds(),
      this.type,
      users,
    );
    return { processed_items: removed, detail: `Removed ${removed} assignments` };
  }
}

@Injectable()
export class DeleteAnnotatorsAction extends UnassignTasksAction {
  readonly id = 'delete_annotators';
  readonly title = 'Unassign Annotators';
  readonly order = 105;
  protected readonly type = 'AN';
  protected readonly userField = 'annotator';
  protected readonly people = 'annotators';
}

@Injectable()
export class DeleteReviewersAction extends UnassignTasksAction {
  readonly id = 'delete_reviewers';
  readonly title = 'Unassign Reviewers';
  readonly order = 106;
  protected readonly type = 'RE';
  protected readonly userField = 'reviewer';
  protected readonly people = 'reviewers';
}
