import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { PromptVersion } from '../prompts/prompt-version.entity';
import { ModelRun, ModelRunStatus } from './model-run.entity';

const OPEN: ModelRunStatus[] = ['Pending', 'InProgress'];

/**
 * The status moves of a run, each a conditional update, so a cancel racing a worker wins: a
 * finished run never changes again.
 */
@Injectable()
export class RunStates {
  constructor(
    @InjectRepository(ModelRun) private readonly runs: Repository<ModelRun>,
    @InjectRepository(PromptVersion) private readonly versions: Repository<PromptVersion>,
  ) {}

  async isOpen(id: number): Promise<boolean> {
    return this.runs.exists({ where: { id, status: In(OPEN) } });
  }

  /** Pending → InProgress (`triggered_at` set once). */
  async start(run: ModelRun): Promise<void> {
    await this.runs.update(
      { id: run.id, status: 'Pending' },
      { status: 'InProgress', triggered_at: new Date() },
    );
  }

  /** Cancels an open run; false when it had finished already. */
  async cancel(id: number): Promise<boolean> {
    const updated = await this.runs.update(
      { id, status: In(OPEN) },
      { status: 'Canceled', completed_at: new Date() },
    );
    return (updated.affected ?? 0) > 0;
  }

  async fail(id: number, error: string): Promise<void> {
    await this.runs.update(
      { id, status: In(OPEN) },
      { status: 'Failed', error_message: error.slice(0, 4000), completed_at: new Date() },
    );
  }

  /** Completed; a HasGT run then gives its version's `score` (unless a newer one did). */
  async complete(id: number): Promise<void> {
    const updated = await this.runs.update(
      { id, status: In(OPEN) },
      { status: 'Completed', completed_at: new Date() },
    );
    if ((updated.affected ?? 0) === 0) return;
    const run = await this.runs.findOneByOrFail({ id });
    if (run.project_subset !== 'HasGT') return;
    const newer = await this.runs
      .createQueryBuilder('run')
      .where('run.version_id = :version AND run.id > :id', { version: run.version_id, id })
      .andWhere("run.project_subset = 'HasGT' AND run.status = 'Completed'")
      .getExists();
    if (newer) return;
    const score =
      run.total_predictions > 0 ? run.total_correct_predictions / run.total_predictions : null;
    await this.versions.update({ id: run.version_id }, { score });
  }
}
