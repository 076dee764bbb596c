import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import { CORE_MODULE_OPTIONS, CoreModuleOptions } from './core.options';
import { buildDataSourceOptions } from './database/data-source-options';
import { SchemaCheck } from './database/schema-check';
import { PreparedQueries } from './database/prepared-queries';
import { TransactionRunner } from './database/transaction-runner';
import { DomainEventBus } from './events/domain-event-bus';
import { HealthService } from './health/health.service';
import { throttlerOptions } from './http/rate-limits';
import { BullJobQueue } from './jobs/bull-job-queue';
import { InProcessJobQueue } from './jobs/in-process-job-queue';
import { JobProcessorExplorer } from './jobs/job-processor.explorer';
import { JobQueue } from './jobs/job-queue';
import { PingJob } from './jobs/ping.job';
import { loggerOptions } from './logging/logger-options';

function createJobQueue(config: AppConfig): JobQueue {
  if (!config.REDIS_URL) return new InProcessJobQueue();
  return new BullJobQueue({
    redisUrl: config.REDIS_URL,
    prefix: config.JOB_QUEUE_PREFIX,
    lockDurationMs: config.JOB_LOCK_DURATION_MS,
    stalledIntervalMs: config.JOB_STALLED_INTERVAL_MS,
  });
}

/**
 * Config, database, job queue, events and logging for one process. Each app imports it once with
 * its role; domain libraries only inject what it exports.
 */
@Module({})
export class CoreModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    const { config, role } = options;
    return {
      module: CoreModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggerOptions(config, role)),
        EventEmitterModule.forRoot(),
        DiscoveryModule,
        ThrottlerModule.forRootAsync({ useFactory: () => throttlerOptions(config) }),
        TypeOrmModule.forRootAsync({
          useFactory: () =>
            buildDataSourceOptions(config, {
              runMigrations: options.runMigrations ?? (role === 'api' && config.MIGRATE_ON_START),
              synchronize: options.synchronizeSchema,
            }),
        }),
      ],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: CORE_MODULE_OPTIONS, useValue: options },
        { provide: JobQueue, useFactory: () => createJobQueue(config) },
        SchemaCheck,
        JobProcessorExplorer,
        PingJob,
        DomainEventBus,
        TransactionRunner,
        PreparedQueries,
        HealthService,
      ],
      exports: [
        AppConfig,
        CORE_MODULE_OPTIONS,
        JobQueue,
        DomainEventBus,
        TransactionRunner,
        PreparedQueries,
        HealthService,
      ],
    };
  }
}
