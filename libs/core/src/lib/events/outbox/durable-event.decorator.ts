import { SetMetadata } from '@nestjs/common';
import { DomainEvent, DomainEventClass } from '../domain-event';
import { Transaction } from '../../database/transaction-runner';

export const DURABLE_EVENT_METADATA = 'ls:durable-event';

/** One event read back from the outbox, with the id that orders it among all events. */
export interface RecordedEvent<E extends DomainEvent = DomainEvent> {
  id: number;
  event: E;
  recordedAt: Date;
}

/**
 * A durable listener: called by the outbox relay with a batch of recorded events of one class,
 * inside the transaction that removes them from the outbox. What it writes with `tx.manager`
 * commits together with that removal; what it does outside the database (enqueueing a job)
 * belongs in `tx.whenCommitted`. It may be called again with the same events after a crash,
 * so it must be idempotent.
 */
export type DurableEventHandler<E extends DomainEvent = DomainEvent> = (
  events: RecordedEvent<E>[],
  tx: Transaction,
) => Promise<void>;

/**
 * Subscribes a provider method to one domain event class through the outbox: events of that
 * class are then written in the transaction that publishes them, and handed to the method by a
 * process that runs jobs, at least once, even if the publishing process dies right after commit.
 */
export const OnDurableEvent = (event: DomainEventClass) =>
  SetMetadata(DURABLE_EVENT_METADATA, event);
