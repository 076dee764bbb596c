import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Project } from '@ls/projects';
import { Label } from './label.entity';

/** Puts a library label under one control (`from_name`) of a project. */
@Entity('label_link')
@Index(['project_id', 'label_id'], { unique: true })
export class LabelLink {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  project_id!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'integer' })
  label_id!: number;

  @ManyToOne(() => Label, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'label_id' })
  label?: Label;

  @Column({ type: 'varchar', length: 2048 })
  from_name!: string;
}
