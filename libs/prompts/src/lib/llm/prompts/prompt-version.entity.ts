import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization, User } from '@ls/auth';
import { CreatedAtColumn, UpdatedAtColumn } from '@ls/core';
import {
  LlmProviderName,
  ModelProviderConnection,
} from '../connections/model-provider-connection.entity';
import { Prompt } from './prompt.entity';

/**
 * A version of a prompt (Label Studio's `ThirdPartyModelVersion`): the template text and the
 * model that answers it. Its title is the `model_version` of the predictions its runs write, so
 * it is unique within the prompt.
 */
@Entity('third_party_model_version')
@Index(['parent_model_id', 'title'], { unique: true })
@Index(['organization_id', 'id'])
export class PromptVersion {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  parent_model_id!: number;

  @ManyToOne(() => Prompt, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_model_id' })
  parent_model?: Prompt;

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

  /** The template: `{field}` placeholders among the prompt's `input_fields`. */
  @Column({ type: 'text' })
  prompt!: string;

  @Column({ type: 'varchar', length: 32, default: 'OpenAI' })
  provider!: LlmProviderName;

  @Column({ type: 'varchar', length: 255 })
  provider_model_id!: string;

  @Index()
  @Column({ type: 'integer', nullable: true })
  model_provider_connection_id!: number | null;

  /** Deleting the connection keeps the version, without one (its runs fail until reassigned). */
  @ManyToOne(() => ModelProviderConnection, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'model_provider_connection_id' })
  model_provider_connection?: ModelProviderConnection | null;

  /** Accuracy of the newest run on ground truth tasks; null before one. Written by runs. */
  @Column({ type: 'double precision', nullable: true })
  score!: number | null;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;
}
