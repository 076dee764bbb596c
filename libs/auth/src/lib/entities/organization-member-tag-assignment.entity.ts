import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '@ls/core';
import { OrganizationMemberTag } from './organization-member-tag.entity';
import { Organization } from './organization.entity';
import { User } from './user.entity';

/** A tag put on a user; `organization_id` repeats the tag's so member lists filter on one table. */
@Entity('organization_member_tag_assignment')
@Index(['tag_id', 'user_id'], { unique: true })
@Index(['organization_id', 'user_id'])
export class OrganizationMemberTagAssignment {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  tag_id!: number;

  @ManyToOne(() => OrganizationMemberTag, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tag_id' })
  tag?: OrganizationMemberTag;

  @Column({ type: 'integer' })
  user_id!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'integer' })
  organization_id!: number;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @CreatedAtColumn()
  created_at!: Date;
}
