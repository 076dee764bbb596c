import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CORE_MODULE_OPTIONS, CoreModuleOptions } from '../core.options';

export class SchemaBehindError extends Error {
  override readonly name = 'SchemaBehindError';
}

/**
 * Workers never migrate: several of them start at once, and only the API (or `npm run db:migrate`)
 * owns the schema. A worker whose code expects newer tables than the database has refuses to start.
 */
@Injectable()
export class SchemaCheck implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CORE_MODULE_OPTIONS) private readonly options: CoreModuleOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.options.role !== 'worker' || this.options.synchronizeSchema) return;
    if (await this.dataSource.showMigrations()) {
      throw new SchemaBehindError(
        'The database schema is behind this worker: start the API (MIGRATE_ON_START=true) or run `npm run db:migrate` first.',
      );
    }
  }
}
