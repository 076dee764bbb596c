import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppConfig, createFreshDatabase, DatabaseDialect, loadConfig } from '@ls/core';
import { CliModule } from './cli.module';

async function withDataSource<T>(
  config: AppConfig,
  work: (ds: DataSource) => Promise<T>,
): Promise<T> {
  const context = await NestFactory.createApplicationContext(CliModule.register(config), {
    logger: false,
  });
  try {
    return await work(context.get(DataSource));
  } finally {
    await context.close();
  }
}

/** `db migrate`: applies the pending migrations of every library. */
export async function migrate(config: AppConfig): Promise<string[]> {
  return withDataSource(config, async (dataSource) => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  });
}

/** `db status`: the migrations not yet applied. */
export async function pendingMigrations(config: AppConfig): Promise<string[]> {
  return withDataSource(config, async (dataSource) => {
    const applied = new Set(
      (
        (await dataSource.query('SELECT name FROM migrations').catch(() => [])) as {
          name: string;
        }[]
      ).map((row) => row.name),
    );
    return dataSource.migrations.map((m) => m.name as string).filter((name) => !applied.has(name));
  });
}

const indent = (queries: { query: string; parameters?: unknown[] }[]) =>
  queries
    .map(({ query, parameters }) => {
      const args = parameters?.length ? `, ${JSON.stringify(parameters)}` : '';
      return `    await queryRunner.query(${JSON.stringify(query)}${args});`;
    })
    .join('\n');

/**
 * `db generate <library> <Name>`: diffs the entities against a scratch database with every
 * migration applied and writes the difference as a new migration of `library`, one per dialect
 * (PostgreSQL only when DATABASE_URL names a server to make the scratch database on).
 */
export async function generateMigration(
  env: Record<string, string | undefined>,
  library: string,
  name: string,
): Promise<string[]> {
  if (!/^[a-z][a-z0-9-]*$/.test(library) || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    throw new Error('usage: db generate <library> <PascalCaseName>');
  }
  const dialects: DatabaseDialect[] = env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
  const timestamp = Date.now();
  const written: string[] = [];
  for (const dialect of dialects) {
    const scratch = await createFreshDatabase(
      dialect === 'postgres' ? (env.DATABASE_URL ?? null) : null,
    );
    try {
      const config = loadConfig(
        { ...env, DATABASE_URL: undefined },
        { ...scratch.env, LOG_LEVEL: 'silent' },
      );
      const sql = await withDataSource(config, async (dataSource) => {
        await dataSource.runMigrations({ transaction: 'each' });
        return dataSource.driver.createSchemaBuilder().log();
      });
      if (sql.upQueries.length === 0) continue;
      const className = `${name}${dialect === 'postgres' ? 'Postgres' : 'Sqlite'}${timestamp}`;
      const folder = resolve('libs', library, 'src', 'migrations', dialect);
      mkdirSync(folder, { recursive: true });
      const file = join(folder, `${timestamp}-${name}.ts`);
      writeFileSync(
        file,
        `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${indent(sql.upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${indent([...sql.downQueries].reverse())}
  }
}
`,
      );
      written.push(file);
    } finally {
      await scratch.drop();
    }
  }
  return written;
}
