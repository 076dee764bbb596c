import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuthContext } from '@ls/auth';
import { AppConfig, TransactionRunner, ValidationFailedException } from '@ls/core';
import { ProjectScope } from '@ls/projects';
import { TaskCounters } from '@ls/tasks';
import { CreatePredictionDto } from './dto/create-prediction.dto';
import { ListPredictionsQuery } from './dto/list-predictions.query';
import { PredictionInputDto } from './dto/prediction-input.dto';
import { Prediction } from './entities/prediction.entity';
import { PredictionsCreated } from './events/annotation-events';
import { checkedResult } from './results/result-input';
import { TaskAccess } from './task-access';

@Injectable()
export class PredictionsService {
  private readonly scope: ProjectScope<Prediction>;

  constructor(
    private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly access: TaskAccess,
    private readonly counters: TaskCounters,
    @InjectRepository(Prediction) predictions: Repository<Prediction>,
  ) {
    this.scope = new ProjectScope(predictions);
  }

  private scoped(auth: AuthContext) {
    return this.scope.query(auth, 'prediction');
  }

  async list(auth: AuthContext, query: ListPredictionsQuery): Promise<Prediction[]> {
    const found = this.scoped(auth).orderBy('prediction.id', 'ASC');
    if (query.task !== undefined)
      found.andWhere('prediction.task_id = :task', { task: query.task });
    if (query.project !== undefined) {
      found.andWhere('prediction.project_id = :project', { project: query.project });
    }
    return found.getMany();
  }

  async get(auth: AuthContext, id: number): Promise<Prediction> {
    const prediction = await this.scoped(auth).andWhere('prediction.id = :id', { id }).getOne();
    if (!prediction) throw new NotFoundException('Not found.');
    return prediction;
  }

  async create(auth: AuthContext, input: CreatePredictionDto): Promise<Prediction> {
    return this.transactions.run(async (tx) => {
      const task = await this.access.lockedTask(tx.manager, auth, input.task).catch((error) => {
        if (!(error instanceof NotFoundException)) throw error;
        throw new ValidationFailedException({
          task: [`Invalid pk "${input.task}" - object does not exist.`],
        });
      });
      const prediction = await tx.manager.save(
        Prediction,
        tx.manager.create(Prediction, {
          result: checkedResult(input.result, task.project.parsed_label_config, {
            validate: this.config.VALIDATE_PREDICTIONS,
          }),
          score: input.score ?? null,
          model_version: input.model_version ?? '',
          task_id: task.id,
          project_id: task.project_id,
          model_id: input.model ?? null,
          model_run_id: input.model_run ?? null,
          cluster: input.cluster ?? null,
          neighbors: input.neighbors ?? null,
          mislabeling: input.mislabeling ?? 0,
        }),
      );
      await this.counters.recount(tx.manager, [task.id], task.project, auth.user.id);
      tx.afterCommit(new PredictionsCreated(auth.organizationId, task.project_id, [prediction.id]));
      return prediction;
    });
  }

  /** PUT and PATCH: the given fields replace the stored ones. */
  async update(auth: AuthContext, id: number, input: PredictionInputDto): Promise<Prediction> {
    const current = await this.get(auth, id);
    await this.transactions.run(async (tx) => {
      const task = await this.access.lockedTask(tx.manager, auth, current.task_id);
      const { model, model_run, result, ...plain } = input;
      const changes: Partial<Prediction> = { ...plain };
      if (result !== undefined)
        changes.result = checkedResult(result, task.project.parsed_label_config, {
          validate: this.config.VALIDATE_PREDICTIONS,
        });
      if (model !== undefined) changes.model_id = model;
      if (model_run !== undefined) changes.model_run_id = model_run;
      await tx.manager.update(Prediction, { id }, changes as QueryDeepPartialEntity<Prediction>);
      await this.counters.recount(tx.manager, [task.id], task.project, auth.user.id);
    });
    return this.get(auth, id);
  }

  async delete(auth: AuthContext, id: number): Promise<void> {
    const prediction = await this.get(auth, id);
    await this.transactions.run(async (tx) => {
      const task = await this.access.lockedTask(tx.manager, auth, prediction.task_id);
      await tx.manager.delete(Prediction, { id });
      await this.counters.recount(tx.manager, [task.id], task.project, auth.user.id);
    });
  }
}
