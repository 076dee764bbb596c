import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEvent } from '../events/domain-event';
import { DomainEventBus } from '../events/domain-event-bus';
import { OutboxWriter } from '../events/outbox/outbox-writer';
import { dialectOfDataSource } from './dialect';

export interface Transaction {
  manager: EntityManager;
  /**
   * Published once the transaction has committed; dropped if it rolls back. An event with a
   * durable listener (`@OnDurableEvent`) is also written to the outbox in this transaction.
   */
  afterCommit(event: DomainEvent): void;
  /** Runs once the transaction has committed (enqueueing a job, say); a failure is only logged. */
  whenCommitted(task: () => Promise<unknown>): void;
}

/**
 * Runs a unit of work in one transaction and publishes its domain events after commit.
 * SQLite has a single connection for the whole process, so its transactions are queued one after
 * another instead of interleaving on that connection.
 */
@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger(TransactionRunner.name);
  private sqliteTail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEventBus,
    private readonly outbox: OutboxWriter,
  ) {}

  async run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const pending: DomainEvent[] = [];
    const tasks: (() => Promise<unknown>)[] = [];
    let recorded = false;
    const result = await this.serialized(() =>
      this.dataSource.transaction(async (manager) => {
        const value = await work({
          manager,
          afterCommit: (event) => pending.push(event),
          whenCommitted: (task) => tasks.push(task),
        });
        recorded = await this.outbox.record(manager, pending);
        return value;
      }),
    );
    if (recorded) this.outbox.wake();
    for (const event of pending) await this.events.publish(event);
    for (const task of tasks) {
      await task().catch((error: unknown) =>
        this.logger.error({ err: error }, 'A task after commit failed'),
      );
    }
    return result;
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    if (dialectOfDataSource(this.dataSource) === 'postgres') return task();
    const next = this.sqliteTail.then(task, task);
    this.sqliteTail = next.catch(() => undefined);
    return next;
  }
}
