import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@ls/auth';
import { CreatedAtColumn, TimestampColumn, UpdatedAtColumn } from '@ls/core';
import { Project } from '../project.entity';

export const PAUSE_REASONS = [
  'MANUAL',
  'BEHAVIOR_BASED',
  'ANNOTATOR_EVALUATION',
  'ANNOTATION_LIMIT',
  'CUSTOM_SCRIPT',
] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

/**
 * A user blocked in one project while the row is not deleted. Deleting (unpausing) only sets
 * `deleted_at`/`deleted_by`, so the history of pauses stays readable.
 */
@Entity('pause')
@Index(['project_id', 'user_id'])
export class Pause {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  project_id!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'integer' })
  user_id!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'integer', nullable: true })
  paused_by_id!: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'paused_by_id' })
  paused_by?: User | null;

  @Column({ type: 'varchar', length: 32 })
  reason!: PauseReason;

  @Column({ type: 'text', nullable: true })
  verbose_reason!: string | null;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;

  @TimestampColumn({ nullable: true })
  deleted_at!: Date | null;

  @Column({ type: 'integer', nullable: true })
  deleted_by_id!: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'deleted_by_id' })
  deleted_by?: User | null;
}
