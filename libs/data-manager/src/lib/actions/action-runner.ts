import { Injectable } from '@nestjs/common';
import { AuthContext } from '@ls/auth';
import { AppConfig, JobQueue } from '@ls/core';
import { TaskSelection, TaskSelections } from '../selection/task-selections';
import { ActionResult, DataManagerAction } from './data-manager-action';
import { DataManagerActions } from './data-manager-actions';
import { ACTION_JOB, ACTIONS_QUEUE, ActionJobPayload } from './jobs/action-job.payload';

export interface ActionRequest {
  actionId: string;
  projectId?: number;
  /** A view whose stored selection to act on (`view` or the frontend's `tabID`). */
  viewId?: number;
  /** Prepare params: `filters`, `selectedItems`, `ordering`. */
  params: Record<string, unknown>;
  /** The dialog's form fields. */
  fields: Record<string, unknown>;
}

/**
 * Applies data manager actions: within the request, or as a job when the action writes in bulk
 * and the selection holds more than `ACTION_JOB_THRESHOLD_TASKS` tasks (a worker runs it in
 * scaled mode; the request answers at once).
 */
@Injectable()
export class ActionRunner {
  constructor(
    private readonly actions: DataManagerActions,
    private readonly selections: TaskSelections,
    private readonly queue: JobQueue,
    private readonly config: AppConfig,
  ) {}

  async run(auth: AuthContext, request: ActionRequest): Promise<ActionResult> {
    const selection = await this.resolve(auth, request);
    const action = await this.actions.runnableBy(auth, request.actionId);
    if (action.runsAsJobWhenLarge) {
      const size = await this.selections.count(selection);
      if (size > this.config.ACTION_JOB_THRESHOLD_TASKS) {
        return this.enqueue(auth, { ...request, projectId: selection.projectId }, size);
      }
    }
    return this.apply(auth, action, selection, request.fields);
  }

  /** Applies the action now, whatever the size of the selection (the job's side). */
  async runNow(auth: AuthContext, request: ActionRequest): Promise<ActionResult> {
    const selection = await this.resolve(auth, request);
    const action = await this.actions.runnableBy(auth, request.actionId);
    return this.apply(auth, action, selection, request.fields);
  }

  private resolve(auth: AuthContext, request: ActionRequest): Promise<TaskSelection> {
    return this.selections.resolve(auth, {
      projectId: request.projectId,
      viewId: request.viewId,
      params: request.params,
    });
  }

  private apply(
    auth: AuthContext,
    action: DataManagerAction,
    selection: TaskSelection,
    fields: Record<string, unknown>,
  ): Promise<ActionResult> {
    return action.run({
      auth,
      projectId: selection.projectId,
      taskIds: () => this.selections.ids(selection),
      selected: () => this.selections.query(selection),
      fields,
    });
  }

  private async enqueue(
    auth: AuthContext,
    request: ActionRequest & { projectId: number },
    size: number,
  ): Promise<ActionResult> {
    const job = await this.queue.enqueue<ActionJobPayload>(
      ACTIONS_QUEUE,
      ACTION_JOB,
      {
        actionId: request.actionId,
        projectId: request.projectId,
        viewId: request.viewId,
        userId: auth.user.id,
        organizationId: auth.organizationId,
        params: request.params,
        fields: request.fields,
      },
      { attempts: 3, backoff: { type: 'exponential', delayMs: 1000 } },
    );
    return {
      processed_items: size,
      async: true,
      job: job.id,
      reload: true,
      detail: `The action runs in the background on ${size} tasks.`,
    };
  }
}
