import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, JsonColumn, TimestampColumn, UpdatedAtColumn } from '@ls/core';
import { MemberRole } from './organization-member.entity';

/** Role of people joining through the shared invite link when the organization sets none. */
export const DEFAULT_JOIN_ROLE: MemberRole = 'AN';

/**
 * Organization-wide switches (`/api/organizations/{id}/set-default-role`). The `*_enabled_at` and
 * `*_disabled_at` timestamps work as booleans: set means on. No row: every default.
 */
@Entity('organization_settings')
export class OrganizationSettings {
  @PrimaryColumn({ type: 'integer' })
  organization_id!: number;

  @Column({ type: 'varchar', length: 2, default: DEFAULT_JOIN_ROLE })
  default_role!: MemberRole;

  @TimestampColumn({ nullable: true })
  annotator_reviewer_firewall_enabled_at!: Date | null;

  @TimestampColumn({ nullable: true })
  label_stream_navigation_disabled_at!: Date | null;

  @TimestampColumn({ nullable: true })
  read_only_quick_view_enabled_at!: Date | null;

  @TimestampColumn({ nullable: true })
  custom_scripts_enabled_at!: Date | null;

  @JsonColumn({ nullable: true })
  email_notification_settings!: unknown;

  @JsonColumn({ nullable: true })
  embed_domains!: unknown;

  @JsonColumn({ nullable: true })
  embed_settings!: unknown;

  @Column({ type: 'varchar', length: 256, nullable: true })
  external_id!: string | null;

  @Column({ type: 'boolean', default: false })
  extra_data_on_activity_logs!: boolean;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;
}
