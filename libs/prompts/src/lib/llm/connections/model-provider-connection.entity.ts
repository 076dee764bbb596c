import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization, User } from '@ls/auth';
import { CreatedAtColumn, TimestampColumn, UpdatedAtColumn } from '@ls/core';

/** The contract's `ProviderEnum`. */
export const LLM_PROVIDERS = [
  'OpenAI',
  'AzureOpenAI',
  'AzureAIFoundry',
  'VertexAI',
  'Gemini',
  'Anthropic',
  'Custom',
] as const;
export type LlmProviderName = (typeof LLM_PROVIDERS)[number];

/** The contract's `ScopeEnum`: who may use a connection. */
export const CONNECTION_SCOPES = ['Organization', 'User', 'Model'] as const;
export type ConnectionScope = (typeof CONNECTION_SCOPES)[number];

/** The contract's `BudgetResetPeriodEnum`. */
export const BUDGET_RESET_PERIODS = ['Monthly', 'Yearly'] as const;
export type BudgetResetPeriod = (typeof BUDGET_RESET_PERIODS)[number];

/** The write-only credentials of a connection, kept together in one sealed column. */
export interface ConnectionSecrets {
  api_key?: string | null;
  auth_token?: string | null;
  google_application_credentials?: string | null;
}

/**
 * An organization's credentials for one LLM provider (Label Studio's `ModelProviderConnection`).
 * The secrets are sealed (`SecretBox`) as one JSON object and never returned. `prompt_id` binds a
 * `Model`-scoped connection to the prompt it belongs to.
 */
@Entity('model_provider_connection')
@Index(['organization_id', 'scope'])
export class ModelProviderConnection {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  organization_id!: number;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'integer', nullable: true })
  created_by_id!: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  created_by?: User | null;

  @Column({ type: 'varchar', length: 32 })
  provider!: LlmProviderName;

  @Column({ type: 'varchar', length: 16, default: 'Organization' })
  scope!: ConnectionScope;

  /** With scope `Model`: the prompt (model interface) the connection is bound to. */
  @Index()
  @Column({ type: 'integer', nullable: true })
  prompt_id!: number | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  deployment_name!: string | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  endpoint!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  google_project_id!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  google_location!: string | null;

  /** The provider's model ids, comma-separated, as listed when the credentials were checked. */
  @Column({ type: 'varchar', length: 4096, nullable: true })
  cached_available_models!: string | null;

  @Column({ type: 'boolean', default: false })
  is_internal!: boolean;

  /** `ConnectionSecrets` as JSON, sealed by `SecretBox`; null when none was given. */
  @Column({ type: 'text', nullable: true })
  secrets_sealed!: string | null;

  /** USD; null: unlimited. */
  @Column({ type: 'double precision', nullable: true })
  budget_limit!: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  budget_reset_period!: BudgetResetPeriod | null;

  /** USD spent in the current period; only ever changed by an atomic SQL increment or reset. */
  @Column({ type: 'double precision', default: 0 })
  budget_total_spent!: number;

  @TimestampColumn({ nullable: true })
  budget_last_reset_date!: Date | null;

  @Column({ type: 'double precision', nullable: true })
  budget_alert_threshold!: number | null;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;
}
