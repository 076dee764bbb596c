import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Prediction } from '@ls/annotations';
import { CreatedAtColumn } from '@ls/core';
import { Task } from '@ls/tasks';
import { ModelRun } from './model-run.entity';

/**
 * What a run did with one task: the prediction it stored or why it failed. One row per run and
 * task, written in the transaction of the prediction, so a resumed or re-delivered run skips the
 * tasks it did and never stores a prediction twice.
 */
@Entity('model_run_task')
@Index(['run_id', 'task_id'], { unique: true })
export class ModelRunTask {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  run_id!: number;

  @ManyToOne(() => ModelRun, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  run?: ModelRun;

  @Index()
  @Column({ type: 'integer' })
  task_id!: number;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: Task;

  /** Null when the task failed (or its prediction was deleted since). */
  @Column({ type: 'integer', nullable: true })
  prediction_id!: number | null;

  @ManyToOne(() => Prediction, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'prediction_id' })
  prediction?: Prediction | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** Agreement with the task's ground truth (HasGT runs), null when not compared. */
  @Column({ type: 'boolean', nullable: true })
  correct!: boolean | null;

  @Column({ type: 'double precision', default: 0 })
  cost_usd!: number;

  @CreatedAtColumn()
  created_at!: Date;
}
