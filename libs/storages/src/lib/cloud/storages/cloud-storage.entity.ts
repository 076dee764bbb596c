import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, JsonColumn, TimestampColumn, UpdatedAtColumn } from '@ls/core';
import { Project } from '@ls/projects';

export const STORAGE_DIRECTIONS = ['import', 'export'] as const;
export type StorageDirection = (typeof STORAGE_DIRECTIONS)[number];

export const STORAGE_STATUSES = [
  'initialized',
  'queued',
  'in_progress',
  'failed',
  'completed',
  'completed_with_errors',
] as const;
export type StorageStatus = (typeof STORAGE_STATUSES)[number];

/** What Label Studio keeps in `meta`: the sync's timings and counts, and import errors. */
export interface StorageMeta {
  attempts?: number;
  time_queued?: string;
  time_in_progress?: string;
  time_last_ping?: string;
  time_completed?: string;
  time_failure?: string;
  duration?: number;
  tasks_existed?: number;
  total_annotations?: number;
  /** Tasks (import) or annotations (export) done so far by the running sync. */
  progress_count?: number;
  /** Objects and tasks the last import sync could not use, with why (the first hundred). */
  errors?: string[];
  failed_objects?: number;
}

/**
 * Where a listing stopped being new: objects changed at or before `modifiedAt` were all seen by
 * a finished sync with these `settings` (a hash), so a re-sync reads only what is newer.
 */
export interface SyncMarker {
  modifiedAt: string;
  settings: string;
}

/**
 * A cloud or local storage of a project, import (a source of tasks) or export (a target for
 * annotations), of any provider type. The provider's settings are one JSON object; its secrets
 * are sealed (`SecretBox`) and never returned.
 */
@Entity('io_storage')
@Index(['project_id', 'direction', 'type'])
export class CloudStorage {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  project_id!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'varchar', length: 8 })
  direction!: StorageDirection;

  /** Provider type as the routes name it: `s3`, `s3s`, `redis`, `localfiles`, ... */
  @Column({ type: 'varchar', length: 32 })
  type!: string;

  @Column({ type: 'varchar', length: 256, nullable: true })
  title!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** Provider and sync settings (`bucket`, `prefix`, `regex_filter`, `use_blob_urls`, ...). */
  @JsonColumn()
  settings!: Record<string, unknown>;

  /** The provider's secret fields as sealed JSON; null when none was given. */
  @Column({ type: 'text', nullable: true })
  sealed_secrets!: string | null;

  @Column({ type: 'boolean', default: true })
  synchronizable!: boolean;

  @Column({ type: 'varchar', length: 32, default: 'initialized' })
  status!: StorageStatus;

  @TimestampColumn({ nullable: true })
  last_sync!: Date | null;

  @Column({ type: 'integer', nullable: true })
  last_sync_count!: number | null;

  @Column({ type: 'varchar', length: 256, nullable: true })
  last_sync_job!: string | null;

  @Column({ type: 'text', nullable: true })
  traceback!: string | null;

  @JsonColumn()
  meta!: StorageMeta;

  @JsonColumn({ nullable: true })
  sync_marker!: SyncMarker | null;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;
}
