import { randomUUID } from 'node:crypto';
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthContext } from '@ls/auth';
import { JobQueue } from '@ls/core';
import { PromptVersion } from '../prompts/prompt-version.entity';
import { PromptRefinement } from './prompt-refinement.entity';
import { PromptRefiner, RefineRequest } from './prompt-refiner';
import { failureMessage } from './refine-errors';
import { REFINE_ATTEMPTS, REFINE_JOB, REFINE_QUEUE } from './refine-jobs';

export interface RefineJobPayloadShape {
  refinementId: number;
}

/** A refinement and the version it refined, as the routes answer them. */
export interface RefinementView {
  refinement: PromptRefinement;
  previous: PromptVersion | null;
}

/**
 * The refine routes: a refinement is checked, recorded (`prompt_refinement`), then run in the
 * request or as a job; its row is what `GET …/refine?refinement_job_id=` reads.
 */
@Injectable()
export class Refinements {
  constructor(
    private readonly refiner: PromptRefiner,
    private readonly queue: JobQueue,
    @InjectRepository(PromptRefinement)
    private readonly refinements: Repository<PromptRefinement>,
    @InjectRepository(PromptVersion) private readonly versions: Repository<PromptVersion>,
  ) {}

  async start(
    auth: AuthContext,
    promptId: number,
    versionId: number,
    input: RefineRequest,
    background: boolean,
  ): Promise<RefinementView> {
    const target = await this.refiner.prepare(auth, promptId, versionId, input);
    const inserted = await this.refinements.insert({
      job_id: randomUUID(),
      organization_id: auth.organizationId,
      prompt_id: promptId,
      version_id: versionId,
      project_id: input.project_id,
      teacher_connection_id: target.teacher.id,
      teacher_model_name: input.teacher_model_name,
      created_by_id: auth.user.id,
      status: background ? 'Pending' : 'Running',
    });
    const id = (inserted.identifiers[0] as { id: number }).id;
    const row = await this.refinements.findOneByOrFail({ id });
    if (background) {
      await this.queue.enqueue<RefineJobPayloadShape>(
        REFINE_QUEUE,
        REFINE_JOB,
        { refinementId: id },
        { jobId: row.job_id, attempts: REFINE_ATTEMPTS, backoff: { type: 'fixed', delayMs: 1000 } },
      );
    } else {
      try {
        await this.refiner.refine(auth, target, id);
      } catch (error) {
        await this.fail(id, error);
        throw error;
      }
    }
    return this.view(auth, promptId, versionId, row.job_id);
  }

  /** The refinement `jobId` of that version; 400 without one, 404 for another's. */
  async view(
    auth: AuthContext,
    promptId: number,
    versionId: number,
    jobId: string | undefined,
  ): Promise<RefinementView> {
    const previous = await this.versions.findOne({
      where: { id: versionId, parent_model_id: promptId, organization_id: auth.organizationId },
      relations: { created_by: true },
    });
    if (!previous) throw new NotFoundException('Not found.');
    if (!jobId) throw new BadRequestException('Give the refinement_job_id of the refinement.');
    const refinement = await this.refinements.findOneBy({
      job_id: jobId,
      organization_id: auth.organizationId,
      version_id: versionId,
    });
    if (!refinement) throw new NotFoundException('No refinement of this version has that id.');
    return { refinement, previous };
  }

  /** Records why a refinement failed (it keeps the cost already recorded). */
  async fail(id: number, error: unknown): Promise<void> {
    await this.refinements.update(
      { id },
      { status: 'Failed', error: failureMessage(error), completed_at: new Date() },
    );
  }
}
