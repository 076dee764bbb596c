import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, TimestampColumn, UpdatedAtColumn } from '@ls/core';
import { Organization } from './organization.entity';
import { User } from './user.entity';

/** Label Studio's member roles. The Community edition gives every active member full rights. */
export const MEMBER_ROLES = ['OW', 'AD', 'MA', 'RE', 'AN', 'DI', 'NO'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

@Entity('organization_member')
@Index(['user_id', 'organization_id'], { unique: true })
export class OrganizationMember {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  user_id!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Index()
  @Column({ type: 'integer' })
  organization_id!: number;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 2, default: 'AN' })
  role!: MemberRole;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;

  /** Set when the member is removed; the row stays so history keeps its author. */
  @TimestampColumn({ nullable: true })
  deleted_at!: Date | null;
}
