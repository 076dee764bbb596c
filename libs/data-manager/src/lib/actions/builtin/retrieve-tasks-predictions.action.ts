import { BadRequestException, Injectable } from '@nestjs/common';
import { DataManagerAction, MANAGER_ROLES } from '../data-manager-action';

/**
 * Asks the project's ML backend for predictions of the selection. ML backends register the
 * working action in its place (`DataManagerActions.register`); until one does, this one says so.
 */
@Injectable()
export class RetrieveTasksPredictionsAction implements DataManagerAction {
  readonly id = 'retrieve_tasks_predictions';
  readonly title = 'Retrieve Predictions';
  readonly order = 90;
  readonly permission = 'predictions.any';
  readonly roles = MANAGER_ROLES;
  readonly dialog = {
    text:
      'Send the selected tasks to all ML backends connected to the project. This operation ' +
      'might be abruptly interrupted due to a timeout.',
    type: 'confirm' as const,
  };

  async run(): Promise<never> {
    throw new BadRequestException(
      'No ML backend can be reached for this project: connect one in the project settings.',
    );
  }
}
