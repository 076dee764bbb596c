import { DynamicModule, Module, Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { TerminusModule } from '@nestjs/terminus';
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
import { DurableEventExplorer } from './events/outbox/durable-event.explorer';
import { DurableEvents } from './events/outbox/durable-events';
import { OutboxEvent } from './events/outbox/outbox-event.entity';
import { OutboxRelay } from './events/outbox/outbox-relay';
import { OutboxRelayJob } from './events/outbox/outbox-relay.job';
import { OutboxWriter } from './events/outbox/outbox-writer';
import { HealthService } from './health/health.service';
import { JobQueueHealthIndicator } from './health/job-queue.health-indicator';
import { throttlerOptions } from './http/rate-limits';
import { BullJobQueueModule } from './jobs/bull-job-queue.module';
import { InProcessJobQueueModule } from './jobs/in-process-job-queue.module';
import { JobProcessorExplorer } from './jobs/job-processor.explorer';
import { PingJob } from './jobs/ping.job';
import { loggerOptions } from './logging/logger-options';
import { registerMigrations } from './database/migration-registry';
import { CORE_MIGRATIONS } from '../migrations';
import { OutboundHttp } from './outbound/outbound-http';

registerMigrations('core', CORE_MIGRATIONS);

/** Bull on Redis when `REDIS_URL` is set; otherwise in memory, and no Redis connection at all. */
function jobQueueModule(config: AppConfig): DynamicModule | Type {
  if (!config.REDIS_URL) return InProcessJobQueueModule;
  return BullJobQueueModule.register(config.REDIS_URL, config);
}

/**
 * Config, database, job queue, events and logging for one process. Each app imports it once with
 * its role; domain libraries only inject what it exports.
 */
@Module({})
export class CoreModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    const { config, role } = options;
    const jobQueue = jobQueueModule(config);
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
        TypeOrmModule.forFeature([OutboxEvent]),
        jobQueue,
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
      ],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: CORE_MODULE_OPTIONS, useValue: options },
        SchemaCheck,
        JobProcessorExplorer,
        PingJob,
        DomainEventBus,
        DurableEvents,
        DurableEventExplorer,
        OutboxWriter,
        OutboxRelay,
        OutboxRelayJob,
        TransactionRunner,
        PreparedQueries,
        JobQueueHealthIndicator,
        HealthService,
        OutboundHttp,
      ],
      exports: [
        AppConfig,
        CORE_MODULE_OPTIONS,
        // The JobQueue port and, in scaled mode, each Bull queue for `@InjectQueue(name)`.
        jobQueue,
        DomainEventBus,
        DurableEvents,
        OutboxWriter,
        OutboxRelay,
        TransactionRunner,
        PreparedQueries,
        HealthService,
        OutboundHttp,
      ],
    };
  }
}
