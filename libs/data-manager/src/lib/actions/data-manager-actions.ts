import { ForbiddenException, Injectable } from '@nestjs/common';
import { AuthContext, PermissionOverrides } from '@ls/auth';
import { effectiveRole } from '@ls/tasks';
import { ValidationFailedException } from '@ls/core';
import { DeleteGroundTruthsAction } from './builtin/delete-ground-truths.action';
import { DeleteTasksAnnotationsAction } from './builtin/delete-tasks-annotations.action';
import { DeleteTasksPredictionsAction } from './builtin/delete-tasks-predictions.action';
import { DeleteTasksAction } from './builtin/delete-tasks.action';
import { NextTaskAction } from './builtin/next-task.action';
import { PredictionsToAnnotationsAction } from './builtin/predictions-to-annotations.action';
import { RemoveDuplicatesAction } from './builtin/remove-duplicates.action';
import { DeleteAnnotatorsAction, DeleteReviewersAction } from './builtin/unassign-tasks.action';
import { DataManagerAction } from './data-manager-action';

/**
 * The data manager's actions: the built-in ones, and those other libraries add with `register`
 * (the ML backends' `retrieve_tasks_predictions`, say) from their `onModuleInit`.
 */
@Injectable()
export class DataManagerActions {
  private readonly actions = new Map<string, DataManagerAction>();

  constructor(
    deleteTasks: DeleteTasksAction,
    deleteAnnotations: DeleteTasksAnnotationsAction,
    deletePredictions: DeleteTasksPredictionsAction,
    deleteGroundTruths: DeleteGroundTruthsAction,
    nextTask: NextTaskAction,
    predictionsToAnnotations: PredictionsToAnnotationsAction,
    removeDuplicates: RemoveDuplicatesAction,
    deleteAnnotators: DeleteAnnotatorsAction,
    deleteReviewers: DeleteReviewersAction,
    private readonly permissions: PermissionOverrides,
  ) {
    for (const action of [
      removeDuplicates,
      predictionsToAnnotations,
      deleteTasks,
      deleteAnnotations,
      deletePredictions,
      deleteGroundTruths,
      deleteAnnotators,
      deleteReviewers,
      nextTask,
    ]) {
      this.register(action);
    }
  }

  register(action: DataManagerAction): void {
    this.actions.set(action.id, action);
  }

  /** The listed actions the caller may run (in the project's role), by `order`. */
  async listedFor(auth: AuthContext): Promise<DataManagerAction[]> {
    const listed: DataManagerAction[] = [];
    for (const action of this.actions.values()) {
      if (!action.hidden && (await this.allows(auth, action))) listed.push(action);
    }
    return listed.sort((a, b) => a.order - b.order);
  }

  /** The action `id`: 400 when there is none, 403 when the caller may not run it. */
  async runnableBy(auth: AuthContext, id: string): Promise<DataManagerAction> {
    const action = this.actions.get(id);
    if (!action) {
      throw new ValidationFailedException({ id: [`"${id}" is not a valid choice.`] });
    }
    if (!(await this.allows(auth, action))) {
      throw new ForbiddenException('You do not have permission to perform this action.');
    }
    return action;
  }

  private allows(auth: AuthContext, action: DataManagerAction): Promise<boolean> {
    return this.permissions.allows(auth.organizationId, effectiveRole(auth).role, action.requires);
  }
}

export const BUILTIN_ACTIONS = [
  RemoveDuplicatesAction,
  PredictionsToAnnotationsAction,
  DeleteTasksAction,
  DeleteTasksAnnotationsAction,
  DeleteTasksPredictionsAction,
  DeleteGroundTruthsAction,
  DeleteAnnotatorsAction,
  DeleteReviewersAction,
  NextTaskAction,
];
