import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, JsonColumn, UpdatedAtColumn } from '@ls/core';

/** A label of the organization's label library, linked to projects' controls by `LabelLink`. */
@Entity('label')
@Index(['organization_id', 'title'])
export class Label {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  organization_id!: number;

  @Column({ type: 'integer' })
  created_by_id!: number;

  @Column({ type: 'varchar', length: 2048 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @JsonColumn()
  value!: unknown;

  @Column({ type: 'boolean', default: false })
  approved!: boolean;

  @Column({ type: 'integer', nullable: true })
  approved_by_id!: number | null;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;
}
