import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AppConfig,
  BoundSql,
  CORE_MODULE_OPTIONS,
  CoreModuleOptions,
  dialectOfDataSource,
  runsJobs,
} from '@ls/core';
import { WebhookDeliverer } from './webhook-deliverer';

const SWEEP_EVERY_MS = 5_000;
const WEBHOOKS_PER_SWEEP = 1_000;

/**
 * Restarts the queues nobody is sending: a process that died holding a lease, a retry whose
 * delayed job was lost with an in-memory queue, a kick that failed after commit. Runs where jobs
 * run; a queue being sent is left alone (its lease is current).
 */
@Injectable()
export class DeliverySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliverySweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deliverer: WebhookDeliverer,
    private readonly config: AppConfig,
    @Inject(CORE_MODULE_OPTIONS) private readonly options: CoreModuleOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (!runsJobs(this.options, this.config)) return;
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
    void this.sweep();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    try {
      const sql = new BoundSql(dialectOfDataSource(this.dataSource));
      const now = sql.bind(new Date());
      const rows = (await this.dataSource.query(
        `SELECT DISTINCT d.webhook_id AS id FROM webhook_delivery d
          JOIN webhook w ON w.id = d.webhook_id
          WHERE d.status = 'pending' AND d.next_attempt_at <= ${now} AND w.is_active = ${sql.bind(true)}
            AND (w.delivering_until IS NULL OR w.delivering_until < ${sql.bind(new Date())})
          LIMIT ${sql.bind(WEBHOOKS_PER_SWEEP)}`,
        sql.values,
      )) as { id: number }[];
      await this.deliverer.kick(rows.map((row) => Number(row.id)));
    } catch (error) {
      this.logger.warn({ err: error }, 'Webhook delivery sweep failed; the next one will retry');
    }
  }
}
