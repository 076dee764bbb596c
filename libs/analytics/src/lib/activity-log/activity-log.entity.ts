import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { JsonColumn, TimestampColumn } from '@ls/core';

/**
 * One write request of a member, as it was answered. No foreign keys: an entry outlives the user,
 * project or organization it names, and a batch insert never fails on one that is gone.
 */
@Entity('activity_log')
@Index('activity_log_organization_datetime_idx', ['organization_id', 'datetime'])
@Index('activity_log_user_idx', ['user_id'])
@Index('activity_log_project_idx', ['project_id'])
// The retention sweep finds expired entries across organizations by this one.
@Index('activity_log_datetime_idx', ['datetime'])
export class ActivityLog {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  user_id!: number;

  @Column({ type: 'varchar', length: 256 })
  email!: string;

  @Column({ type: 'integer' })
  organization_id!: number;

  @Column({ type: 'varchar', length: 10 })
  request_method!: string;

  /** Path and query string, cut to 256 characters. */
  @Column({ type: 'varchar', length: 256 })
  request_url!: string;

  @Column({ type: 'varchar', length: 3 })
  response_code!: string;

  /** When the request arrived. */
  @TimestampColumn()
  datetime!: Date;

  /** Milliseconds from the request's arrival to its answer. */
  @Column({ type: 'integer', nullable: true })
  duration!: number | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip_address!: string | null;

  @Column({ type: 'varchar', length: 1024, default: '' })
  user_agent!: string;

  @Column({ type: 'varchar', length: 1024, default: '' })
  http_referer!: string;

  @Column({ type: 'integer', nullable: true })
  project_id!: number | null;

  /** Workspaces are not served yet: always null. */
  @Column({ type: 'integer', nullable: true })
  workspace_owner_id!: number | null;

  /** Request bodies are never recorded: always null. */
  @JsonColumn({ nullable: true })
  extra_data!: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  user_session!: string | null;
}
