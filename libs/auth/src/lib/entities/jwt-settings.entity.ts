import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '@ls/core';

/** The contract caps the lifetime of personal access tokens at 365 days; new organizations get the cap. */
export const DEFAULT_API_TOKEN_TTL_DAYS = 365;

@Entity('jwt_settings')
export class JwtSettings {
  @PrimaryColumn({ type: 'integer' })
  organization_id!: number;

  @Column({ type: 'boolean', default: true })
  api_tokens_enabled!: boolean;

  /**
   * Label Studio turns legacy tokens off for new organizations; we keep them on so that existing
   * SDK scripts and `LABEL_STUDIO_USER_TOKEN` work against a new server. Admins can switch them off.
   */
  @Column({ type: 'boolean', default: true })
  legacy_api_tokens_enabled!: boolean;

  @Column({ type: 'integer', default: DEFAULT_API_TOKEN_TTL_DAYS })
  api_token_ttl_days!: number;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;
}
