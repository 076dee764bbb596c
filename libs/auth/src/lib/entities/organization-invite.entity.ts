import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, TimestampColumn } from '@ls/core';
import { MemberRole } from './organization-member.entity';
import { Organization } from './organization.entity';

/**
 * An invitation of one email address into an organization. Nobody becomes a member by being
 * invited: the person accepts with the invitation's token (signed in, or by signing up).
 */
@Entity('organization_invite')
@Index(['organization_id', 'email'])
export class OrganizationInvite {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  organization_id!: number;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  /** Lower-cased, like `User.email`. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 2 })
  role!: MemberRole;

  /** SHA-256 of the invitation token, hex: the token itself is only in the invite link. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  token_hash!: string;

  @Column({ type: 'integer', nullable: true })
  invited_by_id!: number | null;

  @CreatedAtColumn()
  created_at!: Date;

  @TimestampColumn()
  expires_at!: Date;

  @TimestampColumn({ nullable: true })
  accepted_at!: Date | null;

  @TimestampColumn({ nullable: true })
  revoked_at!: Date | null;
}
