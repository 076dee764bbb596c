import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { AuthContext } from '@ls/auth';
import { Prediction } from '@ls/annotations';
import { Project } from '@ls/projects';
import { PromptVersion } from '../prompts/prompt-version.entity';
import { Prompt } from '../prompts/prompt.entity';
import { ModelRunTask } from './model-run-task.entity';
import { ModelRun } from './model-run.entity';
import { groundTruthOf } from './run-outcomes';
import { itemsOf, outputTarget } from './run-output';

export interface KeyIndicator {
  title: string;
  values: Record<string, unknown>;
}

export const INDICATOR_KEYS = ['predictions', 'accuracy', 'failures', 'cost'] as const;
type IndicatorKey = (typeof INDICATOR_KEYS)[number];

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Key indicators of a run for the prompt dashboard (behavior-enterprise §6.6): prediction
 * counts, accuracy with micro precision and recall against ground truth (HasGT runs only),
 * failures with their most frequent errors, and cost.
 */
@Injectable()
export class RunIndicators {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(ModelRun) private readonly runs: Repository<ModelRun>,
    @InjectRepository(ModelRunTask) private readonly runTasks: Repository<ModelRunTask>,
  ) {}

  async all(auth: AuthContext, runId: number): Promise<KeyIndicator[]> {
    const run = await this.runOf(auth, runId);
    const keys = INDICATOR_KEYS.filter(
      (key) => key !== 'accuracy' || run.project_subset === 'HasGT',
    );
    return Promise.all(keys.map((key) => this.indicator(run, key)));
  }

  async one(auth: AuthContext, runId: number, key: string): Promise<KeyIndicator> {
    const run = await this.runOf(auth, runId);
    const known = (INDICATOR_KEYS as readonly string[]).includes(key);
    if (!known || (key === 'accuracy' && run.project_subset !== 'HasGT')) {
      throw new NotFoundException(
        `No indicator "${key}" for this run; it has: ${INDICATOR_KEYS.filter(
          (name) => name !== 'accuracy' || run.project_subset === 'HasGT',
        ).join(', ')}.`,
      );
    }
    return this.indicator(run, key as IndicatorKey);
  }

  private async indicator(run: ModelRun, key: IndicatorKey): Promise<KeyIndicator> {
    switch (key) {
      case 'predictions':
        return {
          title: 'Predictions',
          values: {
            total_tasks: run.total_tasks,
            total_predictions: run.total_predictions,
            failed: run.total_failed_predictions,
            pending: Math.max(
              0,
              run.total_tasks - run.total_predictions - run.total_failed_predictions,
            ),
            status: run.status,
            error: run.error_message,
          },
        };
      case 'failures':
        return { title: 'Failures', values: await this.failures(run) };
      case 'cost':
        return {
          title: 'Cost',
          values: {
            total_cost_usd: round(run.total_cost_usd, 6),
            cost_per_task_usd:
              run.total_predictions + run.total_failed_predictions > 0
                ? round(
                    run.total_cost_usd / (run.total_predictions + run.total_failed_predictions),
                    8,
                  )
                : null,
          },
        };
      case 'accuracy':
        return { title: 'Accuracy', values: await this.accuracy(run) };
    }
  }

  private async failures(run: ModelRun) {
    const rows = await this.runTasks
      .createQueryBuilder('outcome')
      .select('outcome.error', 'error')
      .addSelect('COUNT(*)', 'count')
      .where('outcome.run_id = :id AND outcome.error IS NOT NULL', { id: run.id })
      .groupBy('outcome.error')
      .orderBy('count', 'DESC')
      .limit(5)
      .getRawMany<{ error: string; count: string | number }>();
    return {
      count: run.total_failed_predictions,
      top_errors: rows.map((row) => ({ error: row.error, count: Number(row.count) })),
    };
  }

  /** Accuracy as the run counted it; precision and recall over the labels (or spans) given. */
  private async accuracy(run: ModelRun) {
    const prompt = await this.dataSource
      .getRepository(Prompt)
      .findOneByOrFail({ id: run.prompt_id });
    const project = await this.dataSource
      .getRepository(Project)
      .findOneByOrFail({ id: run.project_id });
    const target = outputTarget(project.parsed_label_config, prompt.skill_name);
    let truePositives = 0;
    let predictedItems = 0;
    let truthItems = 0;
    const outcomes = await this.runTasks.find({
      select: { task_id: true, prediction_id: true },
      where: { run_id: run.id },
    });
    const predicted = outcomes.filter((row) => row.prediction_id !== null);
    const manager = this.dataSource.manager;
    for (let at = 0; target && at < predicted.length; at += 500) {
      const slice = predicted.slice(at, at + 500);
      const truth = await groundTruthOf(
        manager,
        slice.map((row) => row.task_id),
      );
      const predictions = await manager.find(Prediction, {
        select: { id: true, task_id: true, result: true },
        where: { id: In(slice.map((row) => row.prediction_id as number)) },
      });
      for (const prediction of predictions) {
        const given = itemsOf(target, prediction.result);
        const expected = itemsOf(target, truth.get(prediction.task_id));
        predictedItems += given.size;
        truthItems += expected.size;
        for (const item of given) if (expected.has(item)) truePositives += 1;
      }
    }
    const precision = predictedItems > 0 ? truePositives / predictedItems : null;
    const recall = truthItems > 0 ? truePositives / truthItems : null;
    const version = await this.dataSource
      .getRepository(PromptVersion)
      .findOneBy({ id: run.version_id });
    return {
      accuracy:
        run.total_predictions > 0
          ? round(run.total_correct_predictions / run.total_predictions)
          : null,
      precision: precision === null ? null : round(precision),
      recall: recall === null ? null : round(recall),
      f1:
        precision !== null && recall !== null && precision + recall > 0
          ? round((2 * precision * recall) / (precision + recall))
          : null,
      total_correct_predictions: run.total_correct_predictions,
      total_predictions: run.total_predictions,
      version_score: version?.score ?? null,
    };
  }

  private async runOf(auth: AuthContext, id: number): Promise<ModelRun> {
    const run = await this.runs.findOneBy({ id, organization_id: auth.organizationId });
    if (!run) throw new NotFoundException('Not found.');
    return run;
  }
}
