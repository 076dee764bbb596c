import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { checkedResult } from '@ls/annotations';
import { AuthContext } from '@ls/auth';
import { ValidationFailedException } from '@ls/core';
import { Project } from '@ls/projects';
import { Task } from '@ls/tasks';
import { PromptVersion } from '../prompts/prompt-version.entity';
import { Prompt } from '../prompts/prompt.entity';
import { ModelRunTask } from './model-run-task.entity';
import { ModelRun } from './model-run.entity';
import { RunOutcomes, TaskOutcome } from './run-outcomes';
import { InvalidAnswerError, OutputTarget, outputTarget, resultOfAnswer } from './run-output';
import { RunStates } from './run-states';

type Item = Record<string, unknown> & { task_id: number };

/**
 * Results an outside job pushes for a run (behavior-enterprise §6.5), stored as the run's own
 * job stores them. A result that does not fit the label config is recorded as that task's
 * failure; items that name no task of the run's project are a 400 and nothing is written.
 */
@Injectable()
export class RunCallbacks {
  constructor(
    private readonly outcomes: RunOutcomes,
    private readonly states: RunStates,
    @InjectRepository(ModelRun) private readonly runs: Repository<ModelRun>,
    @InjectRepository(ModelRunTask) private readonly runTasks: Repository<ModelRunTask>,
    @InjectRepository(PromptVersion) private readonly versions: Repository<PromptVersion>,
    @InjectRepository(Prompt) private readonly prompts: Repository<Prompt>,
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
  ) {}

  async predictions(auth: AuthContext, runId: number, jobId: string | undefined, items: unknown[]) {
    const run = await this.runOf(auth, runId);
    const job = jobId ?? run.job_id ?? '';
    const checkedItems = itemsOf(items, 'results');
    if (run.status !== 'Pending' && run.status !== 'InProgress')
      return { job_id: job, results: [] };
    const { project, version, target } = await this.contextOf(run);
    const data = await this.dataOf(run, checkedItems, 'results');
    const outcomes = checkedItems.map((item) =>
      outcomeOf(item, target, project, data.get(item.task_id) ?? {}),
    );
    await this.store(run, project, version.title, target, outcomes);
    return {
      job_id: job,
      results: outcomes.map((outcome) => ({
        task_id: outcome.taskId,
        stored: outcome.result !== null,
        error: outcome.error,
      })),
    };
  }

  async failures(auth: AuthContext, runId: number, jobId: string | undefined, items: unknown[]) {
    const run = await this.runOf(auth, runId);
    const job = jobId ?? run.job_id ?? '';
    const checkedItems = itemsOf(items, 'failed_predictions');
    if (run.status !== 'Pending' && run.status !== 'InProgress') {
      return { job_id: job, failed_predictions: [] };
    }
    const { project, version, target } = await this.contextOf(run);
    await this.dataOf(run, checkedItems, 'failed_predictions');
    const outcomes: TaskOutcome[] = checkedItems.map((item) => ({
      taskId: item.task_id,
      result: null,
      error: errorText(item),
      costUsd: 0,
    }));
    await this.store(run, project, version.title, target, outcomes);
    return {
      job_id: job,
      failed_predictions: outcomes.map((outcome) => ({
        task_id: outcome.taskId,
        error: outcome.error,
      })),
    };
  }

  private async store(
    run: ModelRun,
    project: Project,
    title: string,
    target: OutputTarget,
    outcomes: TaskOutcome[],
  ): Promise<void> {
    await this.states.start(run);
    const recorded = await this.outcomes.record(run, project, title, target, outcomes);
    if (!recorded.open) return;
    const done = await this.runTasks.countBy({ run_id: run.id });
    if (run.external && done >= run.total_tasks) await this.states.complete(run.id);
  }

  private async runOf(auth: AuthContext, id: number): Promise<ModelRun> {
    const run = await this.runs.findOneBy({ id, organization_id: auth.organizationId });
    if (!run) throw new NotFoundException('Not found.');
    return run;
  }

  private async contextOf(run: ModelRun) {
    const version = await this.versions.findOneByOrFail({ id: run.version_id });
    const prompt = await this.prompts.findOneByOrFail({ id: run.prompt_id });
    const project = await this.projects.findOneByOrFail({ id: run.project_id });
    const target = outputTarget(project.parsed_label_config, prompt.skill_name);
    if (!target) {
      throw new ValidationFailedException({
        modelrun_id: [`The run's project no longer has a control ${prompt.skill_name} fills.`],
      });
    }
    return { version, project, target };
  }

  /** The data of the items' tasks; a task outside the run's project is a 400. */
  private async dataOf(run: ModelRun, items: Item[], field: string) {
    const ids = [...new Set(items.map((item) => item.task_id))];
    const found = new Map<number, Record<string, unknown>>();
    for (let at = 0; at < ids.length; at += 500) {
      const rows = await this.tasks.find({
        select: { id: true, data: true },
        where: { id: In(ids.slice(at, at + 500)), project_id: run.project_id },
      });
      for (const row of rows) found.set(row.id, row.data);
    }
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new ValidationFailedException({
        [field]: [`Tasks ${missing.slice(0, 20).join(', ')} are not tasks of the run's project.`],
      });
    }
    return found;
  }
}

function itemsOf(items: unknown[], field: string): Item[] {
  return items.map((item, index) => {
    const object = item as Record<string, unknown> | null;
    if (typeof object !== 'object' || object === null || Array.isArray(object)) {
      throw new ValidationFailedException({ [field]: [`Item ${index} is not an object.`] });
    }
    if (!Number.isInteger(object.task_id)) {
      throw new ValidationFailedException({ [field]: [`Item ${index} has no integer task_id.`] });
    }
    return object as Item;
  });
}

/** `result` in Label Studio's format, or the model's answer (`output`, or the item itself). */
function outcomeOf(
  item: Item,
  target: OutputTarget,
  project: Project,
  data: Record<string, unknown>,
): TaskOutcome {
  const base = { taskId: item.task_id, costUsd: 0 };
  try {
    if (Array.isArray(item.result)) {
      const result = checkedResult(item.result, project.parsed_label_config, { validate: true });
      return { ...base, result: result as Record<string, unknown>[], error: null };
    }
    return {
      ...base,
      result: resultOfAnswer(target, item.output ?? item, data),
      error: null,
    };
  } catch (error) {
    if (error instanceof InvalidAnswerError) return { ...base, result: null, error: error.message };
    if (!(error instanceof ValidationFailedException)) throw error;
    const problems = JSON.stringify(error.errors);
    return {
      ...base,
      result: null,
      error: `The result does not fit the label config: ${problems}`,
    };
  }
}

function errorText(item: Item): string {
  for (const key of ['error', 'error_message', 'message']) {
    if (typeof item[key] === 'string' && item[key]) return (item[key] as string).slice(0, 4000);
  }
  return 'The prediction failed.';
}
