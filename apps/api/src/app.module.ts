import { DynamicModule, Module } from '@nestjs/common';
import { AuthHttpModule, AuthModule } from '@ls/auth';
import { AppConfig, CoreHttpModule, CoreModule, CoreModuleOptions } from '@ls/core';
import { ProjectsHttpModule, ProjectsModule } from '@ls/projects';
import { TasksHttpModule, TasksModule } from '@ls/tasks';
import { AnnotationsHttpModule, AnnotationsModule } from '@ls/annotations';
import { DataManagerHttpModule, DataManagerModule } from '@ls/data-manager';
import { StoragesHttpModule, StoragesModule } from '@ls/storages';
import { PromptsHttpModule, PromptsModule } from '@ls/prompts';
import { WebhooksHttpModule, WebhooksModule } from '@ls/webhooks';
import { AnalyticsHttpModule, AnalyticsModule } from '@ls/analytics';
import { UiModule } from '@ls/ui';
import { VersionModule } from './version/version.module';

/** Domain modules (entities, services, job handlers) that every process of the server loads. */
export const DOMAIN_MODULES = [
  AuthModule,
  ProjectsModule,
  TasksModule,
  AnnotationsModule,
  DataManagerModule,
  StoragesModule,
  PromptsModule,
  WebhooksModule,
  AnalyticsModule,
];

/** Their HTTP controllers, served by the API only. */
export const HTTP_MODULES = [
  CoreHttpModule,
  VersionModule,
  AuthHttpModule,
  ProjectsHttpModule,
  TasksHttpModule,
  AnnotationsHttpModule,
  DataManagerHttpModule,
  StoragesHttpModule,
  PromptsHttpModule,
  WebhooksHttpModule,
  AnalyticsHttpModule,
];

@Module({})
export class AppModule {
  static register(
    config: AppConfig,
    coreOptions: Partial<Omit<CoreModuleOptions, 'config'>> = {},
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot({ role: 'api', config, ...coreOptions }),
        ...DOMAIN_MODULES,
        ...HTTP_MODULES,
        ...(config.UI_ENABLED ? [UiModule] : []),
      ],
    };
  }
}
