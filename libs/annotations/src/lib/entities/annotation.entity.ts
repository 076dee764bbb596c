import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@ls/auth';
import { CreatedAtColumn, JsonColumn, TimestampColumn, UpdatedAtColumn } from '@ls/core';
import { Project } from '@ls/projects';
import { Task } from '@ls/tasks';

export const LAST_ACTIONS = [
  'prediction',
  'propagated_annotation',
  'imported',
  'submitted',
  'updated',
  'skipped',
  'accepted',
  'rejected',
  'fixed_and_accepted',
  'deleted_review',
] as const;
export type LastAction = (typeof LAST_ACTIONS)[number];

@Entity('annotation')
@Index(['task_id', 'completed_by_id'])
@Index(['project_id', 'was_cancelled', 'ground_truth'])
// Unique within a project: a caller never learns of another organization's ids.
@Index(['project_id', 'unique_id'], { unique: true })
export class Annotation {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Regions and labels; null only for rows imported that way. */
  @JsonColumn({ nullable: true })
  result!: unknown[] | null;

  @Column({ type: 'integer' })
  task_id!: number;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: Task;

  @Column({ type: 'integer' })
  project_id!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'integer', nullable: true })
  completed_by_id!: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'completed_by_id' })
  completed_by?: User | null;

  @Column({ type: 'integer', nullable: true })
  updated_by_id!: number | null;

  @Column({ type: 'boolean', default: false })
  was_cancelled!: boolean;

  @Column({ type: 'boolean', default: false })
  ground_truth!: boolean;

  @Column({ type: 'double precision', nullable: true })
  lead_time!: number | null;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;

  @TimestampColumn({ nullable: true })
  draft_created_at!: Date | null;

  @Column({ type: 'integer', nullable: true })
  parent_prediction_id!: number | null;

  @Column({ type: 'integer', nullable: true })
  parent_annotation_id!: number | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  last_action!: LastAction | null;

  @Column({ type: 'integer', nullable: true })
  last_created_by_id!: number | null;

  @Column({ type: 'bigint', nullable: true })
  import_id!: string | null;

  @Column({ type: 'boolean', nullable: true, default: false })
  bulk_created!: boolean | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  unique_id!: string | null;
}
