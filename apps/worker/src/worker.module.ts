import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@ls/auth';
import { AppConfig, CoreModule } from '@ls/core';
import { ProjectsModule } from '@ls/projects';
import { TasksModule } from '@ls/tasks';
import { AnnotationsModule } from '@ls/annotations';
import { DataManagerModule } from '@ls/data-manager';
import { StoragesModule } from '@ls/storages';
import { PromptsModule } from '@ls/prompts';
import { WebhooksModule } from '@ls/webhooks';

/** Job modules of the domain libraries: their processors run here. */
export const JOB_MODULES = [
  AuthModule,
  ProjectsModule,
  TasksModule,
  AnnotationsModule,
  DataManagerModule,
  StoragesModule,
  PromptsModule,
  WebhooksModule,
];

@Module({})
export class WorkerModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot({ role: 'worker', config }), ...JOB_MODULES],
    };
  }
}
