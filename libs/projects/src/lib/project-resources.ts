import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ObjectLiteral, Repository } from 'typeorm';
import { AuthContext, OrganizationResources } from '@ls/auth';
import { Project } from './project.entity';

/**
 * A locator for rows of a table that belong to a project (a `project_id` column): the row exists
 * in one of the caller's organization's projects.
 */
export function inOrganizationProjects<T extends ObjectLiteral & { project_id: number }>(
  repository: Repository<T>,
) {
  return (auth: AuthContext, id: number): Promise<boolean> =>
    repository
      .createQueryBuilder('row')
      .innerJoin(Project, 'project', 'project.id = row.project_id')
      .where('row.id = :id AND project.organization_id = :organizationId', {
        id,
        organizationId: auth.organizationId,
      })
      .getExists();
}

/** `project`: what route paths name with a project id (see `@ResourceParams`). */
@Injectable()
export class ProjectResources implements OnModuleInit {
  constructor(
    private readonly resources: OrganizationResources,
    @InjectRepository(Project) private readonly projects: Repository<Project>,
  ) {}

  onModuleInit(): void {
    this.resources.registerById('project', (auth, id) =>
      this.projects.existsBy({ id, organization_id: auth.organizationId }),
    );
  }
}
