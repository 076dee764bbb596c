import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '@ls/core';

/** Minutes: 14 days of session age, 5 days without activity (Label Studio's defaults). */
export const DEFAULT_MAX_SESSION_AGE_MINUTES = 14 * 24 * 60;
export const DEFAULT_MAX_TIME_BETWEEN_ACTIVITY_MINUTES = 5 * 24 * 60;

@Entity('session_timeout_policy')
export class SessionPolicy {
  @PrimaryColumn({ type: 'integer' })
  organization_id!: number;

  @Column({ type: 'integer', default: DEFAULT_MAX_SESSION_AGE_MINUTES })
  max_session_age!: number;

  @Column({ type: 'integer', default: DEFAULT_MAX_TIME_BETWEEN_ACTIVITY_MINUTES })
  max_time_between_activity!: number;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;
}
