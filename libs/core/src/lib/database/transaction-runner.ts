import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEvent } from '../events/domain-event';
import { DomainEventBus } from '../events/domain-event-bus';
import { dialectOfDataSource } from './dialect';

export interface Transaction {
  manager: EntityManager;
  /** Published once the transaction has committed; dropped if it rolls back. */
  afterCommit(event: DomainEvent): void;
}

/**
 * Runs a unit of work in one transaction and publishes its domain events after commit.
 * SQLite has a single connection for the whole process, so its transactions are queued one after
 * another instead of interleaving on that connection.
 */
@Injectable()
export class TransactionRunner {
  private sqliteTail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEventBus,
  ) {}

  async run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const pending: DomainEvent[] = [];
    const result = await this.serialized(() =>
      this.dataSource.transaction((manager) =>
        work({ manager, afterCommit: (event) => pending.push(event) }),
      ),
    );
    for (const event of pending) await this.events.publish(event);
    return result;
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    if (dialectOfDataSource(this.dataSource) === 'postgres') return task();
    const next = this.sqliteTail.then(task, task);
    this.sqliteTail = next.catch(() => undefined);
    return next;
  }
}
