import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@ls/auth';
import { CreatedAtColumn } from '@ls/core';
import { Workspace } from './workspace.entity';

/** A user's membership of a workspace (and through it, of the workspace's projects). */
@Entity('workspace_member')
@Index(['workspace_id', 'user_id'], { unique: true })
export class WorkspaceMember {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  workspace_id!: number;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Workspace;

  @Index()
  @Column({ type: 'integer' })
  user_id!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @CreatedAtColumn()
  created_at!: Date;
}
