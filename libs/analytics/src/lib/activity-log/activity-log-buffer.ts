import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ActivityEntry } from './activity-entry';
import { ActivityLogWriter } from './activity-log-writer';

/** A batch is written this long after its first entry arrived... */
export const FLUSH_AFTER_MS = 250;
/** ...or as soon as it has this many entries (also the most one INSERT writes). */
export const BATCH_SIZE = 500;
/** Entries held while the database does not take them; past this the oldest are dropped. */
export const BUFFER_CAPACITY = 20_000;
const RETRY_AFTER_MS = 1_000;
const WARN_EVERY_MS = 10_000;

/**
 * Holds activity entries in memory and writes them in batches, off the request path. A failed
 * write keeps its entries for the next try; while the database stays away the buffer is bounded
 * and drops its oldest entries, counted in a warning. What is still held when the process ends is
 * written on shutdown; a crash loses it (at most about {@link FLUSH_AFTER_MS} of requests).
 */
@Injectable()
export class ActivityLogBuffer implements OnApplicationShutdown {
  private readonly logger = new Logger(ActivityLogBuffer.name);
  private entries: ActivityEntry[] = [];
  private timer?: NodeJS.Timeout;
  private writing: Promise<void> | null = null;
  private failing = false;
  private closed = false;
  private dropped = 0;
  private lastWarningAt = 0;

  constructor(private readonly writer: ActivityLogWriter) {}

  /** Entries waiting to be written. */
  get pending(): number {
    return this.entries.length;
  }

  add(entry: ActivityEntry): void {
    if (this.entries.length >= BUFFER_CAPACITY) {
      this.entries.shift();
      this.countDropped(1);
    }
    this.entries.push(entry);
    if (this.entries.length >= BATCH_SIZE && !this.failing) void this.write(false);
    else this.schedule();
  }

  /**
   * Writes everything held now, in batches. Resolves when that is done (a failure is logged and
   * the entries kept for the next try, never thrown).
   */
  flush(): Promise<void> {
    return this.write(true);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
    this.closed = true;
    clearTimeout(this.timer);
    if (this.entries.length > 0) {
      this.logger.warn(`${this.entries.length} activity log entries not written at shutdown`);
    }
  }

  private schedule(): void {
    if (this.timer || this.writing || this.closed) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        void this.write(false);
      },
      this.failing ? RETRY_AFTER_MS : FLUSH_AFTER_MS,
    );
    this.timer.unref();
  }

  /**
   * One write at a time. `everything`: until nothing is held; otherwise one batch, then more only
   * while full batches are waiting (a partial one waits for its timer, so batches stay large).
   */
  private write(everything: boolean): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.writing) {
      return everything ? this.writing.then(() => this.write(true)) : this.writing;
    }
    this.writing = this.writeBatches(everything).finally(() => {
      this.writing = null;
      if (this.entries.length > 0) this.schedule();
    });
    return this.writing;
  }

  private async writeBatches(everything: boolean): Promise<void> {
    let first = true;
    while (this.entries.length > 0 && (first || everything || this.entries.length >= BATCH_SIZE)) {
      first = false;
      const batch = this.entries.splice(0, BATCH_SIZE);
      try {
        await this.writer.insert(batch);
        if (this.failing) this.logger.log('Activity log written again');
        this.failing = false;
      } catch (error) {
        this.keep(batch);
        if (!this.failing) {
          this.logger.warn(
            { err: error },
            `Activity log not written; ${this.entries.length} entries kept to retry`,
          );
        }
        this.failing = true;
        return;
      }
    }
  }

  /** Puts a batch that was not written back in front, dropping the oldest past the capacity. */
  private keep(batch: ActivityEntry[]): void {
    const excess = batch.length + this.entries.length - BUFFER_CAPACITY;
    this.entries = [...batch.slice(Math.max(0, excess)), ...this.entries];
    if (excess > 0) this.countDropped(excess);
  }

  private countDropped(count: number): void {
    this.dropped += count;
    const now = Date.now();
    if (now - this.lastWarningAt < WARN_EVERY_MS) return;
    this.lastWarningAt = now;
    this.logger.warn(
      `Activity log buffer full (database unavailable?): ${this.dropped} oldest entries dropped so far`,
    );
  }
}
