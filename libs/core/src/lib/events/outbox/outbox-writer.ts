import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { CORE_MODULE_OPTIONS, CoreModuleOptions, runsJobs } from '../../core.options';
import { BoundSql } from '../../database/bound-sql';
import { dialectOfManager } from '../../database/dialect';
import { CORE_QUEUE, OUTBOX_RELAY_JOB } from '../../jobs/jobs.constants';
import { JobQueue } from '../../jobs/job-queue';
import { DomainEvent } from '../domain-event';
import { DurableEvents } from './durable-events';

/**
 * Writes durable events into the outbox inside the caller's transaction, and tells a relay that
 * there is something to read once that transaction has committed.
 */
@Injectable()
export class OutboxWriter {
  private readonly logger = new Logger(OutboxWriter.name);
  private readonly relaysHere: boolean;
  private localRelay?: () => void;
  private readonly coalesceMs: number;
  private scheduled?: NodeJS.Timeout;
  private signalling = false;
  private signalAgain = false;

  constructor(
    private readonly durable: DurableEvents,
    private readonly queue: JobQueue,
    config: AppConfig,
    @Inject(CORE_MODULE_OPTIONS) options: CoreModuleOptions,
  ) {
    this.relaysHere = runsJobs(options, config);
    this.coalesceMs = config.OUTBOX_COALESCE_MS;
  }

  isDurable(event: DomainEvent): boolean {
    return this.durable.isDurable(event.eventName);
  }

  /**
   * For a hot path that records `event` in a statement of its own, outside a transaction: what
   * its attachers keep with it, made from what it carries in memory. Undefined when no attacher
   * wants to keep anything; null when one must read the database (record it in a transaction).
   */
  async attachmentsFromMemory(
    event: DomainEvent,
  ): Promise<Record<string, unknown> | null | undefined> {
    let attachments: Record<string, unknown> | undefined;
    for (const attacher of this.durable.attachersOf(event.eventName)) {
      if (!(await attacher.wants(event))) continue;
      const kept = attacher.attachFromMemory?.(event) ?? null;
      if (kept === null) return null;
      attachments = { ...attachments, [attacher.key]: kept };
    }
    return attachments;
  }

  /** Inserts the durable ones of `events` with `manager`; true when there was any. */
  async record(manager: EntityManager, events: DomainEvent[]): Promise<boolean> {
    const durable = events.filter((event) => this.isDurable(event));
    if (durable.length === 0) return false;
    const attachments = await this.attachmentsOf(manager, durable);
    const sql = new BoundSql(dialectOfManager(manager));
    const now = new Date();
    const rows = durable.map((event, index) => {
      const attached = attachments[index];
      return (
        `(${sql.bind(event.eventName)}, ${sql.bind({ json: this.durable.payloadOf(event) })}, ` +
        `${sql.bind(attached ? { json: attached } : null)}, ${sql.bind(now)}, ${sql.bind(now)})`
      );
    });
    await manager.query(
      `INSERT INTO outbox_event (name, payload, attachments, created_at, available_at)
        VALUES ${rows.join(', ')}`,
      sql.values,
    );
    return true;
  }

  /** Per event, what its class's attachers keep with it (null: nothing). */
  private async attachmentsOf(
    manager: EntityManager,
    events: DomainEvent[],
  ): Promise<(Record<string, unknown> | null)[]> {
    const attachments: (Record<string, unknown> | null)[] = events.map(() => null);
    for (const name of new Set(events.map((event) => event.eventName))) {
      for (const attacher of this.durable.attachersOf(name)) {
        const indexes: number[] = [];
        for (const [index, event] of events.entries()) {
          if (event.eventName !== name || !(await attacher.wants(event, manager))) continue;
          const known = attacher.attachFromMemory?.(event) ?? null;
          if (known === null) indexes.push(index);
          else attachments[index] = { ...attachments[index], [attacher.key]: known };
        }
        if (indexes.length === 0) continue;
        const kept = await attacher.attach(
          indexes.map((index) => events[index]),
          manager,
        );
        indexes.forEach((index, position) => {
          if (kept[position] === undefined) return;
          attachments[index] = { ...attachments[index], [attacher.key]: kept[position] };
        });
      }
    }
    return attachments;
  }

  /** The relay of this process, when it runs one (embedded mode, workers). */
  attachRelay(wake: () => void): void {
    this.localRelay = wake;
  }

  /**
   * After a commit that recorded events: wakes this process's relay, or else enqueues one relay
   * job for the workers, `OUTBOX_COALESCE_MS` later, so that a burst of commits is handed over
   * in a few batches rather than one transaction per event. Calls that come meanwhile (or while
   * the job is being enqueued) share the next wake-up. Losing one loses nothing: relays also poll.
   */
  wake(): void {
    if (this.scheduled || this.signalling) {
      this.signalAgain = this.signalling;
      return;
    }
    this.scheduled = setTimeout(() => {
      this.scheduled = undefined;
      this.signal();
    }, this.coalesceMs);
    this.scheduled.unref();
  }

  private signal(): void {
    if (this.relaysHere) {
      this.localRelay?.();
      return;
    }
    this.signalling = true;
    this.queue
      .enqueue(CORE_QUEUE, OUTBOX_RELAY_JOB, {})
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, 'Could not wake the outbox relay; it will poll'),
      )
      .finally(() => {
        this.signalling = false;
        if (this.signalAgain) {
          this.signalAgain = false;
          this.wake();
        }
      });
  }
}
