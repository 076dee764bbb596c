import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '@ls/core';
import type { ExportSnapshot, ExportStatus } from './export-snapshot.entity';

/** A snapshot converted to another format by a job (`POST .../exports/{pk}/convert`). */
@Entity('export_converted_format')
@Index(['export_id', 'export_type'], { unique: true })
export class ConvertedFormat {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  export_id!: number;

  @ManyToOne('ExportSnapshot', 'converted_formats', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'export_id' })
  export?: ExportSnapshot;

  @Column({ type: 'varchar', length: 64 })
  export_type!: string;

  @Column({ type: 'varchar', length: 16, default: 'created' })
  status!: ExportStatus;

  @Column({ type: 'boolean', default: false })
  download_resources!: boolean;

  /** The converted file, relative to `DATA_DIR`; null until completed. */
  @Column({ type: 'varchar', length: 1024, nullable: true })
  file!: string | null;

  @Column({ type: 'text', nullable: true })
  traceback!: string | null;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;
}
