import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, TimestampColumn, UpdatedAtColumn } from '@ls/core';
import { CloudStorage } from './cloud-storage.entity';

/**
 * An annotation written to an export storage, with the annotation's `updated_at` that was
 * written: a sync writes only annotations whose time differs. No foreign key to the annotation:
 * the link outlives it, so the object can be deleted (`can_delete_objects`) after it is gone.
 */
@Entity('io_storage_export_link')
@Index(['storage_id', 'annotation_id'], { unique: true })
export class StorageExportLink {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  storage_id!: number;

  @ManyToOne(() => CloudStorage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'storage_id' })
  storage?: CloudStorage;

  @Column({ type: 'integer' })
  annotation_id!: number;

  @Column({ type: 'varchar', length: 2048 })
  key!: string;

  /** The annotation's `updated_at` when it was written. */
  @TimestampColumn()
  annotation_updated_at!: Date;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;
}
