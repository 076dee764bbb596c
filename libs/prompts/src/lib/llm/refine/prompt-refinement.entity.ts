import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization, User } from '@ls/auth';
import { CreatedAtColumn, TimestampColumn, UpdatedAtColumn } from '@ls/core';
import { ModelProviderConnection } from '../connections/model-provider-connection.entity';
import { PromptVersion } from '../prompts/prompt-version.entity';

/** Where a refinement is: `refinement_status` in the contract (a free string there). */
export const REFINEMENT_STATUSES = ['Pending', 'Running', 'Completed', 'Failed'] as const;
export type RefinementStatus = (typeof REFINEMENT_STATUSES)[number];

/**
 * One "Enhance prompt" request: a teacher model rewriting a version from its mistakes. The row
 * holds the state of the work, so whichever API replica is asked about `job_id` answers from it.
 */
@Entity('prompt_refinement')
@Index(['organization_id', 'version_id'])
export class PromptRefinement {
  @PrimaryGeneratedColumn()
  id!: number;

  /** The `refinement_job_id` callers poll with (and the id of its job when asynchronous). */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  job_id!: string;

  @Column({ type: 'integer' })
  organization_id!: number;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'integer' })
  prompt_id!: number;

  /** The version refined; its refinements go with it. */
  @Column({ type: 'integer' })
  version_id!: number;

  @ManyToOne(() => PromptVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: PromptVersion;

  /** The version the refinement created, once it has. */
  @Column({ type: 'integer', nullable: true })
  refined_version_id!: number | null;

  @ManyToOne(() => PromptVersion, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'refined_version_id' })
  refined_version?: PromptVersion | null;

  /** The project whose ground truth the mistakes come from. */
  @Column({ type: 'integer' })
  project_id!: number;

  @Column({ type: 'integer', nullable: true })
  teacher_connection_id!: number | null;

  @ManyToOne(() => ModelProviderConnection, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'teacher_connection_id' })
  teacher_connection?: ModelProviderConnection | null;

  @Column({ type: 'varchar', length: 255 })
  teacher_model_name!: string;

  @Column({ type: 'integer', nullable: true })
  created_by_id!: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by_id' })
  created_by?: User | null;

  @Column({ type: 'varchar', length: 16 })
  status!: RefinementStatus;

  /** The new version's title and template, and the teacher's reasoning, once completed. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  title!: string | null;

  @Column({ type: 'text', nullable: true })
  prompt!: string | null;

  @Column({ type: 'text', nullable: true })
  reasoning!: string | null;

  /** Why it failed, fit to show the user. */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** USD spent on the teacher's calls; null when its model has no known price. */
  @Column({ type: 'double precision', nullable: true })
  total_cost!: number | null;

  @TimestampColumn({ nullable: true })
  completed_at!: Date | null;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;
}
