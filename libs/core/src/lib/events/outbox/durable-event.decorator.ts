import { SetMetadata } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEvent, DomainEventClass } from '../domain-event';
import { Transaction } from '../../database/transaction-runner';

export const DURABLE_EVENT_METADATA = 'ls:durable-event';

/** One event read back from the outbox, with the id that orders it among all events. */
export interface RecordedEvent<E extends DomainEvent = DomainEvent> {
  id: number;
  event: E;
  recordedAt: Date;
  /** What attachers kept with it when it was recorded, by attacher key. */
  attachments: Record<string, unknown>;
}

/**
 * Keeps, with each event of a class, what its listener must later see as it was at the change
 * (the objects a webhook shows, say): called in the change's transaction just before its events
 * are written to the outbox, it returns per event what to store under `key` (undefined: nothing).
 * A listener that finds nothing under its key reads the current state instead.
 */
export interface EventAttacher<E extends DomainEvent = DomainEvent> {
  readonly key: string;
  /**
   * Whether `attach` may keep anything for this event: a quick answer (it may be cached) that
   * lets a write path skip the work. A wrong `false` only means the listener reads the state later.
   * `manager`: the transaction it is asked in, which any query must use (a connection of the pool
   * taken while a transaction holds one can wait forever once every connection is so held).
   */
  wants(event: E, manager?: EntityManager): Promise<boolean>;
  attach(events: E[], manager: EntityManager): Promise<(unknown | undefined)[]>;
  /**
   * What `attach` would keep, from what the event carries in memory alone (no database), or
   * null when it needs to read: lets a hot path record the event in its one statement.
   */
  attachFromMemory?(event: E): unknown;
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
