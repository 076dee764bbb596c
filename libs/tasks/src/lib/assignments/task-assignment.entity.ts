import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@ls/auth';
import { CreatedAtColumn } from '@ls/core';
import { Task } from '../task.entity';

export const ASSIGNMENT_TYPES = ['AN', 'RE'] as const;
export type AssignmentType = (typeof ASSIGNMENT_TYPES)[number];

/** A user assigned to annotate (AN) or review (RE) a task. */
@Entity('task_assignment')
@Index(['task_id', 'assignee_id', 'type'], { unique: true })
export class TaskAssignment {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  task_id!: number;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: Task;

  @Column({ type: 'integer' })
  assignee_id!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: User;

  @Column({ type: 'varchar', length: 2, default: 'AN' })
  type!: AssignmentType;

  @CreatedAtColumn()
  created_at!: Date;
}
