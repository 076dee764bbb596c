import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '@ls/auth';
import { CreatedAtColumn, JsonColumn, TimestampColumn, UpdatedAtColumn } from '@ls/core';
import { Project } from '@ls/projects';
import type { ExportOptions } from '../tasks/export-options';
import { ConvertedFormat } from './converted-format.entity';

export const EXPORT_STATUSES = ['created', 'in_progress', 'completed', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

export interface ExportCounters {
  task_number?: number;
  annotation_number?: number;
  prediction_number?: number;
}

/** A snapshot of a project's tasks as the JSON export, written by a job (`POST .../exports/`). */
@Entity('export_snapshot')
@Index(['project_id', 'created_at'])
export class ExportSnapshot {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  project_id!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'varchar', length: 2048, default: '' })
  title!: string;

  @Column({ type: 'integer', nullable: true })
  created_by_id!: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  created_by?: User | null;

  @Column({ type: 'varchar', length: 16, default: 'created' })
  status!: ExportStatus;

  @Column({ type: 'varchar', length: 128, default: '' })
  md5!: string;

  @JsonColumn()
  counters!: ExportCounters;

  /** What the export selects and how it writes it. */
  @JsonColumn()
  options!: ExportOptions;

  /** The JSON file, relative to `DATA_DIR`; null until completed. */
  @Column({ type: 'varchar', length: 1024, nullable: true })
  file!: string | null;

  /** Why it failed (logged in full; this is the message). */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;

  @TimestampColumn({ nullable: true })
  finished_at!: Date | null;

  @OneToMany(() => ConvertedFormat, (converted) => converted.export)
  converted_formats?: ConvertedFormat[];
}
