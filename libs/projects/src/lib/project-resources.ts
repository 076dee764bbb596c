import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ObjectLiteral, Repository } from 'typeorm';
import { AuthContext, OrganizationResources, OrganizationScope } from '@ls/auth';
import { Project } from './project.entity';
import { ProjectOwned, ProjectScope } from './project-scope';

/**
 * A locator for rows of a table that belong to a project (a `project_id` column): the row exists
 * in one of the caller's organization's projects.
 */
export function inOrganizationProjects<T extends ObjectLiteral & ProjectOwned>(
  repository: Repository<T>,
) {
  const scope = new ProjectScope(repository);
  return (auth: AuthContext, id: number): Promise<boolean> => scope.exists(auth, id);
}

/** `project`: what route paths name with a project id (see `@ResourceParams`). */
@Injectable()
export class ProjectResources implements OnModuleInit {
  constructor(
    private readonly resources: OrganizationResources,
    @InjectRepository(Project) private readonly projects: Repository<Project>,
  ) {}

  onModuleInit(): void {
    const scope = new OrganizationScope(this.projects);
    this.resources.registerById('project', (auth, id) => scope.exists(auth, { id }));
  }
}
