import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { CORE_MODULE_OPTIONS, CoreModuleOptions, runsJobs } from '../../core.options';
import { BoundSql } from '../../database/bound-sql';
import { dialectOfDataSource } from '../../database/dialect';
import { Transaction, TransactionRunner } from '../../database/transaction-runner';
import { RecordedEvent } from './durable-event.decorator';
import { DurableEvents } from './durable-events';
import { OutboxWriter } from './outbox-writer';

interface OutboxRow {
  id: number | string;
  name: string;
  payload: Record<string, unknown> | string;
  attachments: Record<string, unknown> | string | null;
  created_at: Date | string;
}

/** Arbitrary constant naming the relay's PostgreSQL advisory lock. */
const RELAY_LOCK_KEY = 7_316_004;
const MAX_RETRY_DELAY_MS = 3_600_000;

/**
 * Hands recorded events to their durable listeners in id order, a batch per transaction that also
 * deletes them, so a batch is either handled and gone or still there for the next relay. One
 * relay works at a time (an advisory lock on PostgreSQL; SQLite has one process). Runs where
 * jobs run, woken after each commit that recorded events and polling as a safety net.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private draining: Promise<void> | null = null;
  private drainAgain = false;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly durable: DurableEvents,
    private readonly writer: OutboxWriter,
    private readonly config: AppConfig,
    @Inject(CORE_MODULE_OPTIONS) private readonly options: CoreModuleOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (!runsJobs(this.options, this.config) || !this.durable.any) return;
    this.writer.attachRelay(() => void this.drain());
    this.timer = setInterval(() => void this.drain(), this.config.OUTBOX_POLL_MS);
    this.timer.unref();
    void this.drain();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.draining;
  }

  /** Drains the outbox; a call during a drain makes that drain look once more before it ends. */
  drain(): Promise<void> {
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = this.drainLoop().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  private async drainLoop(): Promise<void> {
    do {
      this.drainAgain = false;
      try {
        while (!this.stopped && (await this.relayBatch()) === 'more');
      } catch (error) {
        this.logger.error({ err: error }, 'Outbox relay failed; it will try again');
        return;
      }
    } while (this.drainAgain && !this.stopped);
  }

  /** 'busy': another process's relay holds the lock and will see what this one would have. */
  private async relayBatch(): Promise<'more' | 'done' | 'busy'> {
    const size = this.config.OUTBOX_BATCH_SIZE;
    let rows: OutboxRow[] = [];
    try {
      const outcome = await this.transactions.run(async (tx) => {
        if (!(await this.lockRelay(tx))) return 'busy' as const;
        rows = await this.due(tx, size);
        await this.dispatch(rows, tx);
        await this.remove(rows, tx);
        return rows.length === size ? ('more' as const) : ('done' as const);
      });
      if (outcome === 'busy') this.retryWhileBusy();
      return outcome;
    } catch (error) {
      if (rows.length === 0) throw error;
      // One event of the batch fails: handle each alone, so the others are not held back by it.
      for (const row of rows) await this.relayOne(row);
      return 'more';
    }
  }

  private async relayOne(row: OutboxRow): Promise<void> {
    try {
      await this.transactions.run(async (tx) => {
        if (!(await this.lockRelay(tx))) return;
        await this.dispatch([row], tx);
        await this.remove([row], tx);
      });
    } catch (error) {
      await this.postpone(row, error as Error);
    }
  }

  private retryWhileBusy(): void {
    setTimeout(() => void this.drain(), 200).unref();
  }

  private async lockRelay(tx: Transaction): Promise<boolean> {
    if (dialectOfDataSource(this.dataSource) !== 'postgres') return true;
    const [row] = (await tx.manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
      RELAY_LOCK_KEY,
    ])) as { locked: boolean }[];
    return row.locked;
  }

  private async due(tx: Transaction, size: number): Promise<OutboxRow[]> {
    const sql = new BoundSql(dialectOfDataSource(this.dataSource));
    const statement = `SELECT id, name, payload, attachments, created_at FROM outbox_event
      WHERE available_at <= ${sql.bind(new Date())} ORDER BY id LIMIT ${sql.bind(size)}`;
    return (await tx.manager.query(statement, sql.values)) as OutboxRow[];
  }

  /** Each listener gets the batch's events of its class, in id order. */
  private async dispatch(rows: OutboxRow[], tx: Transaction): Promise<void> {
    const byName = new Map<string, RecordedEvent[]>();
    for (const row of rows) {
      const event = this.durable.revive(row.name, parsed(row.payload) ?? {});
      if (!event) continue;
      const recorded = {
        id: Number(row.id),
        event,
        recordedAt: new Date(row.created_at),
        attachments: parsed(row.attachments) ?? {},
      };
      byName.set(row.name, [...(byName.get(row.name) ?? []), recorded]);
    }
    for (const [name, events] of byName) {
      for (const handler of this.durable.handlersOf(name)) await handler(events, tx);
    }
  }

  private async remove(rows: OutboxRow[], tx: Transaction): Promise<void> {
    if (rows.length === 0) return;
    const sql = new BoundSql(dialectOfDataSource(this.dataSource));
    const ids = sql.list(rows.map((row) => Number(row.id)));
    await tx.manager.query(`DELETE FROM outbox_event WHERE id IN (${ids})`, sql.values);
  }

  /** A failing event waits longer after each failure (up to an hour) and is never dropped. */
  private async postpone(row: OutboxRow, error: Error): Promise<void> {
    this.logger.error({ err: error, event: row.name, id: row.id }, 'A durable listener failed');
    await this.transactions.run(async ({ manager }) => {
      const sql = new BoundSql(dialectOfDataSource(this.dataSource));
      const [current] = (await manager.query(
        `SELECT attempts FROM outbox_event WHERE id = ${sql.bind(Number(row.id))}`,
        sql.values,
      )) as { attempts: number }[];
      if (!current) return;
      const attempts = Number(current.attempts) + 1;
      const delay = Math.min(1000 * 2 ** attempts, MAX_RETRY_DELAY_MS);
      const update = new BoundSql(dialectOfDataSource(this.dataSource));
      await manager.query(
        `UPDATE outbox_event SET attempts = ${update.bind(attempts)},
          available_at = ${update.bind(new Date(Date.now() + delay))},
          last_error = ${update.bind(error.message.slice(0, 2000))}
          WHERE id = ${update.bind(Number(row.id))}`,
        update.values,
      );
    });
  }
}

/** A JSON column as read back: an object on PostgreSQL, text on SQLite. */
function parsed(value: Record<string, unknown> | string | null): Record<string, unknown> | null {
  return typeof value === 'string' ? (JSON.parse(value) as Record<string, unknown>) : value;
}
