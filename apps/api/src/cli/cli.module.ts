import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreModule } from '@ls/core';
import { DOMAIN_MODULES } from '../app.module';

/** Entities and services of every library, without HTTP: what the command line works on. */
@Module({})
export class CliModule {
  /** `runMigrations`: bring the schema up to date first (commands that read or write data). */
  static register(config: AppConfig, runMigrations = false): DynamicModule {
    return {
      module: CliModule,
      imports: [
        CoreModule.forRoot({ role: 'cli', config, runJobs: false, runMigrations }),
        ...DOMAIN_MODULES,
      ],
    };
  }
}
