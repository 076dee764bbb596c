import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Project } from '@ls/projects';
import { Prompt } from './prompt.entity';

/** A project a prompt labels (`associated_projects`); goes with either side. */
@Entity('model_interface_associated_project')
export class PromptProject {
  @PrimaryColumn({ type: 'integer' })
  model_interface_id!: number;

  @ManyToOne(() => Prompt, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'model_interface_id' })
  prompt?: Prompt;

  @Index()
  @PrimaryColumn({ type: 'integer' })
  project_id!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;
}
