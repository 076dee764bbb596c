import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from '@ls/auth';
import { CreatedAtColumn, JsonColumn, TimestampColumn, UpdatedAtColumn } from '@ls/core';
import { Project } from '@ls/projects';
import { WebhookActionName } from './webhook-actions';

/**
 * A URL that receives the organization's events: of one project, or of all its projects when
 * `project_id` is null. The signing secret is sealed (`SecretBox`) and shown only at creation.
 */
@Entity('webhook')
@Index(['organization_id', 'project_id'])
export class Webhook {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  organization_id!: number;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'integer', nullable: true })
  project_id!: number | null;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'varchar', length: 2048 })
  url!: string;

  @Column({ type: 'boolean', default: true })
  send_payload!: boolean;

  @Column({ type: 'boolean', default: true })
  send_for_all_actions!: boolean;

  @JsonColumn()
  headers!: Record<string, string>;

  @Column({ type: 'boolean', default: true })
  is_active!: boolean;

  /** The subscribed actions, used when `send_for_all_actions` is false. */
  @JsonColumn()
  actions!: WebhookActionName[];

  @Column({ type: 'text' })
  sealed_secret!: string;

  /** Failed tries in a row; reaching `WEBHOOK_MAX_CONSECUTIVE_FAILURES` deactivates it. */
  @Column({ type: 'integer', default: 0 })
  consecutive_failures!: number;

  /** While a deliverer holds the webhook's queue: one sender per webhook keeps the order. */
  @TimestampColumn({ nullable: true })
  delivering_until!: Date | null;

  @CreatedAtColumn()
  created_at!: Date;

  @UpdatedAtColumn()
  updated_at!: Date;
}
