import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '@ls/core';
import { Organization } from './organization.entity';
import { User } from './user.entity';

export const MEMBER_TAG_LABEL_MAX_LENGTH = 255;

/** A free-form label an organization puts on its members (a team, a language). */
@Entity('organization_member_tag')
@Index(['organization_id', 'label'], { unique: true })
export class OrganizationMemberTag {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  organization_id!: number;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'varchar', length: MEMBER_TAG_LABEL_MAX_LENGTH })
  label!: string;

  @Column({ type: 'integer', nullable: true })
  created_by_id!: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by_id' })
  created_by?: User | null;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;
}
