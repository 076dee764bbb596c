import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { dialectOf } from '../database/dialect';
import { JobQueue } from '../jobs/job-queue';
import { JobQueueHealthIndicator } from './job-queue.health-indicator';

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

/** Terminus reports a failed check (or a process shutting down) by throwing its result. */
function resultOfFailedCheck(error: unknown): HealthCheckResult {
  if (error instanceof ServiceUnavailableException) return error.getResponse() as HealthCheckResult;
  throw error;
}

function statusOf(result: HealthCheckResult, component: string): ComponentHealth['status'] {
  return result.details[component]?.status === 'up' ? 'ok' : 'error';
}

/**
 * Whether this process can reach what it depends on, checked by Terminus and told in our own
 * shape (terminus's carries the error messages, which the log gets instead).
 */
@Injectable()
export class HealthService {
  constructor(
    private readonly healthChecks: HealthCheckService,
    private readonly databaseHealth: TypeOrmHealthIndicator,
    private readonly queueHealth: JobQueueHealthIndicator,
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly config: AppConfig,
  ) {}

  async check(): Promise<HealthReport> {
    const result = await this.healthChecks
      .check([
        () =>
          this.databaseHealth.pingCheck('database', {
            connection: this.dataSource,
            timeout: CHECK_TIMEOUT_MS,
          }),
        () => this.queueHealth.pingCheck('queue', CHECK_TIMEOUT_MS),
      ])
      .catch(resultOfFailedCheck);
    return {
      status: result.status === 'ok' ? 'ok' : 'error',
      database: { status: statusOf(result, 'database'), dialect: dialectOf(this.config) },
      queue: { status: statusOf(result, 'queue'), mode: this.queue.mode },
    };
  }
}
