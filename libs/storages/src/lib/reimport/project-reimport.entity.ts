import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, JsonColumn, TimestampColumn, UpdatedAtColumn } from '@ls/core';
import { Project } from '@ls/projects';
import { ImportStatus } from '../import/project-import.entity';

/** Tasks of a project made again from files uploaded earlier. */
@Entity('project_reimport')
export class ProjectReimport {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  project_id!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'varchar', length: 16, default: 'created' })
  status!: ImportStatus;

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

  @Column({ type: 'boolean', default: true })
  files_as_tasks_list!: boolean;

  @JsonColumn()
  found_formats!: Record<string, number>;

  @JsonColumn()
  data_columns!: string[];

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;

  @TimestampColumn({ nullable: true })
  finished_at!: Date | null;
}
