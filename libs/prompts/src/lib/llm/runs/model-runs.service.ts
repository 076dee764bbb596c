import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthContext } from '@ls/auth';
import { JobQueue, ValidationFailedException } from '@ls/core';
import { Project } from '@ls/projects';
import { Task } from '@ls/tasks';
import { BudgetExceededError } from '../budget/budget-exceeded.error';
import { ConnectionBudget } from '../budget/connection-budget';
import { PromptVersionsService } from '../prompts/prompt-versions.service';
import { PromptsService } from '../prompts/prompts.service';
import { ModelRunCreateDto, ModelRunListQuery } from './http/model-run.dto';
import { ModelRun } from './model-run.entity';
import { PROMPTS_QUEUE, PROMPTS_RUN_ATTEMPTS, PROMPTS_RUN_JOB } from './run-jobs';
import { outputTarget } from './run-output';
import { RunStates } from './run-states';
import { subsetTasks } from './run-tasks';

const ORDERABLE = new Set([
  'id',
  'created_at',
  'triggered_at',
  'completed_at',
  'status',
  'project_subset',
  'total_predictions',
]);

/** Inference runs of a prompt version: started, listed, cancelled. */
@Injectable()
export class ModelRunsService {
  constructor(
    private readonly prompts: PromptsService,
    private readonly versions: PromptVersionsService,
    private readonly states: RunStates,
    private readonly budget: ConnectionBudget,
    private readonly queue: JobQueue,
    @InjectRepository(ModelRun) private readonly runs: Repository<ModelRun>,
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
  ) {}

  /**
   * A run, Pending, with its task count; its job queued. With a `job_id` the results come from
   * that outside job (`/api/model-run/batch-*`) and nothing is queued here.
   */
  async create(
    auth: AuthContext,
    promptId: number,
    versionId: number,
    input: ModelRunCreateDto,
  ): Promise<ModelRun> {
    const prompt = await this.prompts.get(auth, promptId);
    const version = await this.versions.get(auth, promptId, versionId);
    const project = await this.projects.findOneBy({
      id: input.project,
      organization_id: auth.organizationId,
    });
    if (!project) {
      throw new ValidationFailedException({
        project: [`Invalid pk "${input.project}" - object does not exist.`],
      });
    }
    if (!outputTarget(project.parsed_label_config, prompt.skill_name)) {
      throw new ValidationFailedException({
        project: [
          `The project's labeling config has no control a ${prompt.skill_name} prompt fills.`,
        ],
      });
    }
    const external = Boolean(input.job_id);
    if (!external) {
      if (version.model_provider_connection_id === null) {
        throw new BadRequestException(
          `Version "${version.title}" has no model provider connection: set one first.`,
        );
      }
      try {
        await this.budget.assertWithinBudget({ id: version.model_provider_connection_id });
      } catch (error) {
        if (error instanceof BudgetExceededError) throw new BadRequestException(error.message);
        throw error;
      }
    }
    const fields = {
      organization_id: auth.organizationId,
      prompt_id: prompt.id,
      version_id: version.id,
      project_id: project.id,
      created_by_id: auth.user.id,
      project_subset: input.project_subset ?? 'All',
      only_missing_predictions: input.only_missing_predictions ?? false,
      job_id: input.job_id ?? null,
      external,
    };
    const inserted = await this.runs.insert(fields);
    const id = (inserted.identifiers[0] as { id: number }).id;
    const total = await subsetTasks(this.tasks, { id, ...fields }).getCount();
    const jobId = external ? fields.job_id : `prompt-run-${id}`;
    await this.runs.update({ id }, { total_tasks: total, job_id: jobId });
    // the run as created: its job may start moving it before the answer leaves
    const created = await this.get(auth, promptId, versionId, id);
    if (!external) {
      await this.queue.enqueue(
        PROMPTS_QUEUE,
        PROMPTS_RUN_JOB,
        { runId: id },
        {
          jobId: jobId as string,
          attempts: PROMPTS_RUN_ATTEMPTS,
          backoff: { type: 'exponential', delayMs: 1000 },
        },
      );
    }
    return created;
  }

  async list(
    auth: AuthContext,
    promptId: number,
    versionId: number,
    query: ModelRunListQuery,
  ): Promise<ModelRun[]> {
    await this.versions.get(auth, promptId, versionId);
    const builder = this.runs
      .createQueryBuilder('run')
      .where('run.version_id = :versionId', { versionId })
      .andWhere('run.organization_id = :organizationId', { organizationId: auth.organizationId });
    if (query.project !== undefined) builder.andWhere('run.project_id = :p', { p: query.project });
    if (query.parent_model !== undefined) {
      builder.andWhere('run.version_id = :parent', { parent: query.parent_model });
    }
    if (query.project_subset) {
      builder.andWhere('run.project_subset = :subset', { subset: query.project_subset });
    }
    const ordering = (query.ordering ?? '-id').split(',').filter(Boolean);
    for (const field of ordering) {
      const name = field.replace(/^-/, '');
      if (!ORDERABLE.has(name)) {
        throw new ValidationFailedException({
          ordering: [`Cannot order by "${name}"; use one of ${[...ORDERABLE].join(', ')}.`],
        });
      }
      builder.addOrderBy(`run.${name}`, field.startsWith('-') ? 'DESC' : 'ASC');
    }
    builder.addOrderBy('run.id', 'DESC');
    return builder.getMany();
  }

  async get(auth: AuthContext, promptId: number, versionId: number, id: number): Promise<ModelRun> {
    const run = await this.runs.findOneBy({
      id,
      prompt_id: promptId,
      version_id: versionId,
      organization_id: auth.organizationId,
    });
    if (!run) throw new NotFoundException('Not found.');
    return run;
  }

  /** Cancels an open run; a finished one is a 400. */
  async cancel(auth: AuthContext, promptId: number, versionId: number, id: number) {
    const run = await this.get(auth, promptId, versionId, id);
    if (!(await this.states.cancel(run.id))) {
      const current = await this.get(auth, promptId, versionId, id);
      throw new BadRequestException(
        `The run is ${current.status}: only a running one is cancelled.`,
      );
    }
    return { detail: `Inference run ${id} was cancelled.` };
  }
}
