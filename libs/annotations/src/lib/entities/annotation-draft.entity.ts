import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, JsonColumn, UpdatedAtColumn } from '@ls/core';
import { Task } from '@ls/tasks';
import { Annotation } from './annotation.entity';

/** Work in progress of one user on a task (or on one of its annotations). */
@Entity('annotation_draft')
@Index(['task_id', 'user_id'])
@Index('IDX_annotation_draft_annotation', ['annotation_id'])
export class AnnotationDraft {
  @PrimaryGeneratedColumn()
  id!: number;

  @JsonColumn()
  result!: unknown[];

  @Column({ type: 'double precision', nullable: true })
  lead_time!: number | null;

  @Column({ type: 'integer' })
  task_id!: number;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: Task;

  @Column({ type: 'integer', nullable: true })
  annotation_id!: number | null;

  @ManyToOne(() => Annotation, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'annotation_id' })
  annotation?: Annotation | null;

  @Column({ type: 'integer' })
  user_id!: number;

  @Column({ type: 'boolean', default: false })
  was_postponed!: boolean;

  @Column({ type: 'bigint', nullable: true })
  import_id!: string | null;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;
}
