import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AppConfig } from '../config/app-config';
import { CORE_MODULE_OPTIONS, CoreModuleOptions, runsJobs } from '../core.options';
import { InvalidJobPayloadError } from './invalid-job-payload.error';
import { JOB_PROCESSOR_METADATA, JobHandler, JobProcessorOptions } from './job-processor.decorator';
import { JobExecution, JobQueue } from './job-queue';

/** Finds every `@JobProcessor` provider and registers it with the queue in processes that run jobs. */
@Injectable()
export class JobProcessorExplorer implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobProcessorExplorer.name);

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly queue: JobQueue,
    private readonly config: AppConfig,
    @Inject(CORE_MODULE_OPTIONS) private readonly options: CoreModuleOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (!runsJobs(this.options, this.config)) return;
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const meta = Reflect.getMetadata(JOB_PROCESSOR_METADATA, metatype) as
        JobProcessorOptions | undefined;
      if (!meta) continue;
      const handler = instance as JobHandler;
      this.queue.process(
        meta.queue,
        meta.name,
        async (job) => handler.handle(await this.checkedPayload(job, meta)),
        meta.concurrency?.(this.config) ?? this.config.JOB_CONCURRENCY,
      );
      this.logger.log(`Processing ${meta.queue}/${meta.name}`);
    }
  }

  private async checkedPayload(
    job: JobExecution,
    meta: JobProcessorOptions,
  ): Promise<JobExecution> {
    if (!meta.payload) return job;
    const payload = plainToInstance(meta.payload, job.payload ?? {});
    const errors = await validate(payload, { whitelist: true });
    if (errors.length > 0) {
      const fields = errors.map((e) => Object.values(e.constraints ?? {}).join(', ')).join('; ');
      throw new InvalidJobPayloadError(`Invalid payload for ${meta.name}: ${fields}`);
    }
    return { ...job, payload };
  }
}
