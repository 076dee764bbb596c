import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, JsonColumn, TimestampColumn } from '@ls/core';
import { Task } from '../task.entity';

/** Something the labeling interface reports about a task (loaded, region drawn, hotkey…). */
@Entity('task_event')
@Index(['task_id', 'event_time'])
export class TaskEvent {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  organization_id!: number;

  @Column({ type: 'integer' })
  project_id!: number;

  @Column({ type: 'integer' })
  task_id!: number;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: Task;

  @Column({ type: 'integer' })
  actor_id!: number;

  /** Plain ids: annotations, drafts and reviews live in higher libraries. */
  @Column({ type: 'integer', nullable: true })
  annotation_id!: number | null;

  @Column({ type: 'integer', nullable: true })
  annotation_draft_id!: number | null;

  @Column({ type: 'integer', nullable: true })
  review_id!: number | null;

  @Column({ type: 'varchar', length: 255 })
  event_key!: string;

  @TimestampColumn()
  event_time!: Date;

  @JsonColumn({ nullable: true })
  meta!: unknown;

  @CreatedAtColumn()
  created_at!: Date;
}
