import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { AuthHttpModule, AuthModule } from '@ls/auth';
import { configureHttpApp, CoreModule, createHttpAdapter, loadConfig } from '@ls/core';
import { DataManagerHttpModule } from '@ls/data-manager';

export interface Statement {
  sql: string;
  parameters: unknown[];
}

/** The SQL statements of one task-list request, sorted by what they do. */
export interface RequestSql {
  page: Statement[];
  count: Statement[];
  other: Statement[];
}

/**
 * Serves each of `urls` once in this process on the benchmark's database (no migrations, no
 * jobs) and records the SQL the request runs through TypeORM, so the bare reference runs exactly
 * the API's statements. Each URL gets a new app: what one request's app keeps (the totals of a
 * selection) must not spare the next one its count. The caller's lookup is a prepared statement
 * outside TypeORM: not recorded.
 */
export async function captureRequestSql(
  env: Record<string, string>,
  token: string,
  urls: string[],
): Promise<RequestSql[]> {
  const captured: RequestSql[] = [];
  for (const url of urls) captured.push(await captureOne(env, token, url));
  return captured;
}

async function captureOne(
  env: Record<string, string>,
  token: string,
  url: string,
): Promise<RequestSql> {
  const config = loadConfig({}, { ...env, LOG_LEVEL: 'silent', MIGRATE_ON_START: 'false' });
  const app = await NestFactory.create<NestFastifyApplication>(
    {
      module: class CaptureModule {},
      imports: [
        CoreModule.forRoot({ role: 'api', config, runJobs: false, runMigrations: false }),
        AuthModule,
        AuthHttpModule,
        DataManagerHttpModule,
      ],
    },
    createHttpAdapter(config),
    { logger: false },
  );
  try {
    configureHttpApp(app);
    await app.init();
    const fastify = app.getHttpAdapter().getInstance();
    await fastify.ready();
    const logger = app.get(DataSource).logger as { logQuery: (...args: unknown[]) => void };
    const statements: Statement[] = [];
    logger.logQuery = (sql: unknown, parameters: unknown) =>
      statements.push({ sql: String(sql), parameters: (parameters as unknown[]) ?? [] });
    const response = await fastify.inject({
      method: 'GET',
      url,
      headers: { authorization: `Token ${token}` },
    });
    if (response.statusCode !== 200) {
      throw new Error(`${url} answered ${response.statusCode}: ${response.body}`);
    }
    return sortStatements(statements);
  } finally {
    await app.close();
  }
}

function sortStatements(statements: Statement[]): RequestSql {
  const isTaskSelect = (s: Statement) => /FROM "task" "task"/.test(s.sql);
  const isCount = (s: Statement) => isTaskSelect(s) && s.sql.includes('COUNT(*)');
  return {
    page: statements.filter((s) => isTaskSelect(s) && !isCount(s)),
    count: statements.filter(isCount),
    other: statements.filter((s) => !isTaskSelect(s)),
  };
}
