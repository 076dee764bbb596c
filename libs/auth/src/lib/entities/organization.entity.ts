import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '@ls/core';

@Entity('organization')
export class Organization {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 1000 })
  title!: string;

  /** Secret part of the invite link; reset by `POST /api/invite/reset-token`. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 256 })
  token!: string;

  @Column({ type: 'integer', nullable: true })
  created_by_id!: number | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  contact_info!: string | null;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;
}
