import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrganizationResources, OrganizationScope } from '@ls/auth';
import { ModelRun } from './model-run.entity';

/** What `{inference_run_id}`, the indicators' `{id}` and `modelrun_id` name. */
export const MODEL_RUN_RESOURCE = 'model_run';

/** Registers runs so the auth guard answers 404 for another organization's. */
@Injectable()
export class RunResources implements OnModuleInit {
  constructor(
    private readonly resources: OrganizationResources,
    @InjectRepository(ModelRun) private readonly runs: Repository<ModelRun>,
  ) {}

  onModuleInit(): void {
    const runs = new OrganizationScope(this.runs);
    this.resources.registerById(MODEL_RUN_RESOURCE, (auth, id) => runs.exists(auth, { id }));
  }
}
