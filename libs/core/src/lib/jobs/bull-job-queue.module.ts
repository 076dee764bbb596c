import { DynamicModule, Module } from '@nestjs/common';
import { BullModule, BullRootModuleOptions, getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { AppConfig } from '../config/app-config';
import { BullConnections } from './bull-connections';
import { BullJobQueue } from './bull-job-queue';
import { declaredQueueNames } from './declared-queues';
import { JobQueue } from './job-queue';

const FINISHED_JOBS_KEPT = { completed: 1000, failed: 5000 };

function sharedQueueOptions(
  config: AppConfig,
  connections: BullConnections,
): BullRootModuleOptions {
  return {
    prefix: config.JOB_QUEUE_PREFIX,
    createClient: (type) => connections.connectionFor(type),
    settings: {
      lockDuration: config.JOB_LOCK_DURATION_MS,
      stalledInterval: config.JOB_STALLED_INTERVAL_MS,
      // A job whose worker died runs once more; stalling a second time fails it.
      maxStalledCount: 1,
    },
    defaultJobOptions: {
      removeOnComplete: FINISHED_JOBS_KEPT.completed,
      removeOnFail: FINISHED_JOBS_KEPT.failed,
    },
  };
}

/**
 * Scaled mode: the `JobQueue` port on Bull queues that `@nestjs/bull` creates and closes, one per
 * declared queue name, all on the same Redis connections. The queues are exported, so an app can
 * `@InjectQueue(name)` the very queue the port uses.
 */
@Module({})
export class BullJobQueueModule {
  static register(redisUrl: string, config: AppConfig): DynamicModule {
    const names = declaredQueueNames();
    const queues = BullModule.registerQueue(...names.map((name) => ({ name })));
    return {
      module: BullJobQueueModule,
      imports: [
        BullModule.forRootAsync({
          extraProviders: [
            { provide: BullConnections, useFactory: () => new BullConnections(redisUrl) },
          ],
          inject: [BullConnections],
          useFactory: (connections: BullConnections) => sharedQueueOptions(config, connections),
        }),
        queues,
      ],
      providers: [
        {
          provide: JobQueue,
          inject: names.map((name) => getQueueToken(name)),
          useFactory: (...bullQueues: Queue[]) =>
            new BullJobQueue(new Map(names.map((name, i) => [name, bullQueues[i]]))),
        },
      ],
      exports: [JobQueue, queues],
    };
  }
}
