import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, TimestampColumn } from '@ls/core';
import { Webhook } from '../subscriptions/webhook.entity';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One request to send to one webhook: the body is fixed when the event is handed over, so every
 * try sends the same bytes under the same delivery id (receivers deduplicate on it). Sent in
 * (`event_id`, `part`) order per webhook.
 */
@Entity('webhook_delivery')
@Index(['webhook_id', 'event_id', 'part'], { unique: true })
@Index('webhook_delivery_queue_idx', ['webhook_id', 'status', 'event_id', 'part'])
export class WebhookDelivery {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  webhook_id!: number;

  @ManyToOne(() => Webhook, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhook_id' })
  webhook?: Webhook;

  /** The outbox event it came from: orders the deliveries of a webhook. */
  @Column({ type: 'integer' })
  event_id!: number;

  /** Which request of an event split into batches (`WEBHOOK_BATCH_SIZE`), from 0. */
  @Column({ type: 'integer', default: 0 })
  part!: number;

  /** Sent as `X-Label-Studio-Delivery`. */
  @Column({ type: 'varchar', length: 36 })
  delivery_id!: string;

  @Column({ type: 'varchar', length: 32 })
  action!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @TimestampColumn()
  next_attempt_at!: Date;

  @Column({ type: 'integer', nullable: true })
  last_status_code!: number | null;

  @Column({ type: 'text', nullable: true })
  last_error!: string | null;

  @CreatedAtColumn()
  created_at!: Date;

  @TimestampColumn({ nullable: true })
  finished_at!: Date | null;
}
