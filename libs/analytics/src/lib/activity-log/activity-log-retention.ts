import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryResult } from 'typeorm';
import { AppConfig, BoundSql, dialectOfDataSource } from '@ls/core';

const SWEEP_EVERY_MS = 3_600_000;
/** The first sweep waits this long plus up to as much again: replicas started together spread. */
const FIRST_SWEEP_AFTER_MS = 60_000;
const ROWS_PER_DELETE = 5_000;
const PAUSE_BETWEEN_DELETES_MS = 50;
const DAY_MS = 86_400_000;

/**
 * Deletes activity log entries older than `ACTIVITY_LOG_RETENTION_DAYS`, at most once an hour per
 * API process, in batches so no statement holds locks for long. The datetime index makes a sweep
 * with nothing to delete one index probe.
 */
@Injectable()
export class ActivityLogRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ActivityLogRetention.name);
  private timer?: NodeJS.Timeout;
  private sweeping: Promise<number> | null = null;
  private lastSweepAt = 0;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.ACTIVITY_LOG_RETENTION_DAYS === 0) return;
    const firstAfter = FIRST_SWEEP_AFTER_MS * (1 + Math.random());
    this.timer = setTimeout(() => {
      void this.sweepIfDue();
      this.timer = setInterval(() => void this.sweepIfDue(), SWEEP_EVERY_MS);
      this.timer.unref();
    }, firstAfter);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Runs a sweep unless one ran in the last hour; the entries deleted. */
  async sweepIfDue(now: Date = new Date()): Promise<number> {
    if (now.getTime() - this.lastSweepAt < SWEEP_EVERY_MS) return 0;
    return this.sweep(now);
  }

  /** Deletes every entry older than the retention period as of `now`; the entries deleted. */
  sweep(now: Date = new Date()): Promise<number> {
    if (this.sweeping) return this.sweeping;
    this.lastSweepAt = now.getTime();
    this.sweeping = this.deleteExpired(now)
      .catch((error: unknown) => {
        this.logger.warn(
          { err: error },
          'Activity log retention sweep failed; next one in an hour',
        );
        return 0;
      })
      .finally(() => {
        this.sweeping = null;
      });
    return this.sweeping;
  }

  private async deleteExpired(now: Date): Promise<number> {
    const days = this.config.ACTIVITY_LOG_RETENTION_DAYS;
    if (days === 0) return 0;
    const cutoff = new Date(now.getTime() - days * DAY_MS);
    let total = 0;
    for (;;) {
      const deleted = await this.deleteBatch(cutoff);
      total += deleted;
      if (deleted < ROWS_PER_DELETE || this.stopped) break;
      await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_DELETES_MS));
    }
    if (total > 0)
      this.logger.log(`Activity log: ${total} entries older than ${days} days deleted`);
    return total;
  }

  private async deleteBatch(cutoff: Date): Promise<number> {
    const sql = new BoundSql(dialectOfDataSource(this.dataSource));
    const statement = `DELETE FROM activity_log WHERE id IN (
        SELECT id FROM activity_log WHERE datetime < ${sql.bind(cutoff)}
        ORDER BY datetime LIMIT ${sql.bind(ROWS_PER_DELETE)})`;
    const runner = this.dataSource.createQueryRunner();
    try {
      const result = (await runner.query(statement, sql.values, true)) as QueryResult;
      return result.affected ?? 0;
    } finally {
      await runner.release();
    }
  }
}
