import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { configureHttpApp, createHttpAdapter, loadConfigOrExit } from '@ls/core';
import { EmbeddedAppModule } from './embedded-app.module';

/** The example as a server: `node dist/examples/embed-projects/main.js` after its build. */
async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.create<NestFastifyApplication>(
    EmbeddedAppModule.register(config),
    createHttpAdapter(config),
  );
  configureHttpApp(app);
  await app.listen(config.PORT, config.HOST);
}

void bootstrap();
