import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { dialectOf } from '../database/dialect';
import { JobQueue } from '../jobs/job-queue';

/** Only whether a component is up: anyone may read it, so why it is down goes to the log. */
export interface ComponentHealth {
  status: 'ok' | 'error';
}

export interface HealthReport {
  status: 'ok' | 'error';
  database: ComponentHealth & { dialect: string };
  queue: ComponentHealth & { mode: string };
}

const CHECK_TIMEOUT_MS = 3000;

const logger = new Logger('Health');

async function probe(component: string, check: () => Promise<unknown>): Promise<ComponentHealth> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'ok' };
  } catch (error) {
    logger.warn({ err: error, component }, `${component} is unreachable`);
    return { status: 'error' };
  } finally {
    clearTimeout(timer);
  }
}

/** Whether this process can reach what it depends on. */
@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly config: AppConfig,
  ) {}

  async check(): Promise<HealthReport> {
    const [database, queue] = await Promise.all([
      probe('database', () => this.dataSource.query('SELECT 1')),
      probe('queue', () => this.queue.ping()),
    ]);
    const healthy = database.status === 'ok' && queue.status === 'ok';
    return {
      status: healthy ? 'ok' : 'error',
      database: { ...database, dialect: dialectOf(this.config) },
      queue: { ...queue, mode: this.queue.mode },
    };
  }
}
