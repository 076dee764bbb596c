import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { JobQueue } from '@ls/core';
import { ModelRun } from './model-run.entity';
import { PROMPTS_QUEUE, PROMPTS_RUN_ATTEMPTS, PROMPTS_RUN_JOB } from './run-jobs';

/**
 * Embedded mode keeps jobs in memory: runs left Pending or InProgress by a process that stopped
 * are queued again when the next one starts, and resume from their stored outcomes. (Scaled
 * mode needs none of this: Bull hands a dead worker's job to another.)
 */
@Injectable()
export class RunRecovery implements OnApplicationBootstrap {
  private readonly logger = new Logger(RunRecovery.name);

  constructor(
    private readonly queue: JobQueue,
    @InjectRepository(ModelRun) private readonly runs: Repository<ModelRun>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.queue.mode !== 'in-process') return;
    const open = await this.runs.find({
      select: { id: true },
      where: { status: In(['Pending', 'InProgress']), external: false },
    });
    for (const run of open) {
      await this.queue.enqueue(
        PROMPTS_QUEUE,
        PROMPTS_RUN_JOB,
        { runId: run.id },
        { jobId: `prompt-run-${run.id}`, attempts: PROMPTS_RUN_ATTEMPTS },
      );
    }
    if (open.length > 0) this.logger.log(`Resumed ${open.length} inference run(s)`);
  }
}
