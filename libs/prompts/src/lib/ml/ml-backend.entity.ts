import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, JsonColumn, UpdatedAtColumn } from '@ls/core';
import { Project } from '@ls/projects';

/** `CO` connected, `DI` disconnected, `ER` error, `TR` training, `PR` predicting. */
export const ML_BACKEND_STATES = ['CO', 'DI', 'ER', 'TR', 'PR'] as const;
export type MlBackendState = (typeof ML_BACKEND_STATES)[number];

export const READABLE_STATES: Record<MlBackendState, string> = {
  CO: 'Connected',
  DI: 'Disconnected',
  ER: 'Error',
  TR: 'Training',
  PR: 'Predicting',
};

export const AUTH_METHODS = ['NONE', 'BASIC_AUTH'] as const;
export type MlAuthMethod = (typeof AUTH_METHODS)[number];

/**
 * A model server connected to a project (Label Studio's `MLBackend`): where it is, how to reach
 * it, and what it last said. The basic auth password is sealed (`SecretBox`) and never returned.
 */
@Entity('ml_backend')
export class MlBackend {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index()
  @Column({ type: 'integer' })
  project_id!: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'text', nullable: true, default: 'default' })
  title!: string | null;

  @Column({ type: 'text', nullable: true, default: '' })
  description!: string | null;

  @Column({ type: 'varchar', length: 2, default: 'DI' })
  state!: MlBackendState;

  @Column({ type: 'text', nullable: true })
  error_message!: string | null;

  @Column({ type: 'boolean', default: false })
  is_interactive!: boolean;

  @Column({ type: 'text', nullable: true, default: '' })
  model_version!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'NONE' })
  auth_method!: MlAuthMethod;

  @Column({ type: 'text', nullable: true })
  basic_auth_user!: string | null;

  /** The password sealed by `SecretBox`; null when none was given. */
  @Column({ type: 'text', nullable: true })
  basic_auth_pass_sealed!: string | null;

  /** Forwarded to the model server's `/setup` as `extra_params`. */
  @JsonColumn({ nullable: true })
  extra_params!: unknown;

  /** Seconds a `/predict` call may take. */
  @Column({ type: 'double precision', default: 100 })
  timeout!: number;

  /** Take the model version the server reports on `/setup`. */
  @Column({ type: 'boolean', default: true })
  auto_update!: boolean;

  /** The queue job predicting the project's tasks while the state is `PR`. */
  @Column({ type: 'varchar', length: 128, nullable: true })
  predict_job!: string | null;

  /** Annotations created or updated since training was last started (the training trigger). */
  @Column({ type: 'integer', default: 0 })
  annotations_since_training!: number;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;
}
