import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreModule } from '@ls/core';
import { DOMAIN_MODULES } from '../app.module';

/** Entities and services of every library, without HTTP: what the command line works on. */
@Module({})
export class CliModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [CoreModule.forRoot({ role: 'cli', config, runJobs: false }), ...DOMAIN_MODULES],
    };
  }
}
