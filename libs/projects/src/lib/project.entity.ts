import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization, User } from '@ls/auth';
import { CreatedAtColumn, JsonColumn, TimestampColumn, UpdatedAtColumn } from '@ls/core';
import type { ControlWeight, ParsedLabelConfig } from './label-config/parsed-label-config';
import type { ProjectSettings } from './project-settings';
import { Workspace } from './workspaces/workspace.entity';

export const SAMPLING_MODES = [
  'Sequential sampling',
  'Uniform sampling',
  'Uncertainty sampling',
] as const;
export type SamplingMode = (typeof SAMPLING_MODES)[number];

export const SKIP_QUEUE_MODES = ['REQUEUE_FOR_ME', 'REQUEUE_FOR_OTHERS', 'IGNORE_SKIPPED'] as const;
export type SkipQueueMode = (typeof SKIP_QUEUE_MODES)[number];

export const DEFAULT_LABEL_CONFIG = '<View></View>';

@Entity('project')
@Index(['organization_id', 'id'])
export class Project {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  organization_id!: number;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  /** The workspace the project is in; null: in none. */
  @Index()
  @Column({ type: 'integer', nullable: true })
  workspace_id!: number | null;

  @ManyToOne(() => Workspace, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Workspace | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  title!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text', default: DEFAULT_LABEL_CONFIG })
  label_config!: string;

  @JsonColumn()
  parsed_label_config!: ParsedLabelConfig;

  @JsonColumn()
  data_types!: Record<string, string>;

  @Column({ type: 'boolean', default: true })
  config_suitable_for_bulk_annotation!: boolean;

  @JsonColumn({ nullable: true })
  control_weights!: Record<string, ControlWeight> | null;

  @Column({ type: 'text', nullable: true })
  expert_instruction!: string | null;

  @Column({ type: 'boolean', default: false })
  show_instruction!: boolean;

  @Column({ type: 'boolean', default: true })
  show_skip_button!: boolean;

  @Column({ type: 'boolean', default: true })
  enable_empty_annotation!: boolean;

  @Column({ type: 'boolean', default: false })
  show_annotation_history!: boolean;

  @Column({ type: 'varchar', length: 16, nullable: true, default: '#FFFFFF' })
  color!: string | null;

  /** Overlap: how many annotations a task needs to be finished. */
  @Column({ type: 'integer', default: 1 })
  maximum_annotations!: number;

  @Column({ type: 'boolean', default: false })
  is_published!: boolean;

  @Column({ type: 'text', nullable: true, default: '' })
  model_version!: string | null;

  @Column({ type: 'boolean', default: false })
  is_draft!: boolean;

  @Column({ type: 'integer', nullable: true })
  created_by_id!: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by_id' })
  created_by?: User | null;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;

  @Column({ type: 'integer', default: 0 })
  min_annotations_to_start_training!: number;

  @Column({ type: 'boolean', default: false })
  start_training_on_annotation_update!: boolean;

  @Column({ type: 'boolean', default: true })
  show_collab_predictions!: boolean;

  @Column({ type: 'varchar', length: 32, nullable: true, default: 'Sequential sampling' })
  sampling!: SamplingMode | null;

  @Column({ type: 'boolean', default: false })
  show_ground_truth_first!: boolean;

  @Column({ type: 'boolean', default: false })
  show_overlap_first!: boolean;

  @Column({ type: 'integer', default: 100 })
  overlap_cohort_percentage!: number;

  @Column({ type: 'varchar', length: 256, nullable: true })
  task_data_login!: string | null;

  /** Never returned. */
  @Column({ type: 'varchar', length: 256, nullable: true, select: false })
  task_data_password!: string | null;

  @Column({ type: 'boolean', default: false })
  evaluate_predictions_automatically!: boolean;

  @Column({ type: 'varchar', length: 32, nullable: true, default: 'REQUEUE_FOR_OTHERS' })
  skip_queue!: SkipQueueMode | null;

  @Column({ type: 'boolean', default: false })
  reveal_preannotations_interactively!: boolean;

  @TimestampColumn({ nullable: true })
  pinned_at!: Date | null;

  /** The contract's Enterprise project settings, stored and returned as given (see ProjectSettings). */
  @JsonColumn()
  settings!: ProjectSettings;
}
