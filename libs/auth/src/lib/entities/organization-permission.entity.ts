import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, JsonColumn, UpdatedAtColumn } from '@ls/core';

/** An organization's own list of roles for one configurable permission (replaces its default). */
@Entity('organization_permission')
@Index(['organization_id', 'permission'], { unique: true })
export class OrganizationPermission {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  organization_id!: number;

  @Column({ type: 'varchar', length: 255 })
  permission!: string;

  @JsonColumn()
  roles!: string[];

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;
}
