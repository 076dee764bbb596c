import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { closeOnSignals, configureHttpApp, createHttpAdapter, loadConfigOrExit } from '@ls/core';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config),
    createHttpAdapter(config),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  configureHttpApp(app);
  closeOnSignals(app, app.get(Logger));
  await app.listen(config.PORT, config.HOST);
  app.get(Logger).log(`Label Studio API listening on http://${config.HOST}:${config.PORT}`);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
