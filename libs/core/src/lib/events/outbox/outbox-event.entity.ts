import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, JsonColumn, TimestampColumn } from '../../database/dialect-columns';

/**
 * A domain event written in the transaction of the change that caused it, kept until every
 * durable listener has handled it (see {@link OutboxRelay}).
 */
@Entity('outbox_event')
@Index('outbox_event_available_idx', ['available_at', 'id'])
export class OutboxEvent {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @JsonColumn()
  payload!: Record<string, unknown>;

  /** What listeners' attachers kept with the event, by attacher key (see {@link EventAttacher}). */
  @JsonColumn({ nullable: true })
  attachments!: Record<string, unknown> | null;

  @CreatedAtColumn()
  created_at!: Date;

  /** Not handed to the listeners before this time (a failed handling waits to be retried). */
  @TimestampColumn()
  available_at!: Date;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  last_error!: string | null;
}
