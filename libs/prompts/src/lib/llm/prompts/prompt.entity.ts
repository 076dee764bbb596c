import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization, User } from '@ls/auth';
import { CreatedAtColumn, JsonColumn, UpdatedAtColumn } from '@ls/core';
import type { SkillName } from './prompt-skills';

/**
 * A prompt (Label Studio's `ModelInterface`): what an LLM is asked to label, for which skill,
 * from which task data fields and into which classes. Its versions hold the template text.
 */
@Entity('model_interface')
@Index(['organization_id', 'id'])
export class Prompt {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  organization_id!: number;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'integer', nullable: true })
  created_by_id!: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by_id' })
  created_by?: User | null;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 32, default: 'TextClassification' })
  skill_name!: SkillName;

  /** Task data keys the templates may name as `{field}`. */
  @JsonColumn()
  input_fields!: string[];

  /** The labels an answer may give. */
  @JsonColumn()
  output_classes!: string[];

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;
}
