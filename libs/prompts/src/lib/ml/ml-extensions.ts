import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrganizationResources } from '@ls/auth';
import { DataManagerActions } from '@ls/data-manager';
import { projectPlaceOf } from '@ls/projects';
import { RetrievePredictionsAction } from './data-manager/retrieve-predictions.action';
import { ML_BACKEND_RESOURCE } from './http/ml-backends.controller';
import { MlBackend } from './ml-backend.entity';

/**
 * What ML backends add to the libraries below when the module starts: the `ml_backend` kind that
 * route paths name (see `@ResourceParams`) and the data manager's `retrieve_tasks_predictions`.
 */
@Injectable()
export class MlExtensions implements OnModuleInit {
  constructor(
    private readonly resources: OrganizationResources,
    private readonly actions: DataManagerActions,
    private readonly retrievePredictions: RetrievePredictionsAction,
    @InjectRepository(MlBackend) private readonly backends: Repository<MlBackend>,
  ) {}

  onModuleInit(): void {
    this.resources.registerInProject(ML_BACKEND_RESOURCE, projectPlaceOf(this.backends));
    this.actions.register(this.retrievePredictions);
  }
}
