import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@ls/auth';
import { CreatedAtColumn, TimestampColumn } from '@ls/core';
import { Task } from '@ls/tasks';

/**
 * A task held by an annotator of the labeling stream until `expire_at` (Label Studio's
 * `TaskLock`): while it lives, the task counts one more annotator against its overlap for others.
 */
@Entity('task_lock')
@Index('IDX_task_lock_task_user', ['task_id', 'user_id'], { unique: true })
@Index('IDX_task_lock_task_expire', ['task_id', 'expire_at'])
export class TaskLock {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'PK_task_lock' })
  id!: number;

  @Column({ type: 'integer' })
  task_id!: number;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_task_lock_task' })
  task?: Task;

  @Column({ type: 'integer' })
  user_id!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_task_lock_user' })
  user?: User;

  @TimestampColumn()
  expire_at!: Date;

  @CreatedAtColumn()
  created_at!: Date;
}
