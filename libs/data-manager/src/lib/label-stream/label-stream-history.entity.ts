import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Annotation } from '@ls/annotations';
import { User } from '@ls/auth';
import { CreatedAtColumn } from '@ls/core';
import { Task } from '@ls/tasks';

/**
 * A task the label stream handed to a user (Label Studio's `LabelStreamHistory`, one row per
 * task rather than a JSON list), and the annotation the user then made of it. Deleting the task
 * (or the project, through its tasks) deletes the row; deleting the annotation empties `annotation_id`, as Label Studio's reading of
 * its list does.
 */
@Entity('label_stream_history')
@Index('IDX_label_stream_history_task_user', ['task_id', 'user_id'], { unique: true })
@Index('IDX_label_stream_history_user_project', ['user_id', 'project_id', 'id'])
@Index('IDX_label_stream_history_annotation', ['annotation_id'])
export class LabelStreamHistory {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'PK_label_stream_history' })
  id!: number;

  @Column({ type: 'integer' })
  user_id!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_label_stream_history_user' })
  user?: User;

  /** The task's project (a task never moves), kept to read one project's history by index. */
  @Column({ type: 'integer' })
  project_id!: number;

  @Column({ type: 'integer' })
  task_id!: number;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_label_stream_history_task' })
  task?: Task;

  @Column({ type: 'integer', nullable: true })
  annotation_id!: number | null;

  @ManyToOne(() => Annotation, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({
    name: 'annotation_id',
    foreignKeyConstraintName: 'FK_label_stream_history_annotation',
  })
  annotation?: Annotation | null;

  @CreatedAtColumn()
  created_at!: Date;
}
