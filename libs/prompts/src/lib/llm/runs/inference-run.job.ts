import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsInt, Min } from 'class-validator';
import { Repository } from 'typeorm';
import { AppConfig, JobExecution, JobHandler, JobProcessor } from '@ls/core';
import { Project } from '@ls/projects';
import { Task } from '@ls/tasks';
import { ConnectionBudget } from '../budget/connection-budget';
import { ModelProviderConnection } from '../connections/model-provider-connection.entity';
import { ModelProviderConnections } from '../connections/model-provider-connections.service';
import { PromptVersion } from '../prompts/prompt-version.entity';
import { Prompt } from '../prompts/prompt.entity';
import { FINISHED_STATUSES, ModelRun } from './model-run.entity';
import { executeRun } from './run-execution';
import { PROMPTS_QUEUE, PROMPTS_RUN_ATTEMPTS, PROMPTS_RUN_JOB } from './run-jobs';
import { RunBudget } from './run-budget';
import { RunOutcomes } from './run-outcomes';
import { answerSchema, outputTarget } from './run-output';
import { RunStates } from './run-states';
import { pendingTasks } from './run-tasks';
import { TaskInference } from './task-inference';

export class InferenceRunJobPayload {
  @IsInt()
  @Min(1)
  runId!: number;
}

export interface InferenceRunJobResult {
  status: string;
}

/**
 * Executes an inference run (behavior-enterprise §6.3): every task of its subset without an
 * outcome is rendered, sent to the version's model `PROMPTS_CONCURRENCY` at a time, checked and
 * stored. A re-delivered job (its worker died) goes on from the stored outcomes.
 */
@JobProcessor({ queue: PROMPTS_QUEUE, name: PROMPTS_RUN_JOB, payload: InferenceRunJobPayload })
@Injectable()
export class InferenceRunJob implements JobHandler<InferenceRunJobPayload, InferenceRunJobResult> {
  private readonly logger = new Logger(InferenceRunJob.name);

  constructor(
    private readonly config: AppConfig,
    private readonly states: RunStates,
    private readonly outcomes: RunOutcomes,
    private readonly budget: ConnectionBudget,
    private readonly connections: ModelProviderConnections,
    @InjectRepository(ModelRun) private readonly runs: Repository<ModelRun>,
    @InjectRepository(PromptVersion) private readonly versions: Repository<PromptVersion>,
    @InjectRepository(Prompt) private readonly prompts: Repository<Prompt>,
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
    @InjectRepository(ModelProviderConnection)
    private readonly connectionRows: Repository<ModelProviderConnection>,
  ) {}

  async handle(job: JobExecution<InferenceRunJobPayload>): Promise<InferenceRunJobResult> {
    const run = await this.runs.findOneBy({ id: job.payload.runId });
    if (!run || FINISHED_STATUSES.includes(run.status)) return { status: run?.status ?? 'gone' };
    try {
      return await this.execute(run);
    } catch (error) {
      if (job.attempt >= PROMPTS_RUN_ATTEMPTS) {
        await this.states.fail(run.id, (error as Error).message);
      }
      throw error;
    }
  }

  private async execute(run: ModelRun): Promise<InferenceRunJobResult> {
    await this.states.start(run);
    const version = await this.versions.findOneBy({ id: run.version_id });
    const prompt = await this.prompts.findOneBy({ id: run.prompt_id });
    const project = await this.projects.findOneBy({ id: run.project_id });
    const connection =
      version?.model_provider_connection_id != null
        ? await this.connectionRows.findOneBy({ id: version.model_provider_connection_id })
        : null;
    if (!version || !prompt || !project) return this.failed(run, 'The prompt or project is gone.');
    if (!connection) {
      return this.failed(run, `Version "${version.title}" has no model provider connection.`);
    }
    const target = outputTarget(project.parsed_label_config, prompt.skill_name);
    if (!target) {
      return this.failed(run, `The project's label config does not fit ${prompt.skill_name}.`);
    }
    const controller = new AbortController();
    const spend = new RunBudget(this.budget, connection.id);
    const inference = new TaskInference(spend, {
      provider: await this.connections.providerOf(connection),
      model: version.provider_model_id,
      template: version.prompt,
      schema: answerSchema(target, prompt.output_classes),
      target,
      maxAttempts: this.config.PROMPTS_MAX_ATTEMPTS,
      retryBaseMs: this.config.PROMPTS_RETRY_BASE_MS,
      signal: controller.signal,
    });
    const end = await executeRun({
      concurrency: this.config.PROMPTS_CONCURRENCY,
      controller,
      nextTasks: (after, limit) => pendingTasks(this.tasks, run, after, limit),
      infer: (task) => inference.infer(task),
      record: async (batch) => {
        await spend.record();
        return (await this.outcomes.record(run, project, version.title, target, batch)).open;
      },
      isOpen: () => this.states.isOpen(run.id),
    }).finally(() => spend.record());
    if (end.kind === 'failed') return this.failed(run, end.error);
    if (end.kind === 'done') await this.states.complete(run.id);
    const after = await this.runs.findOneByOrFail({ id: run.id });
    this.logger.log(
      { run: run.id, status: after.status, predictions: after.total_predictions },
      'Inference run ended',
    );
    return { status: after.status };
  }

  private async failed(run: ModelRun, error: string): Promise<InferenceRunJobResult> {
    await this.states.fail(run.id, error);
    this.logger.warn({ run: run.id, error }, 'Inference run failed');
    return { status: 'Failed' };
  }
}
