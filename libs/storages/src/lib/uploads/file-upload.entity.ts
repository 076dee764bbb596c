import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '@ls/core';
import { User } from '@ls/auth';
import { Project } from '@ls/projects';

/** A file uploaded into a project; the file itself lives under `DATA_DIR/<file>`. */
@Entity('file_upload')
@Index(['project_id', 'user_id'])
export class FileUpload {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  project_id!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'integer', nullable: true })
  user_id!: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user?: User | null;

  /** Relative to DATA_DIR and to `/data/`: `upload/<project id>/<8 hex>-<sanitized name>`. */
  @Column({ type: 'varchar', length: 1024, unique: true })
  file!: string;

  @Column({ type: 'integer' })
  size!: number;

  @CreatedAtColumn()
  created_at!: Date;
}
