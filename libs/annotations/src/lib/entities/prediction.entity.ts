import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, JsonColumn, UpdatedAtColumn } from '@ls/core';
import { Project } from '@ls/projects';
import { Task } from '@ls/tasks';

@Entity('prediction')
@Index(['project_id', 'model_version'])
export class Prediction {
  @PrimaryGeneratedColumn()
  id!: number;

  @JsonColumn()
  result!: unknown[];

  @Column({ type: 'double precision', nullable: true })
  score!: number | null;

  @Column({ type: 'varchar', length: 255, default: '' })
  model_version!: string;

  @Index()
  @Column({ type: 'integer' })
  task_id!: number;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: Task;

  @Column({ type: 'integer' })
  project_id!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  /** ML backend or prompt version and its run: plain ids, those libraries come later. */
  @Column({ type: 'integer', nullable: true })
  model_id!: number | null;

  @Column({ type: 'integer', nullable: true })
  model_run_id!: number | null;

  @Column({ type: 'integer', nullable: true })
  cluster!: number | null;

  @JsonColumn({ nullable: true })
  neighbors!: unknown;

  @Column({ type: 'double precision', default: 0 })
  mislabeling!: number;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;
}
