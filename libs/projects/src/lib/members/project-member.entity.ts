import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@ls/auth';
import { CreatedAtColumn } from '@ls/core';
import { Project } from '../project.entity';

/**
 * An explicit member of a project. Removing one deletes this row only: the user's annotations,
 * and any access through a workspace or an administrator role, stay.
 */
@Entity('project_member')
@Index(['project_id', 'user_id'], { unique: true })
export class ProjectMember {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  project_id!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Index()
  @Column({ type: 'integer' })
  user_id!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @CreatedAtColumn()
  created_at!: Date;
}
