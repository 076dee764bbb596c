import { ModuleMetadata } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { Server } from 'node:http';
import TestAgent from 'supertest/lib/agent';
import { AppConfig, ConfigOverrides } from '../lib/config/app-config';
import { loadConfig } from '../lib/config/load-config';
import { CoreModule } from '../lib/core.module';
import { configureHttpApp, createHttpAdapter } from '../lib/http/http-app';
import {
  createFreshDatabase,
  FreshDatabase,
  freshQueuePrefix,
} from '../lib/database/fresh-database';
import { contractAgent, ContractTest } from './contract-agent';

export interface TestAppOptions {
  /** Domain and HTTP modules under test. */
  imports?: ModuleMetadata['imports'];
  /** Extra providers, e.g. controllers' stand-ins for a library test. */
  providers?: ModuleMetadata['providers'];
  controllers?: ModuleMetadata['controllers'];
  /** Settings on top of the test defaults. */
  env?: ConfigOverrides;
  /** Whether this process runs job handlers (default: yes, also with Redis). */
  runJobs?: boolean;
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /**
   * A supertest agent bound to the app's HTTP server. Each response of a contract operation is
   * checked against the contract (`.skipContract(reason)` on a request leaves it unchecked).
   */
  http(): TestAgent<ContractTest>;
  close(): Promise<void>;
}

/**
 * A Nest app on a database and a queue of its own: SQLite in a temporary folder (or a new
 * PostgreSQL database when `DATABASE_URL` is set), in-process jobs (or a fresh Bull prefix
 * when `REDIS_URL` is set). Migrations run as at a real start.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database: FreshDatabase = await createFreshDatabase();
  const config = loadConfig(process.env, {
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    JOB_QUEUE_PREFIX: freshQueuePrefix(),
    ...database.env,
    ...options.env,
  });
  try {
    const moduleRef = await Test.createTestingModule({
      imports: [
        CoreModule.forRoot({ role: 'api', config, runJobs: options.runJobs ?? true }),
        ...(options.imports ?? []),
      ],
      providers: options.providers ?? [],
      controllers: options.controllers ?? [],
    }).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(config), {
      logger: false,
    });
    configureHttpApp(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return {
      app,
      config,
      http: () => contractAgent(app.getHttpServer() as Server),
      close: async () => {
        await app.close();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
