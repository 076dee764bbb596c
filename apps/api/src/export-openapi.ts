import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { buildOpenApiDocument, createHttpAdapter, loadConfig } from '@ls/core';
import { AppModule } from './app.module';

/** Writes the OpenAPI document the API serves at /docs-json to a file, without serving anything. */
async function exportOpenApi(outFile: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ls-openapi-'));
  const config = loadConfig({}, { DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config, { runJobs: false }),
    createHttpAdapter(config),
    { logger: false },
  );
  try {
    await app.init();
    writeFileSync(outFile, JSON.stringify(buildOpenApiDocument(app), null, 2));
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

exportOpenApi(process.argv[2] ?? 'dist/openapi.json').catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
