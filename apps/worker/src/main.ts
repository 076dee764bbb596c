import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { closeOnSignals, HealthService, loadConfigOrExit } from '@ls/core';
import { startHealthServer } from './health-server';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  if (!config.REDIS_URL) {
    process.stderr.write(
      'REDIS_URL is required by the worker: without Redis the API runs every job itself.\n',
    );
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), {
    bufferLogs: true,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  if (config.WORKER_HEALTH_PORT !== undefined) {
    const server = startHealthServer(
      app.get(HealthService),
      config.WORKER_HEALTH_PORT,
      config.HOST,
    );
    process.once('SIGTERM', () => server.close());
  }
  closeOnSignals(app, logger);
  logger.log(`Label Studio worker ${process.pid} is processing jobs`);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
