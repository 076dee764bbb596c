import { InjectRepository } from '@nestjs/typeorm';
import { IsInt, Min } from 'class-validator';
import { Repository } from 'typeorm';
import { JobExecution, JobHandler, JobProcessor } from '@ls/core';
import { MlBackend } from '../ml-backend.entity';
import { ML_QUEUE, ML_TRAIN_JOB } from '../ml-jobs';
import { MlTraining } from './ml-training';

export class MlTrainJobPayload {
  @IsInt()
  @Min(1)
  backendId!: number;
}

/** Training started by the annotation trigger; the backend's state tells how the call went. */
@JobProcessor({ queue: ML_QUEUE, name: ML_TRAIN_JOB, payload: MlTrainJobPayload })
export class MlTrainJob implements JobHandler<MlTrainJobPayload, { error: string | null }> {
  constructor(
    private readonly training: MlTraining,
    @InjectRepository(MlBackend) private readonly backends: Repository<MlBackend>,
  ) {}

  async handle(job: JobExecution<MlTrainJobPayload>) {
    const backend = await this.backends.findOneBy({ id: job.payload.backendId });
    if (!backend) return { error: null };
    const result = await this.training.train(backend);
    return { error: result.ok ? null : result.error };
  }
}
