import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@ls/auth';
import { CreatedAtColumn, JsonColumn, TimestampColumn, UpdatedAtColumn } from '@ls/core';
import { Project } from '@ls/projects';

@Entity('task')
@Index(['project_id', 'inner_id'], { unique: true })
@Index(['project_id', 'is_labeled'])
@Index('IDX_task_project_id_id', ['project_id', 'id'])
@Index('IDX_task_project_id_created_at', ['project_id', 'created_at'])
@Index('IDX_task_project_id_updated_at', ['project_id', 'updated_at'])
@Index('IDX_task_project_id_counters', ['project_id', 'total_annotations', 'total_predictions'])
// PostgreSQL only: a GIN index over `data` (see the TaskListIndexes migration).
@Index('IDX_task_data_path_ops', { synchronize: false })
export class Task {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  project_id!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  /** 1, 2, 3… within the project; never reused while the highest one exists. */
  @Column({ type: 'integer' })
  inner_id!: number;

  @JsonColumn()
  data!: Record<string, unknown>;

  @JsonColumn({ nullable: true })
  meta!: Record<string, unknown> | null;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;

  @Column({ type: 'integer', nullable: true })
  updated_by_id!: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'updated_by_id' })
  updated_by?: User | null;

  @Column({ type: 'boolean', default: false })
  is_labeled!: boolean;

  /** Completed annotations the task needs to be labeled. */
  @Column({ type: 'integer', default: 1 })
  overlap!: number;

  @Column({ type: 'integer', nullable: true })
  file_upload_id!: number | null;

  @Column({ type: 'text', nullable: true })
  storage_filename!: string | null;

  @Column({ type: 'boolean', default: true })
  allow_skip!: boolean;

  // Counters kept by the annotations library in the transaction of each write.
  @Column({ type: 'integer', default: 0 })
  total_annotations!: number;

  @Column({ type: 'integer', default: 0 })
  cancelled_annotations!: number;

  @Column({ type: 'integer', default: 0 })
  total_predictions!: number;

  @Column({ type: 'integer', default: 0 })
  comment_count!: number;

  @Column({ type: 'integer', default: 0 })
  unresolved_comment_count!: number;

  @TimestampColumn({ nullable: true })
  last_comment_updated_at!: Date | null;
}
