import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization, User } from '@ls/auth';
import { CreatedAtColumn, TimestampColumn } from '@ls/core';
import { Project } from '@ls/projects';
import { PromptVersion } from '../prompts/prompt-version.entity';
import { Prompt } from '../prompts/prompt.entity';

export const PROJECT_SUBSETS = ['All', 'HasGT', 'Sample'] as const;
export type ProjectSubset = (typeof PROJECT_SUBSETS)[number];

export const MODEL_RUN_STATUSES = [
  'Pending',
  'InProgress',
  'Completed',
  'Failed',
  'Canceled',
] as const;
export type ModelRunStatus = (typeof MODEL_RUN_STATUSES)[number];

/** States a run never leaves. */
export const FINISHED_STATUSES: readonly ModelRunStatus[] = ['Completed', 'Failed', 'Canceled'];

/**
 * An inference run of a prompt version on a project (Label Studio's `ModelRun`): its per-task
 * outcomes are `model_run_task` rows; the counters here are kept in step with them.
 */
@Entity('model_run')
@Index(['version_id', 'id'])
@Index(['organization_id', 'id'])
export class ModelRun {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  organization_id!: number;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'integer' })
  prompt_id!: number;

  @ManyToOne(() => Prompt, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'prompt_id' })
  prompt?: Prompt;

  /** The contract's `parent_model`: the version whose template and model the run uses. */
  @Column({ type: 'integer' })
  version_id!: number;

  @ManyToOne(() => PromptVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: PromptVersion;

  @Index()
  @Column({ type: 'integer' })
  project_id!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'integer', nullable: true })
  created_by_id!: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by_id' })
  created_by?: User | null;

  @Column({ type: 'varchar', length: 16, default: 'All' })
  project_subset!: ProjectSubset;

  @Column({ type: 'varchar', length: 16, default: 'Pending' })
  status!: ModelRunStatus;

  /** The queue job executing the run, or the external job that pushes its results. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  job_id!: string | null;

  /** True when results come from outside (`/api/model-run/batch-*`), not from a job here. */
  @Column({ type: 'boolean', default: false })
  external!: boolean;

  @Column({ type: 'boolean', default: false })
  only_missing_predictions!: boolean;

  @Column({ type: 'integer', default: 0 })
  total_tasks!: number;

  @Column({ type: 'integer', default: 0 })
  total_predictions!: number;

  @Column({ type: 'integer', default: 0 })
  total_correct_predictions!: number;

  @Column({ type: 'integer', default: 0 })
  total_failed_predictions!: number;

  /** USD the provider calls of the run cost (tokens at `model-prices.ts`). */
  @Column({ type: 'double precision', default: 0 })
  total_cost_usd!: number;

  /** Why the run failed. */
  @Column({ type: 'text', nullable: true })
  error_message!: string | null;

  @TimestampColumn({ nullable: true })
  triggered_at!: Date | null;

  @TimestampColumn({ nullable: true })
  completed_at!: Date | null;

  @TimestampColumn({ nullable: true })
  predictions_updated_at!: Date | null;

  @CreatedAtColumn()
  created_at!: Date;
}
