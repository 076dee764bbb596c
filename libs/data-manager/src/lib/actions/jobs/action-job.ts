import { DataSource } from 'typeorm';
import { memberContext } from '@ls/auth';
import { JobExecution, JobHandler, JobProcessor } from '@ls/core';
import { ActionResult } from '../data-manager-action';
import { ActionRunner } from '../action-runner';
import { ACTION_JOB, ACTIONS_QUEUE, ActionJobPayload } from './action-job.payload';

/**
 * Applies a queued action. The selection is resolved again when the job runs; every action that
 * may run as a job is idempotent (deleting what is already gone, or skipping what was already
 * made), so a job retried after a crash leaves no duplicate.
 */
@JobProcessor({ queue: ACTIONS_QUEUE, name: ACTION_JOB, payload: ActionJobPayload })
export class ActionJob implements JobHandler<ActionJobPayload, ActionResult> {
  constructor(
    private readonly runner: ActionRunner,
    private readonly dataSource: DataSource,
  ) {}

  async handle(job: JobExecution<ActionJobPayload>): Promise<ActionResult> {
    const { userId, organizationId, actionId, projectId, viewId, params, fields } = job.payload;
    const auth = await memberContext(this.dataSource.manager, userId, organizationId);
    if (!auth) {
      throw new Error(`User ${userId} can no longer act in organization ${organizationId}.`);
    }
    return this.runner.runNow(auth, { actionId, projectId, viewId, params, fields });
  }
}
