import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { AccountsService, AuthHttpModule, AuthModule } from '@ls/auth';
import {
  configureHttpApp,
  CoreModule,
  createFreshDatabase,
  createHttpAdapter,
  loadConfig,
} from '@ls/core';
import { AnnotationsModule } from '@ls/annotations';
import { Project, ProjectsHttpModule, ProjectsModule } from '@ls/projects';
import { percentile } from './stats';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 1000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const INSERT_BATCH = 200;

/**
 * Lists a page of 100 projects with their counters out of PROJECTS projects, on the database of
 * the environment (a scratch SQLite file, or a scratch PostgreSQL database with DATABASE_URL),
 * and reports latency and queries per request.
 */
export async function benchProjectList(): Promise<Record<string, number | string>> {
  const database = await createFreshDatabase();
  const config = loadConfig({}, { ...database.env, LOG_LEVEL: 'silent' });
  const app = await NestFactory.create<NestFastifyApplication>(
    {
      module: class BenchModule {},
      imports: [
        CoreModule.forRoot({ role: 'api', config, runJobs: false }),
        AuthModule,
        AuthHttpModule,
        ProjectsModule,
        ProjectsHttpModule,
        // Registers the task and annotation counter sources, as in the real API.
        AnnotationsModule,
      ],
    },
    createHttpAdapter(config),
    { logger: false },
  );
  try {
    configureHttpApp(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const account = await app.get(AccountsService).create({
      email: 'bench@example.com',
      password: 'bench-password',
    });
    const dataSource = app.get(DataSource);
    for (let start = 0; start < PROJECTS; start += INSERT_BATCH) {
      const rows = Array.from({ length: Math.min(INSERT_BATCH, PROJECTS - start) }, (_, i) => ({
        title: `Project ${start + i}`,
        organization_id: account.organization.id,
        created_by_id: account.user.id,
        parsed_label_config: {},
        data_types: {},
        settings: {},
      }));
      await dataSource.getRepository(Project).insert(rows);
    }
    const logger = dataSource.logger as { logQuery: (...args: unknown[]) => void };
    let queries = 0;
    logger.logQuery = () => {
      queries += 1;
    };
    const fastify = app.getHttpAdapter().getInstance();
    const durations: number[] = [];
    for (let i = 0; i < REQUESTS; i += 1) {
      const started = process.hrtime.bigint();
      const response = await fastify.inject({
        method: 'GET',
        url: `/api/projects/?page_size=100&page=${(i % 10) + 1}`,
        headers: { authorization: `Token ${account.token}` },
      });
      durations.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`);
    }
    durations.sort((a, b) => a - b);
    return {
      database: config.DATABASE_URL ? 'postgres' : 'sqlite',
      projects: PROJECTS,
      requests: REQUESTS,
      page_size: 100,
      p50_ms: Number(percentile(durations, 0.5).toFixed(2)),
      p95_ms: Number(percentile(durations, 0.95).toFixed(2)),
      requests_per_s: Number((1000 / (durations.reduce((a, b) => a + b, 0) / REQUESTS)).toFixed(1)),
      queries_per_request: queries / REQUESTS,
    };
  } finally {
    await app.close();
    await database.drop();
  }
}
