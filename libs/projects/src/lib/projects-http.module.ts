import { Module } from '@nestjs/common';
import { ProjectPeopleController } from './project-people.controller';
import { ProjectsController } from './projects.controller';
import { ProjectsModule } from './projects.module';

@Module({
  imports: [ProjectsModule],
  controllers: [ProjectsController, ProjectPeopleController],
})
export class ProjectsHttpModule {}
