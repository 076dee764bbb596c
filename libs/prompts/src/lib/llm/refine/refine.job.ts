import {
  BadRequestException,
  ForbiddenException,
  HttpException,
  Injectable,
  Logger,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsInt, Min } from 'class-validator';
import { DataSource, In, Repository } from 'typeorm';
import { memberContext } from '@ls/auth';
import { JobExecution, JobHandler, JobProcessor } from '@ls/core';
import { BudgetExceededError } from '../budget/budget-exceeded.error';
import { LlmProviderError } from '../providers/llm-provider';
import { PromptRefinement } from './prompt-refinement.entity';
import { PromptRefiner } from './prompt-refiner';
import { REFINE_ATTEMPTS, REFINE_JOB, REFINE_QUEUE } from './refine-jobs';
import { Refinements } from './refinements.service';

export class RefineJobPayload {
  @IsInt()
  @Min(1)
  refinementId!: number;
}

/**
 * Runs an asynchronous refinement for the member who asked for it, with their rights as they are
 * now. Expected failures (the teacher's, the budget's, a prompt gone) end the refinement as
 * `Failed`; an unexpected one is retried once, then recorded.
 */
@JobProcessor({ queue: REFINE_QUEUE, name: REFINE_JOB, payload: RefineJobPayload })
@Injectable()
export class RefineJob implements JobHandler<RefineJobPayload, { status: string }> {
  private readonly logger = new Logger(RefineJob.name);

  constructor(
    private readonly refiner: PromptRefiner,
    private readonly refinementsService: Refinements,
    private readonly dataSource: DataSource,
    @InjectRepository(PromptRefinement)
    private readonly refinements: Repository<PromptRefinement>,
  ) {}

  async handle(job: JobExecution<RefineJobPayload>): Promise<{ status: string }> {
    const id = job.payload.refinementId;
    const started = await this.refinements.update(
      { id, status: In(['Pending', 'Running']) },
      { status: 'Running' },
    );
    const row = await this.refinements.findOneBy({ id });
    if (!row || !started.affected) return { status: row?.status ?? 'Gone' };
    try {
      const auth = row.created_by_id
        ? await memberContext(this.dataSource.manager, row.created_by_id, row.organization_id)
        : null;
      if (!auth) {
        throw new ForbiddenException('The member who asked for this refinement can no longer act.');
      }
      if (row.teacher_connection_id === null) {
        throw new BadRequestException('The teacher model provider connection was deleted.');
      }
      const target = await this.refiner.prepare(auth, row.prompt_id, row.version_id, {
        teacher_model_provider_connection_id: row.teacher_connection_id,
        teacher_model_name: row.teacher_model_name,
        project_id: row.project_id,
      });
      await this.refiner.refine(auth, target, id);
      return { status: 'Completed' };
    } catch (error) {
      const expected =
        error instanceof HttpException ||
        error instanceof LlmProviderError ||
        error instanceof BudgetExceededError;
      if (!expected && job.attempt < REFINE_ATTEMPTS) throw error;
      this.logger.warn({ refinement: id, error: (error as Error).message }, 'Refinement failed');
      await this.refinementsService.fail(id, error);
      return { status: 'Failed' };
    }
  }
}
