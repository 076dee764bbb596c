import { DynamicModule, Module } from '@nestjs/common';
import { RouterModule } from '@nestjs/core';
import { AuthHttpModule, AuthModule } from '@ls/auth';
import { AppConfig, CoreModule } from '@ls/core';
import { ProjectsHttpModule, ProjectsModule } from '@ls/projects';
import { TasksHttpModule, TasksModule } from '@ls/tasks';
import { GreetingController } from './greeting.controller';

/** Where the libraries' routes live in this app: `/labeling/api/projects`, … */
export const LABELING_PREFIX = 'labeling';

/**
 * An app of another team that embeds projects and tasks: the libraries' modules (entities,
 * services, migrations) and their HTTP modules, mounted under a prefix of its own.
 */
@Module({})
export class EmbeddedAppModule {
  static register(config: AppConfig): DynamicModule {
    const mounted = [AuthHttpModule, ProjectsHttpModule, TasksHttpModule];
    return {
      module: EmbeddedAppModule,
      imports: [
        CoreModule.forRoot({ role: 'api', config }),
        AuthModule,
        ProjectsModule,
        TasksModule,
        ...mounted,
        RouterModule.register(mounted.map((module) => ({ path: LABELING_PREFIX, module }))),
      ],
      controllers: [GreetingController],
    };
  }
}
