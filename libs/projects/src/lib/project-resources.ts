import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ObjectLiteral, Repository } from 'typeorm';
import { AuthContext, OrganizationResources, OrganizationScope, ProjectPlace } from '@ls/auth';
import { Pause } from './pauses/pause.entity';
import { Project } from './project.entity';
import { ProjectOwned, ProjectScope } from './project-scope';
import { ProjectRole } from './roles/project-role.entity';
import { Workspace } from './workspaces/workspace.entity';

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

/**
 * Where a row of a table that belongs to a project (a `project_id` column) lives: its project and
 * that project's organization (for `OrganizationResources.registerInProject`). `only` names
 * further column values the row must have (column names written in code, never taken from input).
 */
export function projectPlaceOf<T extends ObjectLiteral & ProjectOwned>(
  repository: Repository<T>,
  only: Record<string, string | number> = {},
) {
  return async (id: number): Promise<ProjectPlace | null> => {
    const query = repository
      .createQueryBuilder('row')
      .innerJoin(Project, 'place_project', 'place_project.id = row.project_id')
      .select('row.project_id', 'project_id')
      .addSelect('place_project.organization_id', 'organization_id')
      .where('row.id = :id', { id });
    for (const [column, value] of Object.entries(only)) {
      query.andWhere(`row.${column} = :only_${column}`, { [`only_${column}`]: value });
    }
    const row = await query.getRawOne<{
      project_id: number | string;
      organization_id: number | string;
    }>();
    return row
      ? { project_id: Number(row.project_id), organization_id: Number(row.organization_id) }
      : null;
  };
}

/**
 * What route paths name (see `@ResourceParams`): `project`, `workspace`, and the objects that
 * live in a project, `project_role` and `pause` (the auth guard checks their project's access).
 */
@Injectable()
export class ProjectResources implements OnModuleInit {
  constructor(
    private readonly resources: OrganizationResources,
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    @InjectRepository(Workspace) private readonly workspaces: Repository<Workspace>,
    @InjectRepository(ProjectRole) private readonly roles: Repository<ProjectRole>,
    @InjectRepository(Pause) private readonly pauses: Repository<Pause>,
  ) {}

  onModuleInit(): void {
    const scope = new OrganizationScope(this.projects);
    this.resources.registerById('project', (auth, id) => scope.exists(auth, { id }));
    const workspaces = new OrganizationScope(this.workspaces);
    this.resources.registerById('workspace', (auth, id) => workspaces.exists(auth, { id }));
    this.resources.registerInProject('project_role', projectPlaceOf(this.roles));
    this.resources.registerInProject('pause', projectPlaceOf(this.pauses));
  }
}
