import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Annotation, Prediction } from '@ls/annotations';
import { Task } from '@ls/tasks';

/** A ground truth task the version labeled otherwise: what the teacher learns from. */
export interface Mistake {
  task: number;
  /** The task's input fields, as the template reads them. */
  data: Record<string, unknown>;
  predicted: string[];
  ground_truth: string[];
}

export interface MistakeSearch {
  mistakes: Mistake[];
  /** Ground truth tasks the version has a prediction for (mistaken or not). */
  compared: number;
}

const BATCH_SIZE = 200;
/** Longest text of one input field shown to the teacher, in characters. */
const MAX_FIELD_CHARS = 2_000;

/**
 * The mistakes of a prompt version on a project's ground truth: tasks with a ground truth
 * annotation whose latest prediction of the version (`model_version` = its title) gives other
 * labels. Read in task id order a batch at a time, stopping at `limit` mistakes.
 */
@Injectable()
export class VersionMistakes {
  constructor(
    @InjectRepository(Annotation) private readonly annotations: Repository<Annotation>,
    @InjectRepository(Prediction) private readonly predictions: Repository<Prediction>,
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
  ) {}

  async find(
    projectId: number,
    modelVersion: string,
    inputFields: readonly string[],
    limit: number,
  ): Promise<MistakeSearch> {
    const mistakes: Mistake[] = [];
    let compared = 0;
    let after = 0;
    while (mistakes.length < limit) {
      const truths = await this.groundTruthAfter(projectId, after);
      if (truths.size === 0) break;
      after = Math.max(...truths.keys());
      const predicted = await this.latestPredictions(projectId, modelVersion, [...truths.keys()]);
      const wrong: { task: number; predicted: string[]; truth: string[] }[] = [];
      for (const [task, truth] of truths) {
        const prediction = predicted.get(task);
        if (!prediction) continue;
        compared += 1;
        const mine = labelsOf(prediction);
        const expected = labelsOf(truth);
        if (mine.join('\n') !== expected.join('\n')) {
          wrong.push({ task, predicted: mine, truth: expected });
        }
      }
      const chosen = wrong.slice(0, limit - mistakes.length);
      const data = await this.inputsOf(
        chosen.map((entry) => entry.task),
        inputFields,
      );
      for (const entry of chosen) {
        mistakes.push({
          task: entry.task,
          data: data.get(entry.task) ?? {},
          predicted: entry.predicted,
          ground_truth: entry.truth,
        });
      }
    }
    return { mistakes, compared };
  }

  /** The first ground truth result of each of the next tasks after `after`. */
  private async groundTruthAfter(
    projectId: number,
    after: number,
  ): Promise<Map<number, unknown[]>> {
    const rows = await this.annotations
      .createQueryBuilder('annotation')
      .select(['annotation.id', 'annotation.task_id', 'annotation.result'])
      .where('annotation.project_id = :projectId', { projectId })
      .andWhere('annotation.ground_truth = :groundTruth', { groundTruth: true })
      .andWhere('annotation.was_cancelled = :cancelled', { cancelled: false })
      .andWhere('annotation.task_id > :after', { after })
      .orderBy('annotation.task_id', 'ASC')
      .addOrderBy('annotation.id', 'ASC')
      .limit(BATCH_SIZE)
      .getMany();
    const truths = new Map<number, unknown[]>();
    for (const row of rows) {
      if (!truths.has(row.task_id)) truths.set(row.task_id, row.result ?? []);
    }
    return truths;
  }

  private async latestPredictions(
    projectId: number,
    modelVersion: string,
    taskIds: number[],
  ): Promise<Map<number, unknown[]>> {
    const rows = await this.predictions.find({
      select: { id: true, task_id: true, result: true },
      where: { project_id: projectId, model_version: modelVersion, task_id: In(taskIds) },
      order: { id: 'DESC' },
    });
    const latest = new Map<number, unknown[]>();
    for (const row of rows) if (!latest.has(row.task_id)) latest.set(row.task_id, row.result);
    return latest;
  }

  private async inputsOf(
    taskIds: number[],
    fields: readonly string[],
  ): Promise<Map<number, Record<string, unknown>>> {
    if (taskIds.length === 0) return new Map();
    const rows = await this.tasks.find({
      select: { id: true, data: true },
      where: { id: In(taskIds) },
    });
    return new Map(
      rows.map((task) => [
        task.id,
        Object.fromEntries(fields.map((field) => [field, shortened(task.data?.[field])])),
      ]),
    );
  }
}

/**
 * A result's labels, comparable between a prediction and an annotation: each choice, and each
 * span as `label [start-end]`, sorted.
 */
export function labelsOf(result: unknown): string[] {
  const labels: string[] = [];
  for (const item of Array.isArray(result) ? result : []) {
    const value = (item as { value?: Record<string, unknown> } | null)?.value ?? {};
    const span =
      typeof value.start === 'number' && typeof value.end === 'number'
        ? ` [${value.start}-${value.end}]`
        : '';
    for (const key of ['choices', 'labels']) {
      const names = value[key];
      if (Array.isArray(names)) for (const name of names) labels.push(`${String(name)}${span}`);
    }
  }
  return labels.sort();
}

function shortened(value: unknown): unknown {
  return typeof value === 'string' && value.length > MAX_FIELD_CHARS
    ? `${value.slice(0, MAX_FIELD_CHARS)}…`
    : value;
}
