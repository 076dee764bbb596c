import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, JsonColumn, TimestampColumn, UpdatedAtColumn } from '@ls/core';
import { Project } from '@ls/projects';

export const IMPORT_STATUSES = ['created', 'in_progress', 'completed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One import into a project: what was asked, how it went, what it created. */
@Entity('project_import')
export class ProjectImport {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  project_id!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'varchar', length: 16, default: 'created' })
  status!: ImportStatus;

  @Column({ type: 'boolean', default: true })
  commit_to_project!: boolean;

  @Column({ type: 'boolean', default: false })
  return_task_ids!: boolean;

  @JsonColumn({ nullable: true })
  preannotated_from_fields!: string[] | null;

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'integer', default: 0 })
  task_count!: number;

  @Column({ type: 'integer', default: 0 })
  annotation_count!: number;

  @Column({ type: 'integer', default: 0 })
  prediction_count!: number;

  @Column({ type: 'integer', default: 0 })
  duration!: number;

  @JsonColumn()
  file_upload_ids!: number[];

  @Column({ type: 'boolean', default: false })
  could_be_tasks_list!: boolean;

  @JsonColumn()
  found_formats!: Record<string, number>;

  @JsonColumn()
  data_columns!: string[];

  @JsonColumn()
  task_ids!: number[];

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;

  @TimestampColumn({ nullable: true })
  finished_at!: Date | null;
}
